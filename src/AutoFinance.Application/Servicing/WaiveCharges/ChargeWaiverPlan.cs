using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.WaiveCharges;

/// <summary>A waiver as it would be (or was) made: what it takes off in penalty and late fees, instalment by instalment, what of them is left owing, and whether the loan closes.</summary>
public sealed record ChargeWaiverPlan(Guid LoanId, decimal Amount, decimal Penalty, decimal LateFees, decimal ChargesLeft, bool Closes, string Reason, IReadOnlyList<WaivedCharge> Parts);

/// <summary>A waiver as a second person is asked to approve it: the request, and the charges it was checked to take off.</summary>
public sealed record ProposedWaiver(WaiveChargesRequest Request, IReadOnlyList<WaivedCharge> Parts);

/// <summary>The late charges a loan owes: penalty interest and late fees.</summary>
public sealed record ChargesOwed(decimal Penalty, decimal LateFees)
{
    public decimal Total => Penalty + LateFees;
}
