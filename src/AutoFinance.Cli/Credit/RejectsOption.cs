using AutoFinance.Cli.Common;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.RejectInference;
using AutoFinance.Credit.Scorecards;

namespace AutoFinance.Cli.Credit;

/// <summary><c>--rejects</c>, <c>--inference</c> and <c>--uplift</c> of train: whether and how the rejects join the training.</summary>
internal static class RejectsOption
{
    /// <summary>The inference asked for, or null without a rejects file; every problem is added to <paramref name="input"/>.</summary>
    public static RejectInferenceOptions? Parse(InputReader input, string? rejects, string? method, string? uplift, TrainingOptions training)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(training);
        if (rejects is null)
        {
            if (method is not null || uplift is not null)
            {
                input.Add(new Domain.Validation.FieldError(method is not null ? "inference" : "uplift", "needs --rejects, the file of rejected applications"));
            }

            return null;
        }

        var parsed = (method ?? "parcelling").Trim().ToLowerInvariant() switch
        {
            "parcelling" => InferenceMethod.Parcelling,
            "fuzzy" => InferenceMethod.FuzzyAugmentation,
            var other => Invalid(input, other),
        };
        if (parsed == InferenceMethod.FuzzyAugmentation && (training.Challenger is not null || training.Ebm is not null))
        {
            // Fuzzy augmentation replicates every row; the challenger's folds and the boosting machine's stopping
            // part would hold copies of the rows they are measured against.
            input.Add(new Domain.Validation.FieldError("inference", "fuzzy augmentation trains the scorecard only: add --no-challenger and leave out --model ebm/gbdt and --with-ebm, or use parcelling"));
        }

        var options = new RejectInferenceOptions
        {
            Method = parsed,
            Uplift = CreditInput.Double(input, "uplift", uplift) ?? new RejectInferenceOptions().Uplift,
            Seed = training.Seed,
        };
        input.AddRange(options.Problems().Select(p => new Domain.Validation.FieldError("uplift", p)));
        return options;
    }

    /// <summary>
    /// The rejects' applications read as the accepts were: the accepts' categorical columns stay categorical, the
    /// outcome column (empty for a reject) and the excluded columns are left out, nothing is dropped for being constant.
    /// </summary>
    public static CreditDataset Load(string path, LoadedDataset accepts, TargetDefinition target, string? exclude)
    {
        ArgumentNullException.ThrowIfNull(accepts);
        ArgumentNullException.ThrowIfNull(target);
        CreditInput.RequireFile("rejects", path);
        var excluded = CreditInput.List(exclude);
        excluded.Add(target.Column);
        return DatasetLoader.LoadFile(path, new DatasetOptions
        {
            Target = string.Empty,
            Exclude = excluded,
            Categorical = accepts.Data.Columns.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name).ToHashSet(StringComparer.Ordinal),
            SpecialValues = accepts.SpecialCategories.ToHashSet(StringComparer.Ordinal),
            MaxCategories = 100_000,
            DropUninformative = false,
        }).Data;
    }

    private static InferenceMethod Invalid(InputReader input, string text)
    {
        input.Add(new Domain.Validation.FieldError("inference", $"'{text}' is not parcelling or fuzzy"));
        return InferenceMethod.Parcelling;
    }
}
