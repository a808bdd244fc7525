using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.LateCharges;
using AutoFinance.Domain.Servicing.Loans;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>
/// A payoff dated on a day end-of-day has already closed owes what it would have owed on that date and closes the
/// loan with the books of paying it off in date order: the ledger equal to the instalments, every receivable zero.
/// </summary>
public class ValueDatePayoffProperties
{
    // Up to four payments of up to one and a half instalments, each posted Advance days after the one before and dated
    // up to Back days before its posting; then a payoff posted Advance days later and dated up to Back days before.
    private sealed record Payment(int Advance, int Back, int Share);

    private sealed record Case(LoanTerms Terms, ServicingTerms Servicing, Payment[] Payments, int PayoffAdvance, int PayoffBack);

    private static readonly Gen<LoanTerms> AnyTerms = Gen.Select(Gen.Int[5_000, 150_000], Gen.Int[100, 2_400], Gen.Int[12, 24], Gen.Enum<RepaymentMethod>())
        .Select((principal, rateBp, term, method) => new LoanTerms
        {
            Principal = principal * 1m,
            AnnualRate = method == RepaymentMethod.FlatFee ? 0m : rateBp / 10_000m,
            TermMonths = term,
            Method = method,
            StartDate = new DateOnly(2026, 1, 15),
            DayCount = DayCountConvention.Actual365,
            BalloonFraction = method == RepaymentMethod.Balloon ? 0.3m : 0m,
            FlatFee = method == RepaymentMethod.FlatFee ? FlatFee.TotalPercent(8m, FeeTiming.Spread) : null,
        });

    private static readonly Gen<ServicingTerms> AnyServicing = Gen.Select(Gen.Int[0, 10], Gen.Int[0, 5_000], Gen.Bool, Gen.Int[0, 300], Gen.Bool)
        .Select((grace, fee, fromDueDate, prepaymentBp, unearnedFeeDue) => ServicingTerms.Default with
        {
            LateCharges = new LateChargeTerms(grace, fee / 100m, 1.5m),
            PenaltyStart = fromDueDate ? PenaltyStart.FromDueDate : PenaltyStart.AfterGrace,
            Prepayment = new PrepaymentTerms(prepaymentBp / 10_000m, UnearnedFlatFeeDue: unearnedFeeDue),
        });

    private static readonly Gen<Payment> AnyPayment = Gen.Select(Gen.Int[0, 25], Gen.Int[0, 7], Gen.Int[1, 1_500])
        .Select((advance, back, share) => new Payment(advance, back, share));

    private static readonly Gen<Case> AnyCase = Gen.Select(AnyTerms, AnyServicing, AnyPayment.Array[0, 4], Gen.Int[0, 40], Gen.Int[0, 7])
        .Select((terms, servicing, payments, advance, back) => new Case(terms, servicing, payments, advance, back));

