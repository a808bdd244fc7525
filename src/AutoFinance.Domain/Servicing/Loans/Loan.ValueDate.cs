using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing.LateCharges;

namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// Money dated as the bank dated it: a payment whose value date end-of-day has already closed is charged for lateness
/// as if it had been there when those days closed.
/// </summary>
public sealed partial class Loan
{
    /// <summary>
    /// The last day closed, when a payment on <paramref name="paidOn"/> falls on or before it and the days since are
    /// to be closed again with the payment on its date; null when no day after the value date is closed, or when the
    /// loan was re-planned since (the charges were made on a plan the payment's date no longer has).
    /// </summary>
    private DateOnly? ReplaysClosedDays(DateOnly paidOn) =>
        ClosedThrough is { } closed && paidOn <= closed && closed >= Terms.StartDate && (RestructuredOn is not { } restructured || restructured < paidOn)
            ? closed
            : null;

    /// <summary>
    /// As <see cref="ReplaysClosedDays"/>, for a payoff on <paramref name="on"/>: null also when money was posted after
    /// that date (a payoff is not dated before a payment), so what the days since put on the loan is only their closes.
    /// </summary>
    private DateOnly? ReplaysPayoff(DateOnly on) =>
        postings.Any(p => p.PaidOn > on && p.Kind != PostingKind.CreditApplied) ? null : ReplaysClosedDays(on);

    /// <summary>
    /// Puts each instalment's late charges back to where the close of the day before <paramref name="paidOn"/> left
    /// them, as end-of-day charges them day by day: the penalty the days since accrued on what was then overdue (by the
    /// postings <paramref name="inForce"/>, on their dates) is taken off, and the penalty posted and the late fee are
    /// kept only when the grace had ended by then. <see cref="ClosedThrough"/> becomes that day.
    /// </summary>
    /// <returns>The waivers, instalment by instalment, that the charges left no longer cover: granted again, as the days are closed again, on what they charge.</returns>
    /// <remarks>
    /// Charges already paid with money dated on or before the value date stay charged: that money is not moved. Charges
    /// paid by later postings need no such rule, since those postings are applied again after the payment and settle
    /// what is owed then; what they paid before is restated.
    /// </remarks>
    private Dictionary<int, (decimal Penalty, decimal LateFee)> RewindLateCharges(DateOnly paidOn, IReadOnlyList<LoanPosting> inForce)
    {
        var through = ClosedThrough!.Value;
        var policy = LatePolicy();
        var grace = Servicing.LateCharges.GraceDays;
        var waivers = new Dictionary<int, (decimal Penalty, decimal LateFee)>();
        for (var i = 0; i < installments.Count; i++)
        {
            var row = installments[i];
            var from = paidOn > row.DueDate ? paidOn : row.DueDate.AddDays(1);
            if (from > through)
            {
                continue;
            }

            var accrued = 0m;
            for (var day = from; day <= through; day = day.AddDays(1))
            {
                if (policy.PenaltyStart == PenaltyStart.FromDueDate || global::AutoFinance.Domain.Servicing.DaysPastDue.Of(row.DueDate, day) > grace)
                {
                    accrued += PenaltyInterest.ForDay(OverdueOn(row, day, inForce), policy, day);
                }
            }

            var graceEnded = LateFee.GraceEnds(row.DueDate, grace) < paidOn;
            var exact = row.PenaltyExact - accrued;
            var penalty = Math.Max(graceEnded && row.Penalty > 0m ? Math.Min(row.Penalty, Currency.Round(exact)) : 0m, row.PaidPenalty);
            var lateFee = Math.Max(graceEnded ? row.LateFee : 0m, row.PaidLateFee);
            var waivedPenalty = Math.Min(row.WaivedPenalty, penalty - row.PaidPenalty);
            var waivedLateFee = Math.Min(row.WaivedLateFee, lateFee - row.PaidLateFee);
            waivers[row.Number] = (row.WaivedPenalty - waivedPenalty, row.WaivedLateFee - waivedLateFee);
            installments[i] = row with
            {
                Penalty = penalty,
                PenaltyExact = Currency.Round(exact) >= penalty ? exact : penalty,
                LateFee = lateFee,
                WaivedPenalty = waivedPenalty,
                WaivedLateFee = waivedLateFee,
            };
        }

        ClosedThrough = paidOn.AddDays(-1);
        return waivers;
    }

