using System.Globalization;
using AutoFinance.Cli.Common;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;

namespace AutoFinance.Cli.Credit;

/// <summary>Option parsing shared by the credit commands.</summary>
internal static class CreditInput
{
    public static HashSet<string> List(string? text) =>
        text is null ? new HashSet<string>(StringComparer.Ordinal) : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    public static double? Double(InputReader input, string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        input.Add(new Domain.Validation.FieldError(field, $"'{text}' is not a number"));
        return null;
    }

    public static IReadOnlyList<double> Doubles(InputReader input, string field, string? text)
    {
        var values = new List<double>();
        foreach (var part in List(text))
        {
            if (Double(input, field, part) is { } value)
            {
                values.Add(value);
            }
        }

        return [.. values.Order()];
    }

    /// <summary>A labelled CSV as train and benchmark read it: the target, and the columns to leave out, read as categories or keep as special values.</summary>
    public static LoadedDataset LoadLabelled(string path, TargetDefinition target, string? exclude, string? categorical, string? special)
    {
        RequireFile("data", path);
        RequireColumns(path, ("exclude", List(exclude)), ("categorical", List(categorical)));
        return DatasetLoader.LoadFile(path, new DatasetOptions
        {
            Target = target.Column,
            BadValue = target.BadValue,
            Exclude = List(exclude),
            Categorical = List(categorical),
            SpecialValues = List(special),
        });
    }

    /// <summary>A column an option names that the file's header does not have is a typo, refused rather than ignored.</summary>
    private static void RequireColumns(string path, params (string Option, IReadOnlySet<string> Names)[] named)
    {
        if (named.All(n => n.Names.Count == 0))
        {
            return;
        }

        var header = File.ReadLines(path).FirstOrDefault()?.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().Trim('"')).ToList() ?? [];
        foreach (var (option, names) in named)
        {
            if (names.FirstOrDefault(n => !header.Contains(n)) is { } missing)
            {
                throw new BadInputException($"--{option}: the column '{missing}' is not in the file (columns: {string.Join(", ", header.Take(30))})");
            }
        }
    }

    public static void RequireFile(string field, string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"--{field}: the file '{path}' does not exist");
        }
    }

    public static ScorecardDocument LoadModel(string path)
    {
        RequireFile("model", path);
        return ModelJson.Load(path);
    }

    public static AutoFinance.Credit.Models.CreditModel LoadCreditModel(string path)
    {
        RequireFile("model", path);
        return AutoFinance.Credit.Models.CreditModel.Load(path);
    }

    /// <summary>Reads a file to evaluate or score with the model's own view of each column.</summary>
    public static LoadedDataset LoadForModel(ScorecardDocument model, string path, string? target, string? bad)
    {
        RequireFile("data", path);
        var targetColumn = target ?? model.Target.Column;
        if (string.IsNullOrEmpty(targetColumn))
        {
            throw new BadInputException("--target: the model does not record its target column; name it");
        }

        return DatasetLoader.LoadFile(path, new DatasetOptions
        {
            Target = targetColumn,
            BadValue = target is null ? model.Target.BadValue : bad,
            Categorical = model.Characteristics.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name)
                .Concat(model.Challenger?.Features.Where(f => f.Kind == ColumnKind.Categorical).Select(f => f.Name) ?? [])
                .ToHashSet(StringComparer.Ordinal),
            MaxCategories = 100_000,
            DropUninformative = false,
        });
    }

    public static string F(double value, string format = "0.0000") => value.ToString(format, CultureInfo.InvariantCulture);
}
