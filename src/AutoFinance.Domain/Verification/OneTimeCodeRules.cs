namespace AutoFinance.Domain.Verification;

/// <summary>
/// The rules of SMS one-time codes: six digits, good for five minutes, five tries, and sending throttled per number
/// and per client address. Only the newest code sent for a purpose to a number counts; a resend replaces it.
/// </summary>
public static class OneTimeCodeRules
{
    public const int Digits = 6;

    public const int MaxAttempts = 5;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>At most one code to a number per minute (a resend waits).</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromHours(1);

    /// <summary>Codes sent to one number within <see cref="ThrottleWindow"/>, whatever the purpose.</summary>
    public const int MaxPerNumber = 5;

    /// <summary>Codes asked for from one client address within <see cref="ThrottleWindow"/>, to any number, unless configured otherwise.</summary>
    public const int MaxPerAddress = 10;

    /// <summary>
    /// Whether another code may be sent now, given the times of the codes already sent to the number and from the
    /// address (any order), and if not, how long until it may.
    /// </summary>
    public static SendPermission MaySend(DateTimeOffset now, IReadOnlyCollection<DateTimeOffset> sentToNumber, IReadOnlyCollection<DateTimeOffset> sentFromAddress, int maxPerAddress = MaxPerAddress)
    {
        ArgumentNullException.ThrowIfNull(sentToNumber);
        ArgumentNullException.ThrowIfNull(sentFromAddress);
        var windowStart = now - ThrottleWindow;
        var toNumber = sentToNumber.Where(t => t > windowStart).Order().ToList();
        if (toNumber.Count > 0 && toNumber[^1] + ResendInterval > now)
        {
            return SendPermission.Wait(toNumber[^1] + ResendInterval - now);
        }

        if (toNumber.Count >= MaxPerNumber)
        {
            return SendPermission.Wait(toNumber[^MaxPerNumber] + ThrottleWindow - now);
        }

        var fromAddress = sentFromAddress.Where(t => t > windowStart).Order().ToList();
        return fromAddress.Count >= maxPerAddress
            ? SendPermission.Wait(fromAddress[^maxPerAddress] + ThrottleWindow - now)
            : SendPermission.Allowed;
    }

    /// <summary>
    /// Checks a code typed in against the newest code sent. The code is compared by its hash only; a wrong code uses
    /// up one of the attempts, and a spent, expired or exhausted code never verifies again.
    /// </summary>
    public static CodeCheck Check(DateTimeOffset now, SentCode? newest, string? typedHash)
    {
        if (newest is null || newest.ConsumedAt is not null)
        {
            return CodeCheck.NoCode;
        }

        if (now >= newest.SentAt + Lifetime)
        {
            return CodeCheck.Expired;
        }

        if (newest.Attempts >= MaxAttempts)
        {
            return CodeCheck.TooManyAttempts;
        }

        return typedHash is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(typedHash), System.Text.Encoding.ASCII.GetBytes(newest.CodeHash))
            ? CodeCheck.Verified
            : newest.Attempts + 1 >= MaxAttempts ? CodeCheck.WrongNowExhausted : CodeCheck.Wrong;
    }

    /// <summary>The tries a code has left once a wrong one is counted against the <paramref name="attemptsBefore"/> made before it.</summary>
    public static int TriesLeftAfterWrong(int attemptsBefore) => Math.Max(0, MaxAttempts - attemptsBefore - 1);

    /// <summary>Whether text is six ASCII digits (anything else is never a code).</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);
}

/// <summary>A code as stored: its keyed hash, when it was sent, how often it was tried, when it was used.</summary>
public sealed record SentCode(string CodeHash, DateTimeOffset SentAt, int Attempts, DateTimeOffset? ConsumedAt);

public enum CodeCheck
{
    Verified,
    Wrong,
    WrongNowExhausted,
    Expired,
    TooManyAttempts,
    NoCode,
}

/// <summary>Whether a code may be sent, and if not, after how long.</summary>
public readonly record struct SendPermission(bool Granted, TimeSpan RetryAfter)
{
    public static SendPermission Allowed => new(true, TimeSpan.Zero);

    public static SendPermission Wait(TimeSpan retryAfter) => new(false, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter);
}
