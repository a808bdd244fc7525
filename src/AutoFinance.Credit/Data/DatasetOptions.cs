namespace AutoFinance.Credit.Data;

/// <summary>What the analyst says about a training file: the target, which value is bad, and column overrides.</summary>
public sealed record DatasetOptions
{
    /// <summary>The outcome column; empty for an unlabelled file that is only to be scored.</summary>
    public required string Target { get; init; }

    /// <summary>The target value meaning "bad"; when null the target must be 0/1 with 1 = bad.</summary>
    public string? BadValue { get; init; }

    /// <summary>Columns forced to be categorical even when every value is a number.</summary>
    public IReadOnlySet<string> Categorical { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Columns left out of modelling (identifiers, dates, leaks).</summary>
    public IReadOnlySet<string> Exclude { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Sentinel values (e.g. -999 "no bureau file") kept in their own bins instead of being binned as numbers.</summary>
    public IReadOnlySet<string> SpecialValues { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A text column with more distinct values than this is treated as an identifier and dropped.</summary>
    public int MaxCategories { get; init; } = 200;

    /// <summary>
    /// Drop constant, all-missing and identifier-like columns (training). Evaluation keeps every column, since a model
    /// may use a column that happens to be constant in a new file.
    /// </summary>
    public bool DropUninformative { get; init; } = true;
}
