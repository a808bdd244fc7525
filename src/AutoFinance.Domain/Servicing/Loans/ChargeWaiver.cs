namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>What a waiver took off the loan: penalty interest and late fees, instalment by instalment, what of them is still owed, and whether the loan closed.</summary>
public sealed record ChargeWaiver(decimal Penalty, decimal LateFees, decimal ChargesLeft, bool Closed, IReadOnlyList<WaivedCharge> Parts)
{
    public decimal Total => Penalty + LateFees;
}

/// <summary>What a waiver took off one instalment.</summary>
public sealed record WaivedCharge(int Installment, decimal Penalty, decimal LateFee);
