namespace AutoFinance.Application.Servicing.GrantHardship;

/// <summary>A hardship plan granted: what it capitalised, the payment and maturity before and after, and the instalments left to pay.</summary>
public sealed record HardshipPlan(
    Guid PlanId, Guid LoanId, string Kind, decimal OutstandingPrincipal, decimal CapitalisedInterest, decimal PreviousPayment, decimal NewPayment, DateOnly PreviousMaturity, DateOnly NewMaturity, int Installments);
