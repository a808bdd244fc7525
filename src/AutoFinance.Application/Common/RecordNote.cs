using System.Globalization;

namespace AutoFinance.Application.Common;

/// <summary>
/// What a record says happened or is asked for (an approval's request and outcome, a job's run), without personal
/// data: one English sentence for the record, the audit and the API, and the same facts by name (language-neutral
/// figures and words), from which each page says it in its reader's language.
/// </summary>
public sealed record RecordNote(string Text, IReadOnlyDictionary<string, string> Facts)
{
    public static RecordNote Of(string text, params (string Name, string Value)[] facts) =>
        new(text, facts.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));

    /// <summary>An amount as the record keeps it: two decimals, invariant.</summary>
    public static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A rate in per cent as the record keeps it: at least two decimals, invariant.</summary>
    public static string Percent(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A count or other whole figure as the record keeps it, invariant.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A measure (seconds, an index) as the record keeps it: invariant, with at most the decimals given.</summary>
    public static string Figure(double value, int decimals) => value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);
}
