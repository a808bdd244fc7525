using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>A platform whose clock the test moves, so instalments can fall due.</summary>
public interface IClockedPlatform
{
    MovableClock Clock { get; }
}

/// <summary>The platform on SQLite with a movable clock.</summary>
public sealed class ClockedPlatform : SqlitePlatform, IClockedPlatform
{
    public MovableClock Clock { get; } = MovableClock.Start();

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Clock);
    }
}

/// <summary>The platform on PostgreSQL with a movable clock.</summary>
public sealed class ClockedPostgresPlatform : PostgresPlatform, IClockedPlatform
{
    public MovableClock Clock { get; } = MovableClock.Start();

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Clock);
    }
}

public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static MovableClock Start() => new(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
