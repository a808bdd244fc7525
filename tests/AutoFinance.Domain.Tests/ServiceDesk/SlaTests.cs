using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Domain.Tests.ServiceDesk;

public sealed class SlaTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // National Day 2026: 1–7 October off; Saturday 10 October is a make-up working day.
    private static readonly BusinessCalendar Calendar = BusinessCalendar.China(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d)), [new DateOnly(2026, 10, 10)]);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    [Fact]
    public void Friday_evening_runs_into_Monday_morning()
    {
        // Friday 2 January 17:00 + 4 h: one hour on Friday, three on Monday 5 January.
        Assert.Equal(At(1, 5, 12), Calendar.Add(At(1, 2, 17), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void A_case_opened_at_night_starts_counting_at_the_next_opening()
    {
        Assert.Equal(At(3, 4, 11), Calendar.Add(At(3, 3, 22), TimeSpan.FromHours(2)));
        Assert.Equal(At(3, 4, 11), Calendar.Add(At(3, 4, 3), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        // Wednesday 30 September 16:00 + 8 h: two hours that day, then 1–7 October are off, six hours on Thursday 8 October.
        Assert.Equal(At(10, 8, 15), Calendar.Add(At(9, 30, 16), TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_make_up_Saturday_is_worked()
    {
        Assert.Equal(At(10, 10, 12), Calendar.Add(At(10, 9, 17), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Due_exactly_at_closing_stays_at_closing()
    {
        Assert.Equal(At(3, 2, 18), Calendar.Add(At(3, 2, 9), TimeSpan.FromHours(9)));
    }

    [Fact]
    public void Instants_in_another_offset_are_read_in_the_calendar_zone()
    {
        // 01:00 UTC is 09:00 in Beijing.
        var due = Calendar.Add(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1));
        Assert.Equal(At(3, 2, 10), due);
        Assert.Equal(Beijing, due.Offset);
    }

    [Fact]
    public void Business_time_between_counts_only_working_hours()
    {
        Assert.Equal(TimeSpan.FromHours(4), Calendar.Between(At(1, 2, 17), At(1, 5, 12)));
        Assert.Equal(TimeSpan.FromHours(-4), Calendar.Between(At(1, 5, 12), At(1, 2, 17)));
        Assert.Equal(TimeSpan.Zero, Calendar.Between(At(1, 3, 10), At(1, 4, 23)));
    }

    [Fact]
    public void Timers_run_breach_and_escalate_by_overdue_share()
    {
        var policy = SlaPolicy.Standard(Calendar);
        // Normal complaint: first response within 4 business hours; opened Monday 2 March 09:00, due 13:00.
        var opened = new ServiceCaseClock("complaint", CasePriority.Normal, At(3, 2, 9), null, null);

        var running = policy.StatusAt(opened, At(3, 2, 12));
        Assert.Equal(SlaTimerState.Running, running.FirstResponse.State);
        Assert.Equal(At(3, 2, 13), running.FirstResponse.Due);
        Assert.Equal(TimeSpan.FromHours(1), running.FirstResponse.Remaining);
        Assert.Equal(0, running.EscalationLevel);

        var justLate = policy.StatusAt(opened, At(3, 2, 13, 30));
        Assert.Equal(SlaTimerState.Breached, justLate.FirstResponse.State);
        Assert.Equal(TimeSpan.FromMinutes(-30), justLate.FirstResponse.Remaining);
        Assert.Equal(1, justLate.EscalationLevel);

        Assert.Equal(2, policy.StatusAt(opened, At(3, 2, 15)).EscalationLevel);        // 2 h over a 4 h target
        Assert.Equal(3, policy.StatusAt(opened, At(3, 3, 10)).EscalationLevel);        // 6 business hours over
        var atDue = policy.StatusAt(opened, At(3, 2, 13));                              // the due instant itself is on time
        Assert.Equal(SlaTimerState.Running, atDue.FirstResponse.State);
        Assert.Equal(0, atDue.EscalationLevel);
    }

    [Fact]
    public void Stopped_timers_are_met_or_missed_and_never_escalate()
    {
        var policy = SlaPolicy.Standard(Calendar);
        var onTime = new ServiceCaseClock("payment", CasePriority.High, At(3, 2, 9), At(3, 2, 13), null);
        var status = policy.StatusAt(onTime, At(3, 9, 9));
        Assert.Equal(SlaTimerState.Met, status.FirstResponse.State);
        // Three business days of 9 hours from Monday 09:00 end at closing on Wednesday.
        Assert.Equal(At(3, 4, 18), status.Resolution.Due);
        Assert.Equal(SlaTimerState.Breached, status.Resolution.State);

        var late = onTime with { FirstRespondedAt = At(3, 2, 14), ResolvedAt = At(3, 4, 18) };
        var after = policy.StatusAt(late, At(3, 9, 9));
        Assert.Equal(SlaTimerState.Missed, after.FirstResponse.State);
        Assert.Equal(SlaTimerState.Met, after.Resolution.State);
        Assert.Null(after.FirstResponse.Escalation);
        Assert.True(after.IsBreached);
    }

    [Fact]
    public void A_breach_outside_working_hours_still_escalates()
    {
        var policy = SlaPolicy.Standard(Calendar);
        var opened = new ServiceCaseClock("complaint", CasePriority.Normal, At(3, 2, 14), null, null); // due Tuesday 09:00
        var evening = policy.StatusAt(opened, At(3, 3, 9, 5));
        Assert.Equal(SlaTimerState.Breached, evening.FirstResponse.State);
        Assert.Equal(1, evening.EscalationLevel);
    }

    [Fact]
    public void Targets_fall_back_to_the_any_category_row()
    {
        var policy = SlaPolicy.Standard(Calendar);
        Assert.Equal(TimeSpan.FromHours(1), policy.TargetFor("complaint", CasePriority.Urgent).FirstResponse);
        Assert.Equal(TimeSpan.FromHours(2), policy.TargetFor("documents", CasePriority.Urgent).FirstResponse);
    }
}
