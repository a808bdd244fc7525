using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>
/// The sample loan's first instalment (¥10,327.97 due 15 February, 3 days' grace, ¥50 late fee, penalty at 9 % a year:
/// ¥2.55 a day from the 19th) left unpaid through the close of 25 February, when a payment dated earlier is posted.
/// </summary>
public class ValueDateChargeTests
{
    private static readonly DateOnly Closed = new(2026, 2, 25);

    private static (Loan Loan, List<JournalEntry> Entries) LateThroughThe25th()
    {
        var booked = Loan.Book(SampleLoan.Terms, SampleLoan.WithLateFee);
        var loan = booked.Value!;
        var entries = new List<JournalEntry>(booked.Entries);
        for (var day = SampleLoan.Terms.StartDate; day <= Closed; day = day.AddDays(1))
        {
            entries.AddRange(loan.CloseDay(day).Entries);
        }

        Assert.Equal((50m, 17.83m, 10), (loan.Installments[0].LateFee, loan.Installments[0].Penalty, loan.DaysPastDue));
        return (loan, entries);
    }

    [Fact]
    public void A_payment_dated_within_the_grace_and_posted_after_it_owes_no_late_fee_and_no_penalty()
    {
        var (loan, entries) = LateThroughThe25th();

        var paid = loan.Pay(Guid.NewGuid(), 10_327.97m, new DateOnly(2026, 2, 18));

        Assert.True(paid.Succeeded, paid.Error?.Message);
        var first = loan.Installments[0];
        Assert.Equal((0m, 0m, true), (first.LateFee, first.Penalty, first.IsPaid));
        Assert.Equal(0, loan.DaysPastDue);
        Assert.Equal(ServicingTerms.Default.Buckets.For(0).Name, loan.Bucket.Name);
        var corrected = Assert.Single(paid.Entries, e => e.Kind == JournalEventKind.LateChargesCorrected);
        Assert.Equal(17.83m, Debited(corrected, LedgerAccount.PenaltyIncome));
        Assert.Equal(50m, Debited(corrected, LedgerAccount.FeeIncome));
        var balances = Ledger.Of(Currency.Cny, [.. entries, .. paid.Entries]).Balances;
        Assert.Equal((0m, 0m), (balances.Of(LedgerAccount.PenaltyIncome), balances.Of(LedgerAccount.FeeIncome)));
        Assert.Equal((0m, 0m), (balances.Of(LedgerAccount.PenaltyInterestReceivable), balances.Of(LedgerAccount.FeeReceivable)));
    }

    [Fact]
    public void A_payment_dated_after_the_grace_keeps_the_late_fee_and_the_penalty_of_the_days_before_it()
    {
        var (loan, entries) = LateThroughThe25th();

        // What was owed on the 21st: the instalment, the late fee and two days' penalty (19th and 20th).
        var paid = loan.Pay(Guid.NewGuid(), 10_327.97m + 50m + 5.09m, new DateOnly(2026, 2, 21));

        var first = loan.Installments[0];
        Assert.Equal((50m, 5.09m, true), (first.LateFee, first.Penalty, first.IsPaid));
        Assert.Equal((0, 0m), (loan.DaysPastDue, loan.HeldCredit));
        var corrected = Assert.Single(paid.Entries, e => e.Kind == JournalEventKind.LateChargesCorrected);
        Assert.Equal(12.74m, Debited(corrected, LedgerAccount.PenaltyIncome));
        Assert.Equal(0m, Debited(corrected, LedgerAccount.FeeIncome));
        var balances = Ledger.Of(Currency.Cny, [.. entries, .. paid.Entries]).Balances;
        Assert.Equal((5.09m, 50m), (balances.Of(LedgerAccount.PenaltyIncome), balances.Of(LedgerAccount.FeeIncome)));
    }

