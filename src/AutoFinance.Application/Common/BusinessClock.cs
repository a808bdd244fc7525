namespace AutoFinance.Application.Common;

/// <summary>
/// A clock read in the lender's time zone: today's business date (a payment's, a close's, a notice's) is the date in
/// Beijing however the server's own zone is set. A server on UTC otherwise dated a payment made between midnight and
/// 08:00 Beijing time on the day before, which end-of-day had already closed.
/// </summary>
public sealed class BusinessClock(TimeProvider time, TimeZoneInfo zone) : TimeProvider
{
    /// <summary>The zone the business runs in unless configured otherwise.</summary>
    public const string DefaultZone = "Asia/Shanghai";

    /// <summary>The system clock in the zone named (the IANA id), or in <see cref="DefaultZone"/>.</summary>
    public static BusinessClock OfSystem(string? zone = null) =>
        new(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(zone) ? DefaultZone : zone));

    public override TimeZoneInfo LocalTimeZone => zone;

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        time.CreateTimer(callback, state, dueTime, period);
}
