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
/// A payment dated on a day end-of-day has already closed is charged for lateness as if it had been there when the
/// day closed: the loan ends with the charges, balances and books of closing every day in date order with each
/// payment on its date.
/// </summary>
public class ValueDateChargeProperties
{
    // At most six payments of up to one and a half instalments on twelve or more: no order of them closes the loan.
    // Each payment is posted Advance days after the one before (after the days up to then are closed) and dated up to
    // Back days before its posting, as a statement line reconciled late or a receipt staff backdate.
    private sealed record Payment(int Advance, int Back, int Share);

    private sealed record Case(LoanTerms Terms, ServicingTerms Servicing, Payment[] Payments, int Tail);

    private static readonly Gen<LoanTerms> AnyTerms = Gen.Select(Gen.Int[5_000, 150_000], Gen.Int[100, 2_400], Gen.Int[12, 24], Gen.Int[0, 2])
        .Select((principal, rateBp, term, method) => new LoanTerms
        {
            Principal = principal * 1m,
            AnnualRate = rateBp / 10_000m,
            TermMonths = term,
            Method = (RepaymentMethod)method,
            StartDate = new DateOnly(2026, 1, 15),
            DayCount = DayCountConvention.Actual365,
        });

    private static readonly Gen<ServicingTerms> AnyServicing = Gen.Select(Gen.Int[0, 10], Gen.Int[0, 5_000], Gen.Bool)
        .Select((grace, fee, fromDueDate) => ServicingTerms.Default with
        {
            LateCharges = new LateChargeTerms(grace, fee / 100m, 1.5m),
            PenaltyStart = fromDueDate ? PenaltyStart.FromDueDate : PenaltyStart.AfterGrace,
        });

    private static readonly Gen<Payment> AnyPayment = Gen.Select(Gen.Int[0, 25], Gen.Int[0, 7], Gen.Int[1, 1_500])
        .Select((advance, back, share) => new Payment(advance, back, share));

    private static readonly Gen<Case> AnyCase = Gen.Select(AnyTerms, AnyServicing, AnyPayment.Array[1, 6], Gen.Int[0, 10])
        .Select((terms, servicing, payments, tail) => new Case(terms, servicing, payments, tail));

    [Fact]
    public void Payments_dated_on_days_already_closed_end_with_the_charges_of_closing_the_days_in_date_order()
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

            var last = postedOn[^1].AddDays(c.Tail);

            // As posted: the days before each posting are closed first, then the payment is posted with its value date.
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

            // In date order: each day's payments, then its close.
            var inOrder = Loan.Book(c.Terms, c.Servicing).Value!;
            var orderedLedger = Ledger.Of(Currency.Cny, booked.Entries);
            for (var day = c.Terms.StartDate; day <= last; day = day.AddDays(1))
            {
                foreach (var i in Enumerable.Range(0, c.Payments.Length).Where(i => datedOn[i] == day))
                {
                    orderedLedger = orderedLedger.PostAll(Pay(inOrder, ids[i], amounts[i], datedOn[i]));
                }

                orderedLedger = orderedLedger.PostAll(inOrder.CloseDay(day).Entries);
            }

            for (; closed < last; closed = closed.AddDays(1))
            {
                postedLedger = postedLedger.PostAll(asPosted.CloseDay(closed.AddDays(1)).Entries);
            }

            Assert.Equal(inOrder.Installments, asPosted.Installments);
            Assert.Equal(inOrder.Status, asPosted.Status);
            Assert.Equal(inOrder.HeldCredit, asPosted.HeldCredit);
            Assert.Equal(inOrder.RefundPayable, asPosted.RefundPayable);
            Assert.Equal(inOrder.DaysPastDue, asPosted.DaysPastDue);
            Assert.True(postedLedger.TrialBalance.IsBalanced);
            foreach (var account in Enum.GetValues<LedgerAccount>())
            {
                Assert.Equal(orderedLedger.Balances.Of(account), postedLedger.Balances.Of(account));
            }
        }, iter: 400);
    }

    private static IReadOnlyList<JournalEntry> Pay(Loan loan, Guid id, decimal amount, DateOnly on)
    {
        var result = loan.Pay(id, amount, on);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Entries;
    }
}
