namespace AutoFinance.Domain.Payoff;

/// <summary>What a partial prepayment changes.</summary>
public enum ReamortisationMode
{
    /// <summary>Keep the remaining number of instalments; the payment falls.</summary>
    KeepTerm,

    /// <summary>Keep the payment; the loan ends sooner.</summary>
    KeepPayment,
}
