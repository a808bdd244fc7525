namespace AutoFinance.Domain.Servicing.Hardship;

/// <summary>Where a customer's request for a hardship plan stands: asked, then approved (the plan granted) or declined with a reason.</summary>
public enum HardshipRequestState
{
    Requested,
    Approved,
    Declined,
}
