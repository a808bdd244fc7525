namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>What a payment's surplus (beyond everything due) becomes, as the customer chose.</summary>
public enum SurplusChoice
{
    /// <summary>Held as credit (a liability) and applied to the next amounts falling due.</summary>
    Hold,

    /// <summary>Applied to principal not yet due; the instalments after the next one are re-amortised.</summary>
    Prepay,
}
