using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing;

/// <summary>A loan loaded for one use case: the aggregate, and whose loan it is.</summary>
public sealed record ServicedLoan(Guid Id, Guid CustomerId, Loan Aggregate)
{
    public DateOnly StartDate => Aggregate.Terms.StartDate;
}
