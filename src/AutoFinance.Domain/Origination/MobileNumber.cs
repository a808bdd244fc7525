namespace AutoFinance.Domain.Origination;

/// <summary>A mainland China mobile number: 11 digits starting 13–19, optionally written with +86 or 0086.</summary>
public static class MobileNumber
{
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    public static string Mask(string mobile)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        return mobile.Length == 11 ? string.Concat(mobile.AsSpan(0, 3), "****", mobile.AsSpan(7)) : new string('*', mobile.Length);
    }
}
