namespace AutoFinance.Credit.Export;

/// <summary>
/// The texts the engine reads as "no value" (after trimming), as <see cref="Data.MissingValues"/> knows them; exports
/// spell them out so that a consumer reads a categorical value the same way.
/// </summary>
internal static class MissingSpellings
{
    public static IReadOnlyList<string> All { get; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?", "."];
}
