namespace AutoFinance.Credit.Data;

/// <summary>The spellings of "no value" found in exported credit files.</summary>
public static class MissingValues
{
    /// <summary>The texts read as "no value" after trimming; exports spell out the same list.</summary>
    public static IReadOnlyList<string> Tokens { get; } = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "?", "."];

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

    public static bool IsMissing(ReadOnlySpan<byte> utf8)
    {
        var trimmed = utf8.Trim(" \t"u8);
        if (trimmed.Length > 4)
        {
            return false;
        }

        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < trimmed.Length; i++)
        {
            chars[i] = (char)trimmed[i];
        }

        return IsMissing(chars[..trimmed.Length]);
    }
}
