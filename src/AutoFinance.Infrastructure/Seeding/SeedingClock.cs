namespace AutoFinance.Infrastructure.Seeding;

/// <summary>
/// A clock the demo seeding moves through the past, so the story loans are decided, booked, paid and closed day by
/// day by the same code that serves them later; it keeps the platform clock's time zone, so business dates agree.
/// </summary>
public sealed class SeedingClock(TimeProvider platform) : TimeProvider
{
    /// <summary>The zone the lender's staff and customers live in, whose working hours the seeded events keep.</summary>
    private static readonly TimeZoneInfo Users = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private DateTimeOffset now = platform.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => platform.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>
    /// Moves to a business date at an hour of the users' day (a collector's call at 15:00 Beijing time, not at 23:00
    /// on a server kept in UTC). Where that hour falls on another business date in the platform's zone, the hour is
    /// the platform's own, so the date always holds.
    /// </summary>
    public void MoveTo(DateOnly day, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Unspecified);
        var users = TimeZoneInfo.ConvertTimeToUtc(local, Users);
        var utc = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(users, LocalTimeZone)) == day
            ? users
            : TimeZoneInfo.ConvertTimeToUtc(local, LocalTimeZone);
        now = new DateTimeOffset(utc, TimeSpan.Zero);
    }
}