    /// <summary>
    /// Closes again the days after <see cref="ClosedThrough"/> through <paramref name="upTo"/>: credit held applied to
    /// what is due, lateness charged, days past due measured. Interest was recognised the first time and is not touched.
    /// The charges' entries are left out: <see cref="CorrectLateCharges"/> posts what they change. A waiver the rewind
    /// set aside is granted again on what each day charges.
    /// </summary>
    private void CloseAgain(DateOnly upTo, Dictionary<int, (decimal Penalty, decimal LateFee)> waivers, List<JournalEntry> entries)
    {
        for (var day = ClosedThrough!.Value.AddDays(1); day <= upTo; day = day.AddDays(1))
        {
            if (Status == LoanStatus.Active)
            {
                FallDue(day, entries);
                ChargeLateness(day, []);
                WaiveAgain(waivers);
                DaysPastDue = global::AutoFinance.Domain.Servicing.DaysPastDue.OfOldestUnpaid(Owing(day), day);
            }

            ClosedThrough = day;
        }
    }

    private void WaiveAgain(Dictionary<int, (decimal Penalty, decimal LateFee)> waivers)
    {
        for (var i = 0; i < installments.Count; i++)
        {
            var row = installments[i];
            if (!waivers.TryGetValue(row.Number, out var left) || left.Penalty + left.LateFee == 0m)
            {
                continue;
            }

            var penalty = Math.Min(left.Penalty, row.PenaltyOwed);
            var lateFee = Math.Min(left.LateFee, row.LateFeeOwed);
            waivers[row.Number] = (left.Penalty - penalty, left.LateFee - lateFee);
            installments[i] = row with { WaivedPenalty = row.WaivedPenalty + penalty, WaivedLateFee = row.WaivedLateFee + lateFee };
        }
    }

    /// <summary>
    /// Posts on <paramref name="on"/> what closing the days again changed in the late charges the loan carries (charged
    /// less waived) since <paramref name="before"/>: less in one correction entry, more as a close charges it.
    /// </summary>
    private void CorrectLateCharges(IReadOnlyList<InstallmentState> before, DateOnly on, List<JournalEntry> entries)
    {
        var penalty = installments.Sum(i => i.Penalty - i.WaivedPenalty) - before.Sum(i => i.Penalty - i.WaivedPenalty);
        var lateFees = installments.Sum(i => i.LateFee - i.WaivedLateFee) - before.Sum(i => i.LateFee - i.WaivedLateFee);
        if (penalty < 0m || lateFees < 0m)
        {
            entries.Add(LoanPostings.LateChargesCorrected(on, Currency, Math.Max(0m, -penalty), Math.Max(0m, -lateFees), "Late charges the value date of a payment avoids taken back"));
        }

        if (penalty > 0m)
        {
            entries.Add(LoanPostings.PenaltyAccrual(on, Money.Of(penalty, Currency), "Penalty interest by the value date of a payment"));
        }

        if (lateFees > 0m)
        {
            entries.Add(LoanPostings.FeeDue(on, Money.Of(lateFees, Currency), "Late fee by the value date of a payment"));
        }
    }

    /// <summary>The principal and interest of <paramref name="row"/> still owed at the end of <paramref name="day"/> by the postings dated by then.</summary>
    private static decimal OverdueOn(InstallmentState row, DateOnly day, IReadOnlyList<LoanPosting> inForce)
    {
        var settled = inForce.Where(p => p.PaidOn <= day).SelectMany(p => p.Parts).Where(p => p.Number == row.Number).Sum(p => p.Principal + p.Interest);
        return Math.Max(0m, row.Principal + row.Interest - settled);
    }

    private LateChargePolicy LatePolicy() => new(Servicing.LateCharges, Terms.AnnualRate, Currency, PenaltyStart: Servicing.PenaltyStart);
}
