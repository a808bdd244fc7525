using AutoFinance.Domain.Products;

namespace AutoFinance.Domain.Servicing.LateCharges;

/// <summary>The fixed late fee: once per missed instalment, when the grace period is exceeded.</summary>
public static class LateFee
{
    /// <summary>
    /// Whether an instalment due on <paramref name="dueDate"/> and still unpaid is past its grace period on
    /// <paramref name="businessDate"/>: days past due (the due date is day 0) greater than the grace days.
    /// With 3 grace days, an instalment due on 10 March is past grace from 14 March.
    /// </summary>
    public static bool IsGraceExceeded(DateOnly dueDate, DateOnly businessDate, int graceDays) =>
        DaysPastDue.Of(dueDate, businessDate) > graceDays;

    /// <summary>The first business date on which the grace period is exceeded.</summary>
    public static DateOnly GraceEnds(DateOnly dueDate, int graceDays) => dueDate.AddDays(graceDays + 1);

    /// <summary>
    /// The late fee to charge on <paramref name="businessDate"/>: the product's fixed fee, rounded to the minor unit,
    /// when the instalment still owes principal or interest, its grace period is exceeded and the fee was not charged
    /// before; otherwise zero. A fee or penalty left unpaid alone does not make an instalment missed.
    /// </summary>
    public static decimal Due(InstallmentDue due, DateOnly businessDate, LateChargeTerms terms, bool alreadyCharged, Monetary.Currency currency)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var missed = due.Principal + due.Interest > 0m;
        return !alreadyCharged && missed && IsGraceExceeded(due.DueDate, businessDate, terms.GraceDays)
            ? currency.Round(terms.FixedFee)
            : 0m;
    }
}
