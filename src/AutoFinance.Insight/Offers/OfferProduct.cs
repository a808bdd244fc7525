namespace AutoFinance.Insight.Offers;

/// <summary>What can be offered to an existing customer.</summary>
public enum OfferProduct
{
    /// <summary>A new loan at today's lower rate replacing the current one.</summary>
    Refinance,

    /// <summary>Extra cash against the equity built up in the vehicle.</summary>
    TopUp,

    /// <summary>Renewal of the vehicle insurance that is about to expire.</summary>
    InsuranceRenewal,

    /// <summary>Trading the vehicle in for a newer one, financed again.</summary>
    TradeIn,
}
