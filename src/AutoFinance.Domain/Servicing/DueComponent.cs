namespace AutoFinance.Domain.Servicing;

/// <summary>A part of what an instalment owes, each settled against its own receivable.</summary>
public enum DueComponent
{
    Fee,
    PenaltyInterest,
    Interest,
    Principal,
}
