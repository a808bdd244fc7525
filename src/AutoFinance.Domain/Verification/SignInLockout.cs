namespace AutoFinance.Domain.Verification;

/// <summary>
/// Lockout with back-off after failed sign-ins to one name: the first <see cref="FreeFailures"/> failures cost
/// nothing; each one after locks the name for a minute, doubling with every further failure up to an hour. A quiet
/// day forgets the failures; a successful sign-in clears them.
/// </summary>
public static class SignInLockout
{
    public const int FreeFailures = 5;

    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(1);

    public static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);

    /// <summary>The failures counted before a new one, given the last one's time (old failures are forgotten).</summary>
    public static int CountedFailures(int failures, DateTimeOffset lastFailureAt, DateTimeOffset now) =>
        now - lastFailureAt >= ForgetAfter ? 0 : failures;

    /// <summary>How long a name is locked after its <paramref name="failures"/>-th failure in a row (zero for the free ones).</summary>
    public static TimeSpan LockAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 10);
        var minutes = FirstLock.TotalMinutes * Math.Pow(2, doublings);
        return minutes >= LongestLock.TotalMinutes ? LongestLock : TimeSpan.FromMinutes(minutes);
    }
}
