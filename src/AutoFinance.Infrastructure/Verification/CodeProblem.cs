using System.Globalization;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Validation;
using AutoFinance.Domain.Verification;

namespace AutoFinance.Infrastructure.Verification;

/// <summary>How a code that did not verify is told to the person who typed it: a stable code and an English text.</summary>
public static class CodeProblem
{
    public static string CodeOf(CodeCheck check) => check switch
    {
        CodeCheck.Expired => "code.expired",
        CodeCheck.TooManyAttempts or CodeCheck.WrongNowExhausted => "code.attempts-exhausted",
        _ => "code.invalid",
    };

    /// <summary>
    /// A code that did not verify, told to a person known to hold the number: a wrong one says how many tries are
    /// left (<c>triesLeft</c>), under the same stable code.
    /// </summary>
    public static FieldError ForHolder(string field, CodeVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return verification.Check == CodeCheck.Wrong
            ? new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"is not the code we texted you; {verification.TriesLeft} more tries, or ask for a new code"), CodeOf(verification.Check),
                new Dictionary<string, string> { ["triesLeft"] = verification.TriesLeft.ToString(CultureInfo.InvariantCulture) })
            : new FieldError(field, MessageOf(verification.Check), CodeOf(verification.Check));
    }

    public static string MessageOf(CodeCheck check) => check switch
    {
        CodeCheck.Expired => "the code has expired; ask for a new one",
        CodeCheck.TooManyAttempts or CodeCheck.WrongNowExhausted => "too many wrong tries; ask for a new code",
        _ => "is not the code sent, or no code was sent to this number",
    };
}
