namespace AutoFinance.Application.Servicing.WaiveCharges;

/// <summary>A waiver as it would be (or was) made: what it takes off in penalty and late fees, what of them is left owing, and whether the loan closes.</summary>
public sealed record ChargeWaiverPlan(Guid LoanId, decimal Amount, decimal Penalty, decimal LateFees, decimal ChargesLeft, bool Closes, string Reason);

/// <summary>The late charges a loan owes: penalty interest and late fees.</summary>
public sealed record ChargesOwed(decimal Penalty, decimal LateFees)
{
    public decimal Total => Penalty + LateFees;
}
