namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>Where a booked loan is in its life.</summary>
public enum LoanStatus
{
    /// <summary>Being repaid.</summary>
    Active,

    /// <summary>Repaid in full (by its instalments or a payoff); every receivable is zero and no credit is held.</summary>
    Closed,

    /// <summary>What was left was written off.</summary>
    ChargedOff,
}
