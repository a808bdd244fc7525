namespace AutoFinance.Domain.Payoff;

/// <summary>What pays a loan off on a date, and its parts: payoff = principal + interest + fees.</summary>
public sealed record PayoffQuote(DateOnly On, decimal Principal, decimal Interest, decimal Fees, DateOnly InterestFrom)
{
    public decimal Payoff => Principal + Interest + Fees;
}