    [Fact]
    public void A_payoff_dated_on_a_day_already_closed_ends_with_the_books_of_paying_off_in_date_order()
    {
        AnyCase.Sample(c =>
        {
            var booked = Loan.Book(c.Terms, c.Servicing);
            var instalment = booked.Value!.Installments[0].Payment;
            var start = c.Terms.StartDate.AddDays(25);
            var postedOn = new DateOnly[c.Payments.Length];
            var datedOn = new DateOnly[c.Payments.Length];
            var amounts = new decimal[c.Payments.Length];
            var ids = c.Payments.Select(_ => Guid.NewGuid()).ToArray();
            for (var i = 0; i < c.Payments.Length; i++)
            {
                postedOn[i] = (i == 0 ? start : postedOn[i - 1]).AddDays(c.Payments[i].Advance);
                datedOn[i] = postedOn[i].AddDays(-c.Payments[i].Back);
                amounts[i] = Math.Max(0.01m, Math.Round(instalment * c.Payments[i].Share / 1000m, 2));
            }

            var payoffPosted = (c.Payments.Length == 0 ? start : postedOn[^1]).AddDays(c.PayoffAdvance);
            var payoffDated = payoffPosted.AddDays(-c.PayoffBack);
            if (c.Payments.Length > 0 && payoffDated < datedOn.Max())
            {
                payoffDated = datedOn.Max();
            }

            // In date order: each day's payments, then the payoff on its date, or the day's close.
            var inOrder = Loan.Book(c.Terms, c.Servicing).Value!;
            var orderedLedger = Ledger.Of(Currency.Cny, booked.Entries);
            for (var day = c.Terms.StartDate; day < payoffDated; day = day.AddDays(1))
            {
                foreach (var i in Enumerable.Range(0, c.Payments.Length).Where(i => datedOn[i] == day))
                {
                    orderedLedger = orderedLedger.PostAll(Pay(inOrder, ids[i], amounts[i], datedOn[i]));
                }

                orderedLedger = orderedLedger.PostAll(inOrder.CloseDay(day).Entries);
            }

            foreach (var i in Enumerable.Range(0, c.Payments.Length).Where(i => datedOn[i] == payoffDated))
            {
                orderedLedger = orderedLedger.PostAll(Pay(inOrder, ids[i], amounts[i], datedOn[i]));
            }

            var owed = inOrder.Quote(payoffDated);
            if (!owed.Succeeded)
            {
                // Written off by that date in date order: nothing to compare.
                Assert.Equal("payoff.date.after_charge_off", owed.Error!.Code);
                return;
            }

            var payoffId = Guid.NewGuid();
            orderedLedger = orderedLedger.PostAll(PayOff(inOrder, payoffId, payoffDated, owed.Value!.Total));

            // As posted: the days before each posting are closed first, then the payment or payoff with its value date.
            var asPosted = Loan.Book(c.Terms, c.Servicing).Value!;
            var postedLedger = Ledger.Of(Currency.Cny, booked.Entries);
            var closed = c.Terms.StartDate.AddDays(-1);
            for (var i = 0; i < c.Payments.Length; i++)
            {
                for (; closed < postedOn[i].AddDays(-1); closed = closed.AddDays(1))
                {
                    postedLedger = postedLedger.PostAll(asPosted.CloseDay(closed.AddDays(1)).Entries);
                }

                postedLedger = postedLedger.PostAll(Pay(asPosted, ids[i], amounts[i], datedOn[i]));
            }

            for (; closed < payoffPosted.AddDays(-1) && asPosted.Status == LoanStatus.Active; closed = closed.AddDays(1))
            {
                postedLedger = postedLedger.PostAll(asPosted.CloseDay(closed.AddDays(1)).Entries);
            }

            if (asPosted.Status == LoanStatus.ChargedOff)
            {
                return;
            }

            Assert.Equal(owed.Value, asPosted.Quote(payoffDated).Value);
            postedLedger = postedLedger.PostAll(PayOff(asPosted, payoffId, payoffDated, owed.Value.Total));

            Assert.Equal(LoanStatus.Closed, asPosted.Status);
            Assert.Equal(inOrder.Installments, asPosted.Installments);
            Assert.Equal(inOrder.HeldCredit, asPosted.HeldCredit);
            Assert.Equal(inOrder.RefundPayable, asPosted.RefundPayable);
            Assert.Equal(inOrder.DaysPastDue, asPosted.DaysPastDue);
            Assert.True(postedLedger.TrialBalance.IsBalanced);
            foreach (var account in Enum.GetValues<LedgerAccount>())
            {
                Assert.Equal(orderedLedger.Balances.Of(account), postedLedger.Balances.Of(account));
            }

            foreach (var receivable in new[] { LedgerAccount.LoanPrincipalReceivable, LedgerAccount.InterestReceivable, LedgerAccount.FeeReceivable, LedgerAccount.PenaltyInterestReceivable })
            {
                Assert.Equal(0m, postedLedger.Balances.Of(receivable));
            }
        }, iter: 400);
    }

    private static IReadOnlyList<JournalEntry> Pay(Loan loan, Guid id, decimal amount, DateOnly on)
    {
        var result = loan.Pay(id, amount, on);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Entries;
    }

    private static IReadOnlyList<JournalEntry> PayOff(Loan loan, Guid id, DateOnly on, decimal expected)
    {
        var result = loan.PayOff(id, on, expected);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(expected, result.Value!.Amount);
        return result.Entries;
    }
}
