namespace AutoFinance.Application.Security;

/// <summary>
/// What a new password must be: 10 to 200 characters, not one of the commonly used passwords (the list kept in the
/// repository, compared without regard to case), and not the account's mobile number (with or without its prefix).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;

    public const int MaxLength = 200;

    /// <summary>The problem with a proposed password, as a stable code and an English text, or null if it is acceptable.</summary>
    public static (string Code, string Message)? Problem(string? password, string? mobile, ICommonPasswords common)
    {
        ArgumentNullException.ThrowIfNull(common);
        if (password is null || password.Length < MinLength || password.Length > MaxLength)
        {
            return ("password.length", $"must be {MinLength} to {MaxLength} characters");
        }

        if (mobile is not null && password.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(mobile, StringComparison.Ordinal))
        {
            return ("password.mobile", "must not contain your mobile number");
        }

        return common.Contains(password) ? ("password.common", "is a commonly used password; choose another") : null;
    }
}

/// <summary>The list of commonly used passwords a new password must not be.</summary>
public interface ICommonPasswords
{
    bool Contains(string password);
}
