namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>What a waiver took off the loan: penalty interest and late fees, what of them is still owed, and whether the loan closed.</summary>
public sealed record ChargeWaiver(decimal Penalty, decimal LateFees, decimal ChargesLeft, bool Closed)
{
    public decimal Total => Penalty + LateFees;
}
