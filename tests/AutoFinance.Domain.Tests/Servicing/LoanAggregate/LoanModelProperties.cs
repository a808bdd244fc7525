using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>
/// Random loan lives driven through the aggregate, step by step (early, late, partial and over-payments held or
/// prepaid, payments backdated within the window, reversals, days of close of business, hardship plans, payoff), with the books checked after every step.
/// </summary>
public class LoanModelProperties
{
    private enum Step
    {
        CloseDays,
        PayExact,
        PayPart,
        PayOver,
        PrepayOver,
        Reverse,
        Hardship,
        PayOff,
        PayBackdated,
        Waive,
    }

    private sealed record Life(LoanTerms Terms, LateChargeTerms Late, (Step Step, int A, int B)[] Steps);

    private static readonly Gen<LoanTerms> AnyTerms = Gen.Select(
            Gen.Int[1_000, 300_000],
            Gen.Int[0, 2_400],
            Gen.Int[3, 24],
            Gen.Int[0, 4],
            Gen.Int[0, 3],
            Gen.Int[0, 364])
        .Select((principal, rateBp, term, method, dayCount, startDay) =>
        {
            var m = (RepaymentMethod)method;
            return new LoanTerms
            {
                Principal = principal * 1m,
                AnnualRate = rateBp / 10_000m,
                TermMonths = term,
                Method = m,
                StartDate = new DateOnly(2025, 1, 1).AddDays(startDay),
                DayCount = (DayCountConvention)dayCount,
                BalloonFraction = m == RepaymentMethod.Balloon ? 0.3m : 0m,
                FlatFee = m == RepaymentMethod.FlatFee ? FlatFee.TotalPercent(8m, FeeTiming.Spread) : null,
            };
        });

