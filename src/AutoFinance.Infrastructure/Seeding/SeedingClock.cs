namespace AutoFinance.Infrastructure.Seeding;

/// <summary>
/// A clock the demo seeding moves through the past, so the story loans are decided, booked, paid and closed day by
/// day by the same code that serves them later; it keeps the platform clock's time zone, so business dates agree.
/// </summary>
public sealed class SeedingClock(TimeProvider platform) : TimeProvider
{
    private DateTimeOffset now = platform.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => platform.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Moves to a business date at a local hour.</summary>
    public void MoveTo(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        now = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, LocalTimeZone), TimeSpan.Zero);
    }
}
