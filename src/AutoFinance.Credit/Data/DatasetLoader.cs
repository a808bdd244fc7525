using System.Globalization;

namespace AutoFinance.Credit.Data;

/// <summary>
/// Turns a CSV into a modelling dataset: finds the target, decides numeric vs categorical per column (with the
/// analyst's overrides), and drops what cannot carry information (constant, all-missing, identifier-like columns).
/// </summary>
public static class DatasetLoader
{
    public static LoadedDataset Load(Stream csv, DatasetOptions options)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(options);
        var raw = CsvColumnsReader.Read(csv, options.MaxCategories + 1);
        return Build(raw, options);
    }

    public static LoadedDataset LoadFile(string path, DatasetOptions options)
    {
        using var stream = OpenFile(path);
        return Load(stream, options);
    }

    public static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CreditDataException($"cannot read '{path}': {e.Message}", e);
        }
    }

    private static LoadedDataset Build(IReadOnlyList<RawColumn> raw, DatasetOptions options)
    {
        RawColumn? targetColumn = null;
        byte[] target;
        if (options.Target.Length == 0)
        {
            // An unlabelled file, to be scored: every outcome reads as good and is never used.
            target = new byte[raw[0].Codes.Count];
        }
        else
        {
            targetColumn = raw.FirstOrDefault(c => c.Name == options.Target)
                ?? throw new CreditDataException($"the target column '{options.Target}' is not in the file (columns: {string.Join(", ", raw.Select(c => c.Name).Take(30))})");
            target = ReadTarget(targetColumn, options.BadValue);
        }

        var specialNumbers = options.SpecialValues
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN)
            .Where(double.IsFinite)
            .Distinct()
            .Order()
            .ToArray();

        var columns = new List<DatasetColumn>();
        var dropped = new List<DroppedColumn>();
        var textInNumbers = new List<TextInNumbers>();
        foreach (var column in raw)
        {
            if (column == targetColumn || options.Exclude.Contains(column.Name))
            {
                continue;
            }

            if (!options.Categorical.Contains(column.Name) && TextAmongNumbers(column) is { } slip)
            {
                textInNumbers.Add(slip);
            }

            var reason = options.DropUninformative ? DropReason(column, options) : null;
            if (reason is not null)
            {
                dropped.Add(new DroppedColumn(column.Name, reason));
                continue;
            }

            var categorical = !column.AllNumeric || options.Categorical.Contains(column.Name);
            columns.Add(categorical
                ? new CategoricalColumn(column.Name, [.. column.Codes], [.. column.Levels])
                : new NumericColumn(column.Name, [.. column.Numbers]));
        }

        if (columns.Count == 0 && options.DropUninformative)
        {
            throw new CreditDataException("no usable input column is left besides the target");
        }

        return new LoadedDataset(new CreditDataset(columns, target), dropped, specialNumbers, [.. options.SpecialValues.Order(StringComparer.Ordinal)])
        {
            TextInNumbers = textInNumbers,
        };
    }

    /// <summary>A column of numbers but for a few text values (a typo, a stray marker), or null.</summary>
    private static TextInNumbers? TextAmongNumbers(RawColumn column)
    {
        var present = column.Codes.Count - column.MissingCount;
        return column.FirstText is { } first && column.TextCount < present && present - column.TextCount >= TextInNumbers.NumbersShare * present
            ? new TextInNumbers(column.Name, column.TextCount, present, first.Value, first.Row + 2)
            : null;
    }

    private static string? DropReason(RawColumn column, DatasetOptions options)
    {
        var rows = column.Codes.Count;
        if (column.MissingCount == rows)
        {
            return "all values missing";
        }

        var categorical = !column.AllNumeric || options.Categorical.Contains(column.Name);
        if (categorical && column.TooManyLevels)
        {
            return $"more than {options.MaxCategories} distinct text values (an identifier?)";
        }

        if (column.MissingCount == 0 && IsConstant(column, categorical))
        {
            return "constant";
        }

        return null;
    }

    private static bool IsConstant(RawColumn column, bool categorical)
    {
        if (categorical || !column.TooManyLevels)
        {
            return column.Levels.Count == 1;
        }

        var first = column.Numbers[0];
        return column.Numbers.All(v => v.Equals(first));
    }

    private static byte[] ReadTarget(RawColumn column, string? badValue)
    {
        var name = column.Name;
        if (column.MissingCount > 0)
        {
            var row = column.Codes.IndexOf(CategoricalColumn.Missing) + 2;
            throw new CreditDataException($"the target column '{name}' has no value on line {row}");
        }

        if (column.TooManyLevels || column.Levels.Count > 2)
        {
            throw new CreditDataException($"the target column '{name}' is not binary: it has values {string.Join(", ", column.Levels.Take(5))}{(column.Levels.Count > 5 ? ", ..." : string.Empty)}");
        }

        int badCode;
        if (badValue is null)
        {
            var nonBinary = column.Numbers.FirstOrDefault(v => v is not (0 or 1), 0);
            if (!column.AllNumeric || nonBinary is not (0 or 1))
            {
                throw new CreditDataException($"the target column '{name}' must be 0/1 (1 = bad) unless --bad names the bad value; found '{column.Levels.First(l => l is not ("0" or "1"))}'");
            }

            badCode = -2;
        }
        else
        {
            badCode = column.Levels.ToList().IndexOf(badValue);
            if (badCode < 0)
            {
                throw new CreditDataException($"the bad value '{badValue}' never occurs in the target column '{name}' (values: {string.Join(", ", column.Levels)})");
            }
        }

        var target = new byte[column.Codes.Count];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = badCode == -2 ? (byte)column.Numbers[i] : column.Codes[i] == badCode ? (byte)1 : (byte)0;
        }

        var bads = target.Count(t => t == 1);
        if (bads == 0 || bads == target.Length)
        {
            throw new CreditDataException($"the target column '{name}' has one class only (all {(bads == 0 ? "good" : "bad")}); a model needs both");
        }

        return target;
    }
}
