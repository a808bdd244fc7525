namespace AutoFinance.Domain.Origination;

/// <summary>How offers are ordered.</summary>
public enum OfferRanking
{
    /// <summary>Lowest total cost (interest + fees) first; ties go to the lower assessed payment.</summary>
    LowestTotalCost,

    /// <summary>The assessed payment closest to the target first; ties go to the lower total cost.</summary>
    ClosestPayment,
}
