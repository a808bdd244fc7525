namespace AutoFinance.Domain.Origination;

/// <summary>Whether the financed vehicle is new or used; it sets the term cap and the loan-to-value cap.</summary>
public enum VehicleCondition
{
    New,
    Used,
}
