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

    /// <summary>The clock starts at the same instant in every fixture, so the demo data seeds the same.</summary>
    protected override bool FromTemplate => true;

    protected override IEnumerable<string> Arguments => LedgerScenarios.Arguments;

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

    /// <summary>The clock starts at the same instant in every fixture, so the demo data seeds the same.</summary>
    protected override bool FromTemplate => true;

    protected override IEnumerable<string> Arguments => LedgerScenarios.Arguments;

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Clock);
    }
}

/// <summary>
/// The servicing scenarios are about the ledger: money staff post there is not held for a second person whatever the
/// amount (the four-eyes limit is pinned by the staff receipt scenarios).
/// </summary>
internal static class LedgerScenarios
{
    public static readonly IEnumerable<string> Arguments = ["--Payments:StaffReceipts:ApprovalAbove=1000000000"];
}

public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static MovableClock Start() => new(new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
