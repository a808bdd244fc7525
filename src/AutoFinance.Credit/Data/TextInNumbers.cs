namespace AutoFinance.Credit.Data;

/// <summary>
/// A column whose values are nearly all numbers but not all: it is read as categories (or dropped as identifier-like),
/// so an analyst is told which value stood in the way, where, and how many such values there are.
/// </summary>
/// <param name="Line">The file's line of the first such value (the header is line 1).</param>
public sealed record TextInNumbers(string Name, int TextValues, int Values, string FirstText, int Line)
{
    /// <summary>The share of a column's values present that must be numbers for a few text values to look like a slip.</summary>
    public const double NumbersShare = 0.9;
}
