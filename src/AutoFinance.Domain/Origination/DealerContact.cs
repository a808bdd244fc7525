using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// How a dealer's finance desk is written to: the e-mail its notices go to besides its inbox (none: the inbox only)
/// and the language they are written in.
/// </summary>
public sealed record DealerContact(string? Email, string Language)
{
    public const string Chinese = "zh-CN";

    public const string English = "en";

    /// <summary>The languages a dealer's notices are written in; Chinese unless the dealer asked for English.</summary>
    public static IReadOnlyList<string> Languages { get; } = [Chinese, English];

    /// <summary>
    /// The contact from what an administrator typed, or every problem at once: an e-mail that is not an address
    /// (<c>email.format</c>; empty means none), a language other than zh-CN or en (<c>field.language</c>; empty means zh-CN).
    /// </summary>
    public static (DealerContact? Contact, IReadOnlyList<FieldError> Errors) Read(string? email, string? language)
    {
        var errors = new List<FieldError>();
        var address = EmailAddress.Normalize(email);
        if (!string.IsNullOrWhiteSpace(email) && address is null)
        {
            errors.Add(FieldProblems.Of("email", "email.format", "is not an e-mail address"));
        }

        var spoken = string.IsNullOrWhiteSpace(language) ? Chinese : Languages.FirstOrDefault(l => string.Equals(l, language.Trim(), StringComparison.OrdinalIgnoreCase));
        if (spoken is null)
        {
            errors.Add(FieldProblems.Of("language", "field.language", $"must be {Chinese} or {English}"));
        }

        return errors.Count > 0 ? (null, errors) : (new DealerContact(address, spoken!), errors);
    }
}
