using AutoFinance.Domain.Products;
using AutoFinance.Domain.Rates;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Disclosure;

/// <summary>Builds the disclosure of an offer from its schedule and the product's late-charge and prepayment terms.</summary>
public static class DisclosureBuilder
{
    public const string SchemaVersion = "1.0";

    public static LoanDisclosure Build(RepaymentSchedule schedule, LateChargeTerms? lateCharges = null, PrepaymentTerms? prepayment = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        lateCharges ??= LateChargeTerms.Default;
        prepayment ??= PrepaymentTerms.None;
        var terms = schedule.Terms;
        var rows = schedule.Installments;
        var rates = AnnualisedRates.Of(schedule);
        var euAprc = EuAprc.Compute(
            [new CashFlow(terms.StartDate, terms.AmountFinanced)],
            [.. rows.Select(r => new CashFlow(r.DueDate, r.Payment))],
            EuTimeBasis.Actual365);

        var totals = schedule.Totals;
        var financedBundles = terms.LoanPrincipal - terms.Principal;
        var prepaid = terms.PrepaidFinanceCharges;
        var totalOfPayments = totals.Payment;
        var c = terms.Currency;
        return new LoanDisclosure(
            SchemaVersion,
            terms.Currency.Code,
            terms.Method.ToName(),
            terms.TermMonths,
            terms.StartDate,
            Percent(terms.AnnualRate),
            new DisclosedRates(Math.Round(rates.AprPercent, 6), Math.Round(rates.EffectiveAnnualPercent, 6), Math.Round(euAprc.Found ? euAprc.AprPercent : rates.EffectiveAnnualPercent, 6)),
            c.Normalize(terms.Principal),
            c.Normalize(financedBundles),
            c.Normalize(terms.LoanPrincipal),
            c.Normalize(prepaid),
            c.Normalize(terms.AmountFinanced),
            c.Normalize(totals.Interest),
            c.Normalize(totals.Fees + prepaid),
            c.Normalize(totalOfPayments - terms.AmountFinanced),
            c.Normalize(totalOfPayments),
            c.Normalize(totalOfPayments + prepaid),
            new DisclosedPayments(rows.Count, "monthly", c.Normalize(RegularAmount(schedule)), rows[0].DueDate, rows[^1].DueDate, c.Normalize(rows[^1].Payment)),
            terms.Method == RepaymentMethod.Balloon
                ? new DisclosedBalloon(c.Normalize(terms.BalloonAmount), Percent(terms.BalloonFraction), rows[^1].DueDate)
                : null,
            FlatFeeOf(terms, rates),
            [.. terms.Bundles.Select(b => new DisclosedBundle(b.Name, c.Normalize(b.Price), b.Financed))],
            new DisclosedLateCharges(lateCharges.GraceDays, c.Normalize(lateCharges.FixedFee), Percent(lateCharges.PenaltyAnnualRate(terms.AnnualRate))),
            new DisclosedPrepayment(Percent(prepayment.FeeFraction), prepayment.FeeWithinMonths, prepayment.UnearnedFlatFeeDue),
            [.. rows.Select(r => new DisclosedInstallment(r.Number, r.DueDate, c.Normalize(r.Payment), c.Normalize(r.Principal), c.Normalize(r.Interest), c.Normalize(r.Fee), c.Normalize(r.Balance)))]);
    }

    /// <summary>The payment most instalments have (the level payment, or the first one when every payment differs).</summary>
    private static decimal RegularAmount(RepaymentSchedule schedule) =>
        schedule.Installments
            .GroupBy(r => r.Payment)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.First().Number)
            .First().Key;

    private static DisclosedFlatFee? FlatFeeOf(LoanTerms terms, AnnualisedRates rates)
    {
        if (terms.FlatFee is not { } fee)
        {
            return null;
        }

        var (stated, basis) = fee.MonthlyFraction is { } monthly ? (monthly, "monthly") : (fee.TotalFraction, "total");
        return new DisclosedFlatFee(
            Percent(stated),
            basis,
            terms.Currency.Normalize(fee.Amount(terms.LoanPrincipal, terms.Currency)),
            fee.Timing == FeeTiming.Upfront ? "upfront" : "spread",
            Math.Round(rates.AprPercent, 6));
    }

    private static decimal Percent(decimal fraction) => fraction * 100m;
}