    private static readonly Gen<Life> AnyLife = Gen.Select(
        AnyTerms,
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, 5_000]).Select((grace, fee) => new LateChargeTerms(grace, fee / 100m, 1.5m)),
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 45], Gen.Int[0, 1000]).Select((s, a, b) => ((Step)s, a, b)).Array[10, 80],
        (terms, late, steps) => new Life(terms, late, steps));

    [Fact]
    public void Every_step_of_any_loan_life_keeps_the_books_equal_to_the_instalments()
    {
        AnyLife.Sample(life =>
        {
            var servicing = ServicingTerms.Default with { LateCharges = life.Late };
            var booked = Loan.Book(life.Terms, servicing);
            var loan = booked.Value!;
            var ledger = Ledger.Of(Currency.Cny, booked.Entries);
            var day = life.Terms.StartDate;
            var seq = 0;
            var history = "booked";
            Check(loan, ledger, history);
            foreach (var (step, a, b) in life.Steps)
            {
                if (loan.Status != LoanStatus.Active && step != Step.Reverse)
                {
                    continue;
                }

                var entries = Run(loan, step, a, b, ref day, ref seq);
                ledger = ledger.PostAll(entries);
                history += $"; {step} {a} {b} on {day:yyyy-MM-dd}";
                Check(loan, ledger, history);
            }
        }, iter: 1000);
    }

    [Fact]
    public void A_payoff_pays_exactly_the_quote_and_closes_the_loan_with_nothing_left()
    {
        Gen.Select(AnyTerms, Gen.Int[0, 400], Gen.Int[0, 3]).Sample((terms, days, paid) =>
        {
            var booked = Loan.Book(terms);
            var loan = booked.Value!;
            var ledger = Ledger.Of(Currency.Cny, booked.Entries);
            var on = terms.StartDate.AddDays(days);
            for (var d = terms.StartDate.AddDays(1); d <= on; d = d.AddDays(1))
            {
                if (paid > 0 && loan.Owing(d).Sum(o => o.Total) is var due && due > 0m && d.Day % 7 == paid)
                {
                    ledger = ledger.PostAll(loan.Pay(Guid.NewGuid(), due, d).Entries);
                }

                ledger = ledger.PostAll(loan.CloseDay(d).Entries);
            }

            if (loan.Status != LoanStatus.Active)
            {
                return;
            }

            var quote = loan.Quote(on).Value!;
            var payoff = loan.PayOff(Guid.NewGuid(), on, quote.Total);
            Assert.True(payoff.Succeeded, payoff.Error?.Message);
            ledger = ledger.PostAll(payoff.Entries);
            Assert.Equal(quote.Total, payoff.Value!.Amount);
            Assert.Equal(LoanStatus.Closed, loan.Status);
            Check(loan, ledger, "paid off");
        }, iter: 300);
    }

    [Fact]
    public void A_quote_for_a_later_date_is_what_paying_off_costs_on_that_date_after_every_close_of_business_until_then()
    {
        Gen.Select(AnyTerms, Gen.Int[0, 10], Gen.Int[0, 200], Gen.Int[1, 200], Gen.Int[0, 300], Gen.Bool).Sample((terms, grace, closed, ahead, feeBp, keepsFees) =>
        {
            var servicing = ServicingTerms.Default with
            {
                LateCharges = new LateChargeTerms(grace, 50m, 1.5m),
                Prepayment = new PrepaymentTerms(feeBp / 10_000m, feeBp % 2 == 0 ? null : 6, keepsFees),
            };
            var booked = Loan.Book(terms, servicing);
            var loan = booked.Value!;
            var ledger = Ledger.Of(Currency.Cny, booked.Entries);
            var today = terms.StartDate.AddDays(closed);
            for (var d = terms.StartDate; d <= today; d = d.AddDays(1))
            {
                ledger = ledger.PostAll(loan.CloseDay(d).Entries);
            }

            var on = today.AddDays(ahead);
            var early = loan.Quote(on);
            for (var d = today.AddDays(1); d < on && loan.Status == LoanStatus.Active; d = d.AddDays(1))
            {
                ledger = ledger.PostAll(loan.CloseDay(d).Entries);
            }

            if (loan.Status == LoanStatus.ChargedOff)
            {
                Assert.Equal("payoff.date.after_charge_off", early.Error?.Code);
                Assert.Equal(loan.ChargedOffOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), early.Error?.Parameters?["chargedOff"]);
                return;
            }

            Assert.True(early.Succeeded, early.Error?.Message);
            var parts = early.Value!;
            Assert.Equal(parts.Total, Math.Max(0m, parts.DueUnpaid + parts.PrincipalNotDue + parts.AccruedInterest + parts.FeesAtPayoff - parts.Credit));
            Assert.Equal(early.Value!.Total, loan.Quote(on).Value!.Total);
            var payoff = loan.PayOff(Guid.NewGuid(), on, early.Value!.Total);
            Assert.True(payoff.Succeeded, payoff.Error?.Message);
            ledger = ledger.PostAll(payoff.Entries);
            Assert.Equal(LoanStatus.Closed, loan.Status);
            Check(loan, ledger, $"quoted on {today:yyyy-MM-dd} for {on:yyyy-MM-dd}, paid off then");
        }, iter: 300);
    }

    [Fact]
    public void A_payoff_dated_after_days_end_of_day_has_not_closed_yet_charges_them_and_leaves_the_books_equal()
    {
        Gen.Select(AnyTerms, Gen.Int[0, 10], Gen.Int[1, 170]).Sample((terms, grace, ahead) =>
        {
            var servicing = ServicingTerms.Default with { LateCharges = new LateChargeTerms(grace, 50m, 1.5m) };
            var booked = Loan.Book(terms, servicing);
            var loan = booked.Value!;
            var ledger = Ledger.Of(Currency.Cny, booked.Entries);
            var on = terms.StartDate.AddDays(ahead);
            var quote = loan.Quote(on).Value!;
            var payoff = loan.PayOff(Guid.NewGuid(), on, quote.Total);
            Assert.True(payoff.Succeeded, payoff.Error?.Message);
            ledger = ledger.PostAll(payoff.Entries);
            Assert.Equal(LoanStatus.Closed, loan.Status);
            Check(loan, ledger, $"paid off on {on:yyyy-MM-dd} with no day closed");
        }, iter: 300);
    }

    private static List<JournalEntry> Run(Loan loan, Step step, int a, int b, ref DateOnly day, ref int seq)
    {
        var entries = new List<JournalEntry>();
        var due = loan.Owing(day).Sum(o => o.Total);
        switch (step)
        {
            case Step.CloseDays:
                for (var i = 0; i < a; i++)
                {
                    day = day.AddDays(1);
                    var closed = loan.CloseDay(day);
                    entries.AddRange(closed.Entries);
                    if (loan.Status == LoanStatus.Active && loan.HeldCredit > 0m)
                    {
                        Assert.Equal(0, loan.DaysPastDue);
                    }
                }

                break;
            case Step.PayExact when due > 0m:
                entries.AddRange(Pay(loan, due, day, SurplusChoice.Hold));
                break;
            case Step.PayPart when due > 0.01m:
                entries.AddRange(Pay(loan, Math.Max(0.01m, Math.Round(due * b / 1000m, 2)), day, SurplusChoice.Hold));
                break;
            case Step.PayOver:
                entries.AddRange(Pay(loan, due + (b * 13.37m) + 0.01m, day, SurplusChoice.Hold));
                break;
            case Step.PrepayOver:
                entries.AddRange(Pay(loan, due + (b * 97.13m) + 0.01m, day, SurplusChoice.Prepay, a % 2 == 0 ? ReamortisationMode.KeepTerm : ReamortisationMode.KeepPayment));
                break;
            case Step.Reverse:
                var payments = loan.Postings.Where(p => p.Kind == PostingKind.Payment).ToList();
                if (payments.Count > 0)
                {
                    var reversed = loan.Reverse(payments[b % payments.Count].Id, day, "returned by the bank");
                    entries.AddRange(reversed.Entries);
                }

                break;
            case Step.Hardship:
                var granted = loan.GrantHardship((HardshipKind)(a % 3), 1 + (b % 6), day, "hardship plan");
                entries.AddRange(granted.Entries);
                break;
            case Step.PayBackdated:
                var backdated = day.AddDays(-(a % 8)) is var on && on > loan.Terms.StartDate ? on : loan.Terms.StartDate;
                entries.AddRange(Pay(loan, loan.Owing(backdated).Sum(o => o.Total) + (b * 7.31m) + 0.01m, backdated, b % 2 == 0 ? SurplusChoice.Hold : SurplusChoice.Prepay));
                break;
            case Step.Waive:
                // All the late charges owed, or a share of them (at least a cent: a waiver of nothing is refused).
                var owedCharges = loan.Installments.Sum(i => i.PenaltyOwed + i.LateFeeOwed);
                entries.AddRange(loan.WaiveLateCharges(day, a % 3 == 0 ? null : Math.Max(0.01m, Math.Round(owedCharges * b / 1000m, 2)), "waiver").Entries);
                break;
            case Step.PayOff:
                var quote = loan.Quote(day);
                var payoff = loan.PayOff(Guid.NewGuid(), day, quote.Value!.Total);
                Assert.True(payoff.Succeeded, payoff.Error?.Message);
                Assert.Equal(quote.Value!.Total, payoff.Value!.Amount);
                entries.AddRange(payoff.Entries);
                break;
        }

        seq++;
        return entries;
    }

    private static IReadOnlyList<JournalEntry> Pay(Loan loan, decimal amount, DateOnly day, SurplusChoice surplus, ReamortisationMode mode = ReamortisationMode.KeepTerm)
    {
        var result = loan.Pay(Guid.NewGuid(), amount, day, surplus, mode);
        return result.Entries;
    }

    private static void Same(decimal instalments, decimal ledger, string what, string after) =>
        Assert.True(instalments == ledger, $"{what}: instalments {instalments}, ledger {ledger} after {after}");

    private static void Check(Loan loan, Ledger ledger, string after)
    {
        var balances = ledger.Balances;
        Assert.True(ledger.TrialBalance.IsBalanced, after);
        Assert.Equal(loan.HeldCredit, balances.Of(LedgerAccount.CustomerOverpayment));
        Assert.Equal(loan.RefundPayable, balances.Of(LedgerAccount.RefundPayable));
        Assert.True(loan.HeldCredit >= 0m, after);
        if (loan.Status == LoanStatus.ChargedOff)
        {
            Assert.Equal(0m, balances.TotalReceivable);
            return;
        }

        var rows = loan.Installments;
        Assert.True(rows.All(r => r.LateFeeOwed >= 0m && r.PenaltyOwed >= 0m && r.PaidPrincipal <= r.Principal && r.PaidInterest <= r.Interest && r.AccruedInterest <= r.Interest && r.PaidInterest <= r.AccruedInterest), after);
        Same(rows.Sum(r => r.Principal - r.PaidPrincipal), balances.Of(LedgerAccount.LoanPrincipalReceivable), "principal", after);
        Same(rows.Sum(r => r.AccruedInterest - r.PaidInterest), balances.Of(LedgerAccount.InterestReceivable), "interest", after);
        Same(rows.Where(r => r.FallenDue).Sum(r => r.Fee - r.PaidFee) + rows.Sum(r => r.LateFeeOwed), balances.Of(LedgerAccount.FeeReceivable), "fees", after);
        Same(rows.Sum(r => r.PenaltyOwed), balances.Of(LedgerAccount.PenaltyInterestReceivable), "penalty", after);

        // Interest recognised ahead of its due date never exceeds the running period's.
        var notDue = rows.Where(r => !r.FallenDue && r.AccruedInterest > 0m).ToList();
        Assert.True(notDue.Count <= 1, after);
        if (loan.Status == LoanStatus.Closed)
        {
            Assert.Equal(0m, balances.TotalReceivable);
            Assert.Equal(0m, loan.HeldCredit);
            Assert.True(rows.All(r => r.IsPaid), after);
        }
    }
}
