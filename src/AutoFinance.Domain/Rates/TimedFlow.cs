namespace AutoFinance.Domain.Rates;

/// <summary>
/// A cash flow placed in time for discounting: whole unit periods and a fraction of one, both counted from the
/// first advance. Its discount factor at periodic rate i is 1 / ((1 + Fraction·i)(1 + i)^Periods), the form of
/// Regulation Z Appendix J's general equation; an EU flow has Fraction 0 and Periods in (fractional) years.
/// </summary>
/// <param name="Amount">Positive for an advance to the borrower, negative for a payment by the borrower.</param>
public readonly record struct TimedFlow(double Amount, double Periods, double Fraction);
