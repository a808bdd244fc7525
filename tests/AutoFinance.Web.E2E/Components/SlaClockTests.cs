using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Web.Components.Desk;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Shared;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.E2E.Components;

/// <summary>
/// A service timer counts business minutes: what is left reads as working hours, never as 24-hour days, and a breached
/// timer says how long ago it fell due by the clock, so the row agrees with the due time beside it.
/// </summary>
public sealed class SlaClockTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public SlaClockTests() => Services.AddSingleton<TimeProvider>(new FixedClock(Now));

    [Fact]
    public void Working_time_left_is_hours_of_working_time_not_days()
    {
        Fmt.Language = UiLanguage.En;
        var cut = Render<SlaClock>(p => p.Add(c => c.L, UiLanguage.En).Add(c => c.Timer, new SlaTimerView("resolution", Now.AddDays(4), "running", 2_210, 0, null)));

        Assert.Equal("36h 50m working time left", cut.Find(".left").TextContent.Trim());
    }

    [Fact]
    public void A_breached_timer_says_how_long_ago_it_fell_due()
    {
        Fmt.Language = UiLanguage.Zh;
        var cut = Render<SlaClock>(p => p.Add(c => c.L, UiLanguage.Zh).Add(c => c.Timer, new SlaTimerView("first-response", Now.AddDays(-6).AddHours(-2), "breached", -2_100, 1, null)));

        Assert.Equal("超时 6天2小时", cut.Find(".left").TextContent.Trim());
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
