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

    public static string MessageOf(CodeCheck check) => check switch
    {
        CodeCheck.Expired => "the code has expired; ask for a new one",
        CodeCheck.TooManyAttempts or CodeCheck.WrongNowExhausted => "too many wrong tries; ask for a new code",
        _ => "is not the code sent, or no code was sent to this number",
    };
}
