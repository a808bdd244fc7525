namespace AutoFinance.Domain.Servicing.Accrual;

/// <summary>Integer division rounded half away from zero, exactly, for proportions of amounts in minor units.</summary>
internal static class ExactRatio
{
    /// <summary>round(<paramref name="numerator"/> / <paramref name="denominator"/>), half away from zero.</summary>
    public static long RoundedDivide(Int128 numerator, Int128 denominator)
    {
        if (denominator == 0)
        {
            throw new DivideByZeroException();
        }

        if (Int128.IsNegative(denominator))
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        if (Int128.Abs(remainder) * 2 >= denominator)
        {
            quotient += Int128.IsNegative(numerator) ? -1 : 1;
        }

        return (long)quotient;
    }
}
