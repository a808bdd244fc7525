using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>Where the dealer's money stands: from the checklist to the payout confirmed, failed or sent back.</summary>
public sealed class FundingStageTests
{
    private static FundingStage Of(ContractStatus contract, bool complete, params (PayoutPurpose, PayoutStatus)[] newestFirst) =>
        FundingStages.Of(contract, complete, newestFirst);

    [Fact]
    public void A_signed_contract_waits_for_its_checklist_then_for_the_lender()
    {
        Assert.Equal(FundingStage.AwaitingChecklist, Of(ContractStatus.Signed, false));
        Assert.Equal(FundingStage.ReadyToPay, Of(ContractStatus.Signed, true));
    }

    [Fact]
    public void A_failed_payout_is_said_until_another_is_made()
    {
        Assert.Equal(FundingStage.PayoutFailed, Of(ContractStatus.Signed, true, (PayoutPurpose.Disbursement, PayoutStatus.Failed)));
        Assert.Equal(FundingStage.PayoutPending, Of(ContractStatus.PayoutPending, true, (PayoutPurpose.Disbursement, PayoutStatus.Pending), (PayoutPurpose.Disbursement, PayoutStatus.Failed)));
    }

    [Fact]
    public void A_booked_contract_is_paid_unless_the_money_came_back()
    {
        Assert.Equal(FundingStage.Paid, Of(ContractStatus.Booked, true, (PayoutPurpose.Disbursement, PayoutStatus.Confirmed)));
        Assert.Equal(FundingStage.Returned, Of(ContractStatus.Booked, true, (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.Equal(FundingStage.PayoutPending, Of(ContractStatus.Booked, true, (PayoutPurpose.Redisbursement, PayoutStatus.Pending), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.Equal(FundingStage.Returned, Of(ContractStatus.Booked, true, (PayoutPurpose.Redisbursement, PayoutStatus.Failed), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.Equal(FundingStage.Paid, Of(ContractStatus.Booked, true, (PayoutPurpose.Redisbursement, PayoutStatus.Confirmed), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
    }

    [Fact]
    public void The_customers_refund_is_not_the_dealers_payout()
    {
        Assert.Equal(FundingStage.Paid, Of(ContractStatus.Booked, true, (PayoutPurpose.Refund, PayoutStatus.Failed), (PayoutPurpose.Disbursement, PayoutStatus.Confirmed)));
        Assert.Equal(FundingStage.Paid, Of(ContractStatus.Booked, true, (PayoutPurpose.Refund, PayoutStatus.Pending), (PayoutPurpose.Disbursement, PayoutStatus.Confirmed)));
    }
}
