using AutoFinance.Domain.Calendar;

namespace AutoFinance.Domain.Monetary;

/// <summary>
/// A period's interest factor held exactly: annual rate × year fraction = Multiplier / Divisor, with the annual rate's
/// decimal digits folded in. Interest on a balance in minor units is then computed in exact integer arithmetic and
/// rounded once, half away from zero — no intermediate rounding of the rate (0.049 / 12 is never cut to 28 digits).
/// </summary>
public readonly record struct ExactInterest(long Multiplier, long Divisor)
{
    /// <summary>The factor annual rate × <paramref name="fraction"/> of a year.</summary>
    public static ExactInterest Of(decimal annualRate, YearFraction fraction)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(annualRate, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || bits[1] != 0 || scale > 12 || annualRate < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(annualRate), annualRate, "An annual rate needs at most 12 decimal places.");
        }

        long mantissa = (uint)bits[0];
        long divisor = 1;
        for (var i = 0; i < scale; i++)
        {
            divisor *= 10;
        }

        return new ExactInterest(mantissa * fraction.Numerator, divisor * fraction.Denominator);
    }

    /// <summary>The factor as a decimal, for formulas that need it (the level payment).</summary>
    public decimal ToDecimal() => (decimal)Multiplier / Divisor;

    /// <summary>round(balance × factor) in minor units, half away from zero, exactly.</summary>
    public long Apply(long balanceMinor)
    {
        if (Multiplier == 0 || balanceMinor == 0)
        {
            return 0;
        }

        var high = Math.BigMul(balanceMinor, Multiplier, out var low);
        if ((high == 0 && low >= 0) || (high == -1 && low < 0))
        {
            return RoundedDivide(low, Divisor);
        }

        return (long)RoundedDivide((Int128)balanceMinor * Multiplier, Divisor);
    }

    private static long RoundedDivide(long numerator, long divisor)
    {
        var quotient = Math.DivRem(numerator, divisor, out var remainder);
        if (Math.Abs(remainder) * 2 >= divisor)
        {
            quotient += numerator < 0 ? -1 : 1;
        }

        return quotient;
    }

    private static Int128 RoundedDivide(Int128 numerator, long divisor)
    {
        var (quotient, remainder) = Int128.DivRem(numerator, divisor);
        if (Int128.Abs(remainder) * 2 >= divisor)
        {
            quotient += Int128.IsNegative(numerator) ? -1 : 1;
        }

        return quotient;
    }
}
