using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The states of a booked loan, as stored.</summary>
public static class LoanStatus
{
    public const string Active = LoanStatusText.Active;
    public const string Closed = LoanStatusText.Closed;
    public const string ChargedOff = LoanStatusText.ChargedOff;
}
