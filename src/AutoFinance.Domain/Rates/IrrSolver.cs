namespace AutoFinance.Domain.Rates;

/// <summary>
/// Finds the periodic rate i at which the discounted advances equal the discounted payments, for any flows placed
/// as <see cref="TimedFlow"/>. Rates are not money, so the search runs in double; the inputs are exact decimals.
/// </summary>
/// <remarks>
/// The root is first bracketed (the net present value changes sign between two rates), then found by Newton steps
/// that fall back to bisection whenever a step would leave the bracket, so it converges for any bracketed
/// schedule. Flows that never change sign, or whose value never changes sign over rates from −99% to 10⁶% per
/// period, have no rate, and the solution says so.
/// </remarks>
public static class IrrSolver
{
    private const double LowestRate = -0.99;
    private const double HighestRate = 10_000;
    private const double Tolerance = 1e-13;
    private const int MaxIterations = 200;

    public static RateSolution Solve(ReadOnlySpan<TimedFlow> flows, double guess = 0.01)
    {
        // The value at a zero rate is the plain sum of the amounts in order: every discount is exactly 1 there.
        double advances = 0, payments = 0, atZero = 0;
        foreach (var flow in flows)
        {
            atZero += flow.Amount;
            if (!double.IsFinite(flow.Amount) || !double.IsFinite(flow.Periods) || flow.Periods < 0 || flow.Fraction < 0)
            {
                return RateSolution.None("every flow needs a finite amount and a time on or after the first advance");
            }

            if (flow.Amount > 0)
            {
                advances += flow.Amount;
            }
            else
            {
                payments -= flow.Amount;
            }
        }

        if (advances <= 0)
        {
            return RateSolution.None("there is no advance to the borrower");
        }

        if (payments <= 0)
        {
            return RateSolution.None("there is no payment by the borrower");
        }

        if (atZero == 0)
        {
            return RateSolution.Of(0);
        }

        // With advances first and payments after, the value rises with the rate: negative at zero means a positive rate.
        if (!TryBracket(flows, atZero, guess, out var bracket))
        {
            return RateSolution.None("no interest rate makes the payments equal the advances");
        }

        return Refine(flows, bracket);
    }

    /// <summary>Σ Amount / ((1 + f·i)(1 + i)^t) and its derivative in i.</summary>
    public static double NetPresentValue(ReadOnlySpan<TimedFlow> flows, double rate, out double derivative)
    {
        double value = 0, slope = 0;
        var growth = 1 + rate;
        var perPeriod = 1 / growth;
        // Only flows more than one period on from the last need the logarithm; a monthly schedule's never do.
        var lnGrowth = double.NaN;
        double lastPeriods = 0, discount = 1;
        double lastFraction = 0, perSimple = 1, fractionTerm = 0;
        foreach (var flow in flows)
        {
            // Flows are usually in time order one period apart with one fraction: then the discount moves on by one
            // multiplication and the simple-interest part is reused.
            var step = flow.Periods - lastPeriods;
            if (step != 0 && step != 1 && double.IsNaN(lnGrowth))
            {
                lnGrowth = Math.Log(growth);
            }

            discount = step == 0 ? discount : step == 1 ? discount * perPeriod : Math.Exp(-flow.Periods * lnGrowth);
            lastPeriods = flow.Periods;
            if (flow.Fraction != lastFraction)
            {
                lastFraction = flow.Fraction;
                perSimple = 1 / (1 + (flow.Fraction * rate));
                fractionTerm = flow.Fraction * perSimple;
            }

            var present = flow.Amount * discount * perSimple;
            value += present;
            slope -= present * (fractionTerm + (flow.Periods * perPeriod));
        }

        derivative = slope;
        return value;
    }

    /// <summary>
    /// Finds rates on both sides of the root. The guess is tried first; past it, a step of twice the Newton step
    /// (the value is concave in the rate for a loan, so a Newton step from below falls short), then geometric steps.
    /// </summary>
    private static bool TryBracket(ReadOnlySpan<TimedFlow> flows, double atZero, double guess, out Bracket bracket)
    {
        var positive = atZero < 0;
        double inside = 0, atInside = atZero;
        var outside = positive
            ? Math.Max(guess, 0.0001)
            : (guess < 0 && guess > LowestRate ? guess : -0.001);
        for (var attempt = 0; ; attempt++)
        {
            var value = NetPresentValue(flows, outside, out var slope);
            if (double.IsFinite(value) && Math.Sign(value) != Math.Sign(atZero))
            {
                bracket = positive
                    ? new Bracket(inside, outside, atInside, value)
                    : new Bracket(outside, inside, value, atInside);
                return true;
            }

            if (positive ? outside >= HighestRate : outside <= LowestRate)
            {
                break;
            }

            var newton = outside - (value / slope);
            (inside, atInside) = (outside, value);
            outside = positive
                ? Math.Min(HighestRate, attempt == 0 && newton > outside ? outside + (2 * (newton - outside)) + 1e-9 : outside * 4)
                : Math.Max(LowestRate, outside * 4);
        }

        bracket = default;
        return false;
    }

    private readonly record struct Bracket(double Lo, double Hi, double AtLo, double AtHi);

    /// <summary>Newton steps from the end of the bracket nearer the root, kept inside the bracket by bisection.</summary>
    private static RateSolution Refine(ReadOnlySpan<TimedFlow> flows, Bracket bracket)
    {
        var (lo, hi, valueLo, valueHi) = bracket;
        var rate = Math.Abs(valueLo) <= Math.Abs(valueHi) ? lo : hi;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var value = NetPresentValue(flows, rate, out var slope);
            if (value == 0)
            {
                return RateSolution.Of(rate);
            }

            if (Math.Sign(value) == Math.Sign(valueLo))
            {
                lo = rate;
                valueLo = value;
            }
            else
            {
                hi = rate;
            }

            var next = rate - (value / slope);
            if (!(next > lo && next < hi) || !double.IsFinite(next))
            {
                next = (lo + hi) / 2;
            }

            if (Math.Abs(next - rate) <= Tolerance * Math.Max(1, Math.Abs(next)) || hi - lo <= Tolerance)
            {
                return RateSolution.Of(next);
            }

            rate = next;
        }

        return RateSolution.Of((lo + hi) / 2);
    }
}
