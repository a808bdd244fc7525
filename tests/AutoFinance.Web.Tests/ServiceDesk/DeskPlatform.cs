using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.ServiceDesk;

/// <summary>
/// The platform with a movable clock and the background escalation check switched off, so the tests decide when the
/// check runs (POST /api/v1/cases/escalations) and nothing races them.
/// </summary>
public sealed class DeskPlatform : SqlitePlatform, IClockedPlatform
{
    public MovableClock Clock { get; } = MovableClock.Start();

    protected override void Configure(WebApplicationBuilder builder) => Desk.Configure(builder, Clock);
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class DeskPostgresPlatform : PostgresPlatform, IClockedPlatform
{
    public MovableClock Clock { get; } = MovableClock.Start();

    protected override void Configure(WebApplicationBuilder builder) => Desk.Configure(builder, Clock);
}

internal static class Desk
{
    public static void Configure(WebApplicationBuilder builder, MovableClock clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ServiceDesk:EscalationCheckSeconds"] = "0" });
    }

    public static AutoFinanceDbContext Db(PlatformFixture platform) =>
        platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();

    public static async Task<Guid> CustomerIdOf(PlatformFixture platform, string userName)
    {
        await using var db = Db(platform);
        var hash = platform.App.Services.GetRequiredService<AccountNames>().LookupHash(userName);
        return (await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == hash)).CustomerId!.Value;
    }
}
