using AutoFinance.Domain.Lifecycle;

namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>The words a loan's status is stored and shown by: <c>active</c>, <c>closed</c>, <c>charged-off</c> (<see cref="StateWords{TState}"/>).</summary>
public static class LoanStatusText
{
    public const string Active = "active";
    public const string Closed = "closed";
    public const string ChargedOff = "charged-off";

    public static string Of(LoanStatus status) => StateWords<LoanStatus>.Of(status);

    public static LoanStatus Parse(string text) => StateWords<LoanStatus>.Parse(text);
}
