using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Domain.Origination.Funding;

/// <summary>Where a contract's money to the dealer stands, as the dealer tracks it (<see cref="FundingStages.Of"/>).</summary>
public enum FundingStage
{
    /// <summary>Signed; the funding checklist still lacks something.</summary>
    AwaitingChecklist,

    /// <summary>Signed, the checklist complete: the lender is to pay out.</summary>
    ReadyToPay,

    /// <summary>A payout to the dealer is on its way.</summary>
    PayoutPending,

    /// <summary>Signed again after the payout failed: the lender is to pay again.</summary>
    PayoutFailed,

    /// <summary>The dealer is paid; the loan is booked.</summary>
    Paid,

    /// <summary>Booked, but the dealer's bank sent the money back, or paying it again failed: owed to the dealer again.</summary>
    Returned,
}

/// <summary>The one rule placing a contract in its <see cref="FundingStage"/>.</summary>
public static class FundingStages
{
    /// <param name="contract">The contract's status.</param>
    /// <param name="checklistComplete">Whether nothing on the funding checklist blocks the payout (asked of signed contracts only).</param>
    /// <param name="newestFirst">The contract's payouts, newest first; refunds to the customer are not the dealer's and do not count.</param>
    public static FundingStage Of(ContractStatus contract, bool checklistComplete, IReadOnlyList<(PayoutPurpose Purpose, PayoutStatus Status)> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        PayoutStatus? latest = newestFirst.Where(p => p.Purpose != PayoutPurpose.Refund).Select(p => (PayoutStatus?)p.Status).FirstOrDefault();
        return contract switch
        {
            ContractStatus.PayoutPending => FundingStage.PayoutPending,
            ContractStatus.Booked when DealerRepayment.Due(newestFirst) => FundingStage.Returned,
            ContractStatus.Booked => latest == PayoutStatus.Pending ? FundingStage.PayoutPending : FundingStage.Paid,
            _ when latest == PayoutStatus.Failed => FundingStage.PayoutFailed,
            _ => checklistComplete ? FundingStage.ReadyToPay : FundingStage.AwaitingChecklist,
        };
    }
}
