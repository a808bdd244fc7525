namespace AutoFinance.Domain.Origination.Funding;

/// <summary>
/// One item of the funding checklist: whether it is met, whether the product asks for it at all, its stable code
/// (<c>funding.insurance</c>) and, when it is not met, what is missing (field names or document kinds).
/// </summary>
public sealed record FundingCheck(FundingItem Item, bool Required, bool Met, IReadOnlyList<string> Missing)
{
    public string Code => "funding." + Domain.Lifecycle.StateWords<FundingItem>.Of(Item);

    /// <summary>Blocks the payout: required and not met.</summary>
    public bool Blocks => Required && !Met;
}
