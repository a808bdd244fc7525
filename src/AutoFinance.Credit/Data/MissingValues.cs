namespace AutoFinance.Credit.Data;

/// <summary>The spellings of "no value" found in exported credit files.</summary>
public static class MissingValues
{
    private static readonly string[] Tokens = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?", "."];

    public static bool IsMissing(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        foreach (var token in Tokens)
        {
            if (trimmed.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