    [Fact]
    public void Charges_waived_before_the_payment_are_not_reversed_twice()
    {
        var (loan, entries) = LateThroughThe25th();
        var waived = loan.WaiveLateCharges(Closed, 10m, "goodwill");
        Assert.Equal(10m, waived.Value!.Penalty);

        var paid = loan.Pay(Guid.NewGuid(), 10_327.97m + 50m + 5.09m, new DateOnly(2026, 2, 21));

        // The 5.09 left charged is covered by the waiver, so the money meant for it is held as credit; of the 17.83
        // charged, 10 was already reversed by the waiver and only the 7.83 still owed is taken back.
        var first = loan.Installments[0];
        Assert.Equal((5.09m, 5.09m, 0m), (first.Penalty, first.WaivedPenalty, first.PenaltyOwed));
        Assert.Equal(5.09m, loan.HeldCredit);
        var corrected = Assert.Single(paid.Entries, e => e.Kind == JournalEventKind.LateChargesCorrected);
        Assert.Equal(7.83m, Debited(corrected, LedgerAccount.PenaltyIncome));
        var balances = Ledger.Of(Currency.Cny, [.. entries, .. waived.Entries, .. paid.Entries]).Balances;
        Assert.Equal((0m, 50m), (balances.Of(LedgerAccount.PenaltyIncome), balances.Of(LedgerAccount.FeeIncome)));
        Assert.Equal(0m, balances.Of(LedgerAccount.PenaltyInterestReceivable));
        Assert.Equal(5.09m, balances.Of(LedgerAccount.CustomerOverpayment));
    }

    [Fact]
    public void A_payment_dated_on_a_closed_day_within_the_grace_posts_only_itself_and_brings_the_loan_current()
    {
        var booked = Loan.Book(SampleLoan.Terms, SampleLoan.WithLateFee);
        var loan = booked.Value!;
        var due = new DateOnly(2026, 2, 15);
        for (var day = SampleLoan.Terms.StartDate; day <= due.AddDays(2); day = day.AddDays(1))
        {
            loan.CloseDay(day);
        }

        var paid = loan.Pay(Guid.NewGuid(), 10_327.97m, due.AddDays(1));

        Assert.True(loan.Installments[0].IsPaid);
        Assert.Equal(0, loan.DaysPastDue);
        Assert.DoesNotContain(paid.Entries, e => e.Kind == JournalEventKind.LateChargesCorrected);
        Assert.Equal([JournalEventKind.Payment], paid.Entries.Select(e => e.Kind));
    }

    [Fact]
    public void A_payoff_dated_within_the_grace_and_posted_after_it_owes_that_days_quote_and_closes_the_loan()
    {
        var (loan, entries) = LateThroughThe25th();
        var dated = new DateOnly(2026, 2, 18);
        var inOrder = Loan.Book(SampleLoan.Terms, SampleLoan.WithLateFee).Value!;
        for (var day = SampleLoan.Terms.StartDate; day < dated; day = day.AddDays(1))
        {
            inOrder.CloseDay(day);
        }

        var owed = inOrder.Quote(dated).Value!;

        var quoted = loan.Quote(dated);
        var paid = loan.PayOff(Guid.NewGuid(), dated, owed.Total);

        // The first instalment, the rest of the principal and three days of the second period's interest: no late fee, no penalty.
        Assert.Equal(owed, quoted.Value);
        Assert.Equal((0m, 10_327.97m), (owed.Fees, owed.DueUnpaid));
        Assert.True(paid.Succeeded, paid.Error?.Message);
        Assert.Equal(owed.Total, paid.Value!.Amount);
        Assert.Equal(LoanStatus.Closed, loan.Status);
        Assert.Equal((0m, 0m), (loan.Installments[0].LateFee, loan.Installments[0].Penalty));
        Assert.Equal(0, loan.DaysPastDue);
        var corrected = Assert.Single(paid.Entries, e => e.Kind == JournalEventKind.LateChargesCorrected);
        Assert.Equal((17.83m, 50m), (Debited(corrected, LedgerAccount.PenaltyIncome), Debited(corrected, LedgerAccount.FeeIncome)));
        var balances = Ledger.Of(Currency.Cny, [.. entries, .. paid.Entries]).Balances;
        Assert.Equal((0m, 0m), (balances.Of(LedgerAccount.PenaltyIncome), balances.Of(LedgerAccount.FeeIncome)));
        foreach (var receivable in new[] { LedgerAccount.LoanPrincipalReceivable, LedgerAccount.InterestReceivable, LedgerAccount.FeeReceivable, LedgerAccount.PenaltyInterestReceivable })
        {
            Assert.Equal(0m, balances.Of(receivable));
        }

        Assert.Equal(owed.Interest, balances.Of(LedgerAccount.InterestIncome));
    }

    private static decimal Debited(JournalEntry entry, LedgerAccount account) =>
        entry.Lines.Where(l => l.Account == account && l.Side == EntrySide.Debit).Sum(l => l.Amount);
}
