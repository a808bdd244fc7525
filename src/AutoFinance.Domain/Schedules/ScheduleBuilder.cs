using System.Runtime.CompilerServices;
using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Schedules;

/// <summary>
/// Builds a repayment schedule from loan terms. One algorithm serves every method; the methods differ only in
/// how each row's principal is found.
/// </summary>
/// <remarks>
/// Rules, in the order they apply (the default is the convention common in China):
/// <list type="number">
/// <item>Monthly rate i = annual rate / 12, unrounded.</item>
/// <item>Each instalment's interest = round(opening balance × period factor), half away from zero to the minor unit.
/// A regular month's factor is i. An odd first period is split into whole months counted back from the first due date
/// (factor i each) and the remaining odd days (annual rate × year fraction under the day count).
/// With <see cref="InterestAccrual.DayCount"/> every period's factor is annual rate × year fraction between its dates.</item>
/// <item>A level payment (annuity, balloon) is the payment that retires the principal, down to the balloon, at the loan
/// rate with the first period's own factor: A = (P(1+g₁) − B·v^(n−1)) / (1 + a(n−1)), rounded to the minor unit.</item>
/// <item>A level principal part (equal principal, flat fee) is round(P / n).</item>
/// <item>The last instalment takes the whole remaining balance as principal, so principal always sums to the loan.</item>
/// <item>A spread flat fee is round(F / n) per instalment, the last taking the remainder.</item>
/// </list>
/// A row's principal is never negative and never more than the balance it repays.
/// </remarks>
public static class ScheduleBuilder
{
    public static RepaymentSchedule Build(LoanTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var rows = new Installment[terms.TermMonths is > 0 and <= LoanTermsValidator.MaxTermMonths ? terms.TermMonths : 0];
        var levelAmount = BuildInto(terms, rows);
        return new RepaymentSchedule(terms, rows, levelAmount);
    }

    /// <summary>
    /// Builds the schedule's rows into <paramref name="rows"/> (at least <see cref="LoanTerms.TermMonths"/> long; a
    /// pooled buffer when the schedule is only looked at, not kept) and answers the level amount it was built on.
    /// </summary>
    public static decimal BuildInto(LoanTerms terms, Span<Installment> rows)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var errors = LoanTermsValidator.Validate(terms);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid loan terms: " + string.Join("; ", errors), nameof(terms));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Length, terms.TermMonths, nameof(rows));
        var currency = terms.Currency;
        var n = terms.TermMonths;
        var principal = terms.LoanPrincipal;
        var firstDue = terms.EffectiveFirstDueDate;
        var regular = ExactInterest.Of(terms.AnnualRate, YearFraction.Months(1));
        var first = FirstPeriodInterest(terms, firstDue);
        var levelAmount = terms.FixedInstallment ?? LevelAmount(terms, principal, terms.AnnualRate / 12m, first.ToDecimal());
        var (feePerInstallment, totalSpreadFee) = SpreadFee(terms, principal);

        // The rows are worked in whole minor units (exact integers); amounts become decimals only when stored.
        var level = currency.ToMinorUnits(levelAmount);
        var feeEach = currency.ToMinorUnits(feePerInstallment);
        var feeLast = currency.ToMinorUnits(totalSpreadFee) - (feeEach * (n - 1));
        var balance = currency.ToMinorUnits(principal);
        var previousDue = terms.StartDate;
        var dueDates = new MonthlyDueDates(firstDue, terms.DueDay);
        for (var k = 1; k <= n; k++)
        {
            var due = dueDates.Next();
            var factor = k == 1 ? first
                : terms.Accrual == InterestAccrual.DayCount ? ExactInterest.Of(terms.AnnualRate, YearFraction.Between(terms.DayCount, previousDue, due))
                : regular;
            var interest = factor.Apply(balance);
            var principalPart = k == n ? balance : PrincipalPart(terms.Method, level, interest, balance);
            var fee = k == n ? feeLast : feeEach;
            balance -= principalPart;
            rows[k - 1] = new Installment(
                k + terms.NumberOffset,
                due,
                currency.FromMinorUnits(principalPart + interest + fee),
                currency.FromMinorUnits(principalPart),
                currency.FromMinorUnits(interest),
                currency.FromMinorUnits(fee),
                currency.FromMinorUnits(balance));
            previousDue = due;
        }

