namespace AutoFinance.Domain.Origination;

/// <summary>An e-mail address a mail server will take: <c>name@host.example</c>, trimmed, its domain in lower case.</summary>
public static class EmailAddress
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 256-character path less its angle brackets).</summary>
    public const int MaxLength = 254;

    /// <remarks>
    /// One @; a local part of 1 to 64 characters with no spaces, quotes, brackets, commas or semicolons and no dot at
    /// either end or two together; a domain of at least two dot-separated labels of letters, digits and hyphens (1 to
    /// 63 each, no hyphen at either end), the last at least two letters. Quoted local parts and address literals
    /// (<c>user@[10.0.0.1]</c>) are left out: no finance desk is reached at one.
    /// </remarks>
    public static string? Normalize(string? text)
    {
        var address = text?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > MaxLength || address.Count(c => c == '@') != 1)
        {
            return null;
        }

        var at = address.IndexOf('@', StringComparison.Ordinal);
        var (local, domain) = (address[..at], address[(at + 1)..].ToLowerInvariant());
        return LocalPartIsValid(local) && DomainIsValid(domain) ? $"{local}@{domain}" : null;
    }

    private static bool LocalPartIsValid(string local) =>
        local.Length is >= 1 and <= 64 && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => c > ' ' && c != 127 && !"\"(),:;<>[\\]".Contains(c, StringComparison.Ordinal));

    private static bool DomainIsValid(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(l => l.Length is >= 1 and <= 63 && !l.StartsWith('-') && !l.EndsWith('-') && l.All(c => char.IsLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2 && labels[^1].All(char.IsLetter);
    }
}
