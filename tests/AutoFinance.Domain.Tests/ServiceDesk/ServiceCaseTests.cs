using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Domain.Tests.ServiceDesk;

/// <summary>A service case through its life: opened with its due times, answered, resolved, reopened and escalated over the SLA policy.</summary>
public sealed class ServiceCaseTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static readonly SlaPolicy Policy = SlaPolicy.Standard(BusinessCalendar.China([], []));

    // Monday 5 January 2026, 10:00 in Beijing.
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 10, 0, 0, Beijing);

    [Fact]
    public void An_opened_complaint_is_due_a_first_response_and_a_resolution_by_the_policy_in_business_time()
    {
        var complaint = ServiceCase.Open("complaint", CasePriority.Urgent, Monday, Policy);

        Assert.Equal(CaseStatus.Open, complaint.Status);
        Assert.Equal(Monday.AddHours(1), complaint.FirstResponseDueAt);
        Assert.Equal(Policy.Calendar.Add(Monday, TimeSpan.FromHours(8)), complaint.ResolutionDueAt);
    }

    [Fact]
    public void The_first_answer_puts_the_case_in_progress_and_a_second_is_not_a_first_response()
    {
        var question = ServiceCase.Open("*", CasePriority.Normal, Monday, Policy);

        Assert.True(question.Answer(Monday.AddMinutes(30)));
        Assert.Equal(CaseStatus.InProgress, question.Status);
        Assert.False(question.Answer(Monday.AddHours(2)));
        Assert.Equal(Monday.AddMinutes(30), question.FirstRespondedAt);
    }

    [Fact]
    public void Resolving_an_unanswered_case_is_its_first_response_and_a_resolved_case_cannot_be_resolved_again()
    {
        var question = ServiceCase.Open("*", CasePriority.Normal, Monday, Policy);

        Assert.Null(question.Resolve(Monday.AddHours(1)));
        Assert.Equal(CaseStatus.Resolved, question.Status);
        Assert.Equal(Monday.AddHours(1), question.FirstRespondedAt);
        Assert.True(question.ResolvedOnTime);
        Assert.NotNull(question.Resolve(Monday.AddHours(2)));
    }

    [Fact]
    public void Only_a_resolved_case_reopens_and_it_is_in_progress_again_with_its_resolution_timer_running_from_the_opening()
    {
        var complaint = ServiceCase.Open("complaint", CasePriority.High, Monday, Policy);
        Assert.NotNull(complaint.Reopen());

        complaint.Resolve(Monday.AddHours(3));
        Assert.Null(complaint.Reopen());

        Assert.Equal(CaseStatus.InProgress, complaint.Status);
        Assert.Null(complaint.ResolvedAt);
        Assert.Equal(1, complaint.ReopenCount);
        Assert.Equal(SlaTimerState.Running, Policy.StatusAt(complaint.Clock, Monday.AddHours(4)).Resolution.State);
    }

    [Fact]
    public void A_breached_case_climbs_the_escalation_ladder_once_per_level_and_never_when_resolved()
    {
        var complaint = ServiceCase.Open("complaint", CasePriority.Urgent, Monday, Policy);

        Assert.Null(complaint.Escalate(Monday.AddMinutes(59), Policy));
        var breached = complaint.Escalate(Monday.AddMinutes(61), Policy);
        Assert.Equal(1, breached?.Step.Level);
        Assert.Null(complaint.Escalate(Monday.AddMinutes(62), Policy));
        Assert.Equal(2, complaint.Escalate(Monday.AddMinutes(91), Policy)?.Step.Level);
        Assert.Equal(2, complaint.EscalationLevel);

        complaint.Resolve(Monday.AddHours(3));
        Assert.Null(complaint.Escalate(Monday.AddHours(9), Policy));
    }
}