        return levelAmount;
    }

    /// <summary>The interest factor of the first period, odd or regular.</summary>
    internal static ExactInterest FirstPeriodInterest(LoanTerms terms, DateOnly firstDue)
    {
        if (terms.Accrual == InterestAccrual.DayCount)
        {
            return ExactInterest.Of(terms.AnnualRate, YearFraction.Between(terms.DayCount, terms.StartDate, firstDue));
        }

        var (wholeMonths, oddStart) = MonthlyCalendar.WholeMonthsBack(terms.StartDate, firstDue);
        var oddDays = YearFraction.Between(terms.DayCount, terms.StartDate, oddStart);
        return ExactInterest.Of(terms.AnnualRate, oddDays.Numerator == 0 ? YearFraction.Months(wholeMonths) : YearFraction.Months(wholeMonths) + oddDays);
    }

    private static long PrincipalPart(RepaymentMethod method, long level, long interest, long balance)
    {
        var part = method switch
        {
            RepaymentMethod.Annuity or RepaymentMethod.Balloon => level - interest,
            RepaymentMethod.EqualPrincipal or RepaymentMethod.FlatFee => level,
            RepaymentMethod.InterestOnly => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
        return Math.Clamp(part, 0, balance);
    }

    private static decimal LevelAmount(LoanTerms terms, decimal principal, decimal monthlyRate, decimal firstFactor)
    {
        var currency = terms.Currency;
        var n = terms.TermMonths;
        switch (terms.Method)
        {
            case RepaymentMethod.EqualPrincipal:
            case RepaymentMethod.FlatFee:
                return currency.Round(principal / n);
            case RepaymentMethod.InterestOnly:
                return 0m;
        }

        var balloon = terms.BalloonAmount;
        decimal discountToFirst, annuityRest;
        if (monthlyRate == 0m)
        {
            discountToFirst = 1m;
            annuityRest = n - 1;
        }
        else
        {
            (discountToFirst, annuityRest) = AnnuityFactors(monthlyRate, n);
        }

        var level = ((principal * (1m + firstFactor)) - (balloon * discountToFirst)) / (1m + annuityRest);
        return currency.Round(level);
    }

    /// <summary>
    /// v^(n−1) = 1 / (1 + i)^(n−1) and the annuity factor (1 − v^(n−1)) / i of a monthly rate, remembered per thread
    /// for the last few rates and terms: they depend on nothing else, a rate card has a handful of rates, and working
    /// them in decimal costs more than the rest of the level payment. The rate is matched on its exact bits (scale
    /// included), so a remembered pair is the very pair the formula would give.
    /// </summary>
    private static (decimal DiscountToFirst, decimal AnnuityRest) AnnuityFactors(decimal monthlyRate, int n)
    {
        var key = Unsafe.BitCast<decimal, Int128>(monthlyRate);
        var cache = annuityFactors ??= new AnnuityFactorEntry[AnnuityFactorSlots];
        ref var entry = ref cache[(key.GetHashCode() ^ (n * 397)) & (AnnuityFactorSlots - 1)];
        if (entry.Periods == n && entry.Rate == key)
        {
            return (entry.DiscountToFirst, entry.AnnuityRest);
        }

        var discountToFirst = 1m / Compound(1m + monthlyRate, n - 1);
        var annuityRest = (1m - discountToFirst) / monthlyRate;
        entry = new AnnuityFactorEntry(key, n, discountToFirst, annuityRest);
        return (discountToFirst, annuityRest);
    }

    private const int AnnuityFactorSlots = 32;

    [ThreadStatic]
    private static AnnuityFactorEntry[]? annuityFactors;

    private readonly record struct AnnuityFactorEntry(Int128 Rate, int Periods, decimal DiscountToFirst, decimal AnnuityRest);

    private static (decimal PerInstallment, decimal Total) SpreadFee(LoanTerms terms, decimal principal)
    {
        if (terms.Method != RepaymentMethod.FlatFee || terms.FlatFee is not { Timing: FeeTiming.Spread } flatFee)
        {
            return (0m, 0m);
        }

        var total = flatFee.Amount(principal, terms.Currency);
        var perInstallment = terms.Currency.Round(total / terms.TermMonths);
        // The last instalment takes the remainder; it must not go below zero when rounding up over many months.
        while (perInstallment * (terms.TermMonths - 1) > total)
        {
            perInstallment -= terms.Currency.MinorUnit;
        }

        return (perInstallment, total);
    }

    /// <summary>x^k by repeated squaring, in decimal.</summary>
    internal static decimal Compound(decimal x, int k)
    {
        var result = 1m;
        var power = x;
        while (k > 0)
        {
            if ((k & 1) == 1)
            {
                result *= power;
            }

            k >>= 1;
            if (k > 0)
            {
                power *= power;
            }
        }

        return result;
    }
}
