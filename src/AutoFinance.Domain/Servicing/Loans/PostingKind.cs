namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>What moved money onto a loan's instalments.</summary>
public enum PostingKind
{
    /// <summary>Money received from the customer.</summary>
    Payment,

    /// <summary>Credit the customer held, applied to what fell due.</summary>
    CreditApplied,

    /// <summary>The payment that settled the whole loan.</summary>
    Payoff,
}
