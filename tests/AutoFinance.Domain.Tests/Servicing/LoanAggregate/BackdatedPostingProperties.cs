using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>
/// A payment staff date before postings already on the loan takes them off, applies itself on its date and applies
/// them again: the loan and its books end where posting everything in date order leaves them.
/// </summary>
public class BackdatedPostingProperties
{
    // At most five payments of up to 4,000 on at least 50,000 lent: no order of them closes the loan. Each is posted
    // Advance days after the one before and dated up to Back days before that, as staff may backdate within the window.
    private sealed record Payment(int Advance, int Back, decimal Amount, SurplusChoice Surplus);

    private static readonly Gen<LoanTerms> AnyTerms = Gen.Select(Gen.Int[50_000, 200_000], Gen.Int[100, 2_400], Gen.Int[6, 24], Gen.Int[0, 2])
        .Select((principal, rateBp, term, method) => new LoanTerms
        {
            Principal = principal * 1m,
            AnnualRate = rateBp / 10_000m,
            TermMonths = term,
            Method = (RepaymentMethod)method,
            StartDate = new DateOnly(2026, 1, 15),
            DayCount = DayCountConvention.Actual365,
        });

    private static readonly Gen<Payment> AnyPayment = Gen.Select(Gen.Int[0, 40], Gen.Int[0, 7], Gen.Int[1, 400_000], Gen.Bool)
        .Select((advance, back, cents, prepay) => new Payment(advance, back, cents / 100m, prepay ? SurplusChoice.Prepay : SurplusChoice.Hold));

    [Fact]
    public void Payments_posted_out_of_date_order_leave_the_balances_of_posting_them_in_date_order()
    {
        Gen.Select(AnyTerms, AnyPayment.Array[2, 5]).Sample((terms, payments) =>
        {
            var inOrder = Loan.Book(terms).Value!;
            var asPosted = Loan.Book(terms).Value!;
            var booked = Loan.Book(terms).Entries;
            var orderedLedger = Ledger.Of(Currency.Cny, booked);
            var postedLedger = Ledger.Of(Currency.Cny, booked);
            var ids = payments.Select(_ => Guid.NewGuid()).ToArray();
            var dates = new DateOnly[payments.Length];
            var posted = terms.StartDate;
            for (var i = 0; i < payments.Length; i++)
            {
                posted = posted.AddDays(payments[i].Advance);
                dates[i] = posted.AddDays(-payments[i].Back) is var back && back > terms.StartDate ? back : terms.StartDate;
            }

            foreach (var i in Enumerable.Range(0, payments.Length).OrderBy(i => dates[i]))
            {
                orderedLedger = orderedLedger.PostAll(Pay(inOrder, ids[i], payments[i], dates[i]));
            }

            for (var i = 0; i < payments.Length; i++)
            {
                postedLedger = postedLedger.PostAll(Pay(asPosted, ids[i], payments[i], dates[i]));
            }

            Assert.Equal(inOrder.Status, asPosted.Status);
            Assert.Equal(inOrder.HeldCredit, asPosted.HeldCredit);
            Assert.Equal(inOrder.RefundPayable, asPosted.RefundPayable);
            Assert.Equal(Owed(inOrder), Owed(asPosted));
            Assert.True(postedLedger.TrialBalance.IsBalanced);
            foreach (var account in Enum.GetValues<LedgerAccount>())
            {
                Assert.Equal(orderedLedger.Balances.Of(account), postedLedger.Balances.Of(account));
            }
        }, iter: 500);
    }

    [Fact]
    public void A_backdated_payment_settles_the_instalment_that_was_due_on_its_date_before_a_later_payment()
    {
        var terms = new LoanTerms { Principal = 12_000m, AnnualRate = 0.06m, TermMonths = 12, Method = RepaymentMethod.Annuity, StartDate = new DateOnly(2026, 1, 15) };
        var loan = Loan.Book(terms).Value!;
        var first = loan.Installments[0];
        var later = loan.Pay(Guid.NewGuid(), 100m, first.DueDate.AddDays(3));
        Assert.Equal(100m, later.Value!.Allocated);

        var backdated = loan.Pay(Guid.NewGuid(), first.Payment, first.DueDate);
        Assert.True(backdated.Succeeded, backdated.Error?.Message);
        Assert.Equal(first.Payment, backdated.Value!.Allocated);
        Assert.True(loan.Installments[0].IsPaid);
        Assert.Equal(100m, loan.HeldCredit);
        Assert.Contains(backdated.Entries, e => e.Kind == JournalEventKind.Reallocation);
        Assert.Equal(2, loan.Postings.Count(p => p.Kind == PostingKind.Payment));
    }

    private static IReadOnlyList<JournalEntry> Pay(Loan loan, Guid id, Payment payment, DateOnly on)
    {
        var result = loan.Pay(id, payment.Amount, on, payment.Surplus, ReamortisationMode.KeepTerm);
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Entries;
    }

    private static List<(int, decimal, decimal, decimal, decimal)> Owed(Loan loan) =>
        [.. loan.Installments.Select(i => (i.Number, i.Principal - i.PaidPrincipal, i.Interest - i.PaidInterest, i.Fee - i.PaidFee, i.Balance))];
}
