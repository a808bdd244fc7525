namespace AutoFinance.Domain.Servicing;

/// <summary>The business event a journal entry records.</summary>
public enum JournalEventKind
{
    Disbursement,
    InterestAccrual,
    FeeDue,
    PenaltyAccrual,
    Payment,
    WriteOff,
    PaymentReversal,
    Reallocation,
    Payoff,
    Capitalisation,
    InterestReversal,
    CreditApplied,
    Refund,
    ProviderReceipt,
    SuspenseReceipt,
    SuspenseAssigned,
    SuspenseReturned,
    DealerPayout,
    PayoutReturned,
    ChargesWaived,

    /// <summary>Late charges taken back because a payment's value date, earlier than the days closed, avoids them.</summary>
    LateChargesCorrected,

    /// <summary>A fee recognised when its instalment fell due, taken back because a payoff dated earlier does not keep it.</summary>
    FeeReversal,
}
