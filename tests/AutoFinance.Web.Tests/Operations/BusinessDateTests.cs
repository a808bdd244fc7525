using AutoFinance.Application.Common;
using AutoFinance.Application.Servicing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// The business date is Beijing's, whatever zone the server runs in: a payment at 01:30 in Beijing (17:30 UTC the day
/// before) belongs to the Beijing day, not to the day end-of-day has already closed.
/// </summary>
public sealed class BusinessDateTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    [Theory]
    [InlineData("2026-12-07T17:30:00Z", "2026-12-08")]
    [InlineData("2026-12-07T15:59:59Z", "2026-12-07")]
    [InlineData("2026-12-07T16:00:00Z", "2026-12-08")]
    public void Today_is_the_date_in_Beijing_on_a_server_whose_own_zone_is_UTC(string utc, string expected)
    {
        var server = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        var clock = new BusinessClock(server, TimeZoneInfo.FindSystemTimeZoneById(BusinessClock.DefaultZone));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BusinessDay.Today(clock));
        Assert.Equal(server.GetUtcNow(), clock.GetUtcNow());
    }

    [Fact]
    public void The_platform_reads_its_clock_in_Beijing_time()
    {
        var clock = platform.App.Services.GetRequiredService<TimeProvider>();

        Assert.Equal(BusinessClock.DefaultZone, clock.LocalTimeZone.Id);
    }
}
