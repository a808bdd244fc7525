using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// One loan's close of business for a date, in memory: interest and fees of instalments falling due, a late fee
/// once an instalment is past the grace days, penalty interest on what is overdue for each day since the last
/// close (accumulated unrounded, posted as the change in its rounded total, so any number of runs sums exactly),
/// days past due and bucket, and the write-off of everything left at the charge-off threshold.
/// </summary>
public static class LoanCloseOfBusiness
{
    private const int PenaltyScale = 8;

    public static IReadOnlyList<JournalEntry> Close(LoanRow loan, IReadOnlyList<InstallmentRow> schedule, DateOnly businessDate, CobOptions options)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(options);
        var currency = Currency.FromCode(loan.Currency);
        var entries = new List<JournalEntry>(DueTransitions.Post(schedule, businessDate, currency));
        var terms = options.LateCharges;
        var previousClose = loan.LastCloseDate ?? DateOnly.MinValue;
        foreach (var due in schedule.Where(i => i.DueDate < businessDate && !i.IsPaid))
        {
            var chargeableFrom = due.DueDate.AddDays(terms.GraceDays);
            if (businessDate <= chargeableFrom)
            {
                continue;
            }

            if (due.LateFee == 0m && terms.FixedFee > 0m)
            {
                due.LateFee = currency.Round(terms.FixedFee);
                entries.Add(LoanPostings.FeeDue(businessDate, Money.Of(due.LateFee, currency), $"Late fee on instalment {due.Number}"));
            }

            var days = businessDate.DayNumber - Math.Max(previousClose.DayNumber, chargeableFrom.DayNumber);
            var overdue = (due.Principal - due.PaidPrincipal) + (due.Interest - due.PaidInterest);
            if (days > 0 && overdue > 0m)
            {
                due.PenaltyExact = Math.Round(due.PenaltyExact + (overdue * terms.PenaltyAnnualRate(loan.AnnualRate) * days / 365m), PenaltyScale, MidpointRounding.AwayFromZero);
                var posted = currency.Round(due.PenaltyExact);
                if (posted > due.Penalty)
                {
                    entries.Add(LoanPostings.PenaltyAccrual(businessDate, Money.Of(posted - due.Penalty, currency), $"Penalty interest on instalment {due.Number}"));
                    due.Penalty = posted;
                }
            }
        }

        loan.DaysPastDue = DaysPastDue.OfOldestUnpaid(InstallmentBook.Owing(schedule, businessDate), businessDate);
        loan.Bucket = options.Buckets.For(loan.DaysPastDue).Name;
        if (loan.DaysPastDue >= options.ChargeOffDays)
        {
            entries.Add(ChargeOff(loan, schedule, businessDate, $"Charged off at {loan.DaysPastDue} days past due"));
        }

        loan.LastCloseDate = businessDate;
        return entries;
    }

    /// <summary>Writes off every receivable the loan still carries and marks it charged off.</summary>
    public static JournalEntry ChargeOff(LoanRow loan, IReadOnlyList<InstallmentRow> schedule, DateOnly on, string description)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(schedule);
        var amounts = new WriteOffAmounts(
            schedule.Sum(i => i.Principal - i.PaidPrincipal),
            schedule.Where(i => i.InterestAccrued).Sum(i => i.Interest - i.PaidInterest),
            schedule.Where(i => i.InterestAccrued).Sum(i => i.Fee - i.PaidFee) + schedule.Sum(i => i.LateFee - i.PaidLateFee),
            schedule.Sum(i => i.Penalty - i.PaidPenalty));
        loan.Status = LoanStatus.ChargedOff;
        loan.ChargedOffOn = on;
        return LoanPostings.WriteOff(on, Currency.FromCode(loan.Currency), amounts, description);
    }
}
