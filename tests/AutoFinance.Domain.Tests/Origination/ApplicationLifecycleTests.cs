using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>The moves an application and its contract may make, and the words they are stored by.</summary>
public sealed class ApplicationLifecycleTests
{
    [Theory]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Referred)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Referred, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Referred, ApplicationStatus.Declined)]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Accepted)]
    [InlineData(ApplicationStatus.Accepted, ApplicationStatus.Disbursed)]
    public void An_application_moves_forward_through_decision_acceptance_and_disbursement(ApplicationStatus from, ApplicationStatus to) =>
        Assert.True(ApplicationLifecycle.Allows(from, to));

    [Theory]
    [InlineData(ApplicationStatus.Declined, ApplicationStatus.Accepted)]
    [InlineData(ApplicationStatus.Referred, ApplicationStatus.Accepted)]
    [InlineData(ApplicationStatus.Approved, ApplicationStatus.Disbursed)]
    [InlineData(ApplicationStatus.Disbursed, ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Accepted, ApplicationStatus.Approved)]
    public void A_declined_or_undecided_application_is_never_accepted_and_nothing_moves_back(ApplicationStatus from, ApplicationStatus to) =>
        Assert.False(ApplicationLifecycle.Allows(from, to));

    [Fact]
    public void A_contract_is_booked_only_through_a_pending_payout_and_a_failed_payout_returns_it_to_signed()
    {
        Assert.True(ApplicationLifecycle.Allows(ContractStatus.Signed, ContractStatus.PayoutPending));
        Assert.True(ApplicationLifecycle.Allows(ContractStatus.PayoutPending, ContractStatus.Booked));
        Assert.True(ApplicationLifecycle.Allows(ContractStatus.PayoutPending, ContractStatus.Signed));
        Assert.False(ApplicationLifecycle.Allows(ContractStatus.Signed, ContractStatus.Booked));
        Assert.False(ApplicationLifecycle.Allows(ContractStatus.Booked, ContractStatus.Booked));
        Assert.False(ApplicationLifecycle.Allows(ContractStatus.Booked, ContractStatus.PayoutPending));
    }

    [Fact]
    public void A_decision_leaves_the_application_approved_referred_or_declined()
    {
        Assert.Equal(ApplicationStatus.Approved, ApplicationLifecycle.Decided(DecisionStatus.Approved));
        Assert.Equal(ApplicationStatus.Referred, ApplicationLifecycle.Decided(DecisionStatus.Referred));
        Assert.Equal(ApplicationStatus.Declined, ApplicationLifecycle.Decided(DecisionStatus.Declined));
    }

    [Fact]
    public void Every_state_is_stored_by_its_word_and_read_back()
    {
        Assert.All(Enum.GetValues<ApplicationStatus>(), s => Assert.Equal(s, LifecycleText.ApplicationOf(LifecycleText.Of(s))));
        Assert.All(Enum.GetValues<ContractStatus>(), s => Assert.Equal(s, LifecycleText.ContractOf(LifecycleText.Of(s))));
        Assert.Equal("disbursed", LifecycleText.Of(ApplicationStatus.Disbursed));
    }
}
