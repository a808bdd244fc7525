using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Accrual;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>The loan aggregate's events, one at a time, with the figures a customer or an accountant would check.</summary>
public class LoanLifecycleTests
{
    private static readonly LoanTerms Terms = SampleLoan.Terms;

    private static readonly ServicingTerms WithLateFee = SampleLoan.WithLateFee;

    [Fact]
    public void A_customer_who_paid_ahead_is_not_past_due_charged_or_late_on_the_next_due_date()
    {
        var loan = Loan.Book(Terms, WithLateFee).Value!;
        var firstDue = loan.Installments[0];
        var paid = loan.Pay(Guid.NewGuid(), firstDue.Payment + 10m, Terms.StartDate.AddDays(5));
        Assert.Equal(firstDue.Payment + 10m, loan.HeldCredit);
        Assert.Contains(paid.Entries, e => e.Kind == JournalEventKind.Payment);

        var entries = new List<JournalEntry>();
        for (var day = Terms.StartDate.AddDays(6); day <= firstDue.DueDate.AddDays(10); day = day.AddDays(1))
        {
            entries.AddRange(loan.CloseDay(day).Entries);
            Assert.Equal(0, loan.DaysPastDue);
        }

        Assert.True(loan.Installments[0].IsPaid);
        Assert.Equal(10m, loan.HeldCredit);
        Assert.Contains(entries, e => e.Kind == JournalEventKind.CreditApplied && e.BusinessDate == firstDue.DueDate);
        Assert.DoesNotContain(entries, e => e.Kind is JournalEventKind.PenaltyAccrual or JournalEventKind.FeeDue);
    }

    [Fact]
    public void Interest_accrued_daily_over_ten_days_is_the_day_count_figure_to_the_cent_and_a_period_sums_to_its_interest()
    {
        var loan = Loan.Book(Terms).Value!;
        var accrued = 0m;
        for (var day = Terms.StartDate.AddDays(1); day <= Terms.StartDate.AddDays(10); day = day.AddDays(1))
        {
            accrued += loan.CloseDay(day).Entries.Where(e => e.Kind == JournalEventKind.InterestAccrual).Sum(e => e.Total);
        }

        var first = loan.Installments[0];
        var period = new AccrualPeriod(first.Number, Terms.StartDate, first.DueDate, first.Interest, Currency.Cny);
        Assert.Equal(period.AccruedThrough(Terms.StartDate.AddDays(10), DayCountConvention.Actual365), accrued);
        Assert.Equal(accrued, loan.InterestAccruedTo(Terms.StartDate.AddDays(10)));

        for (var day = Terms.StartDate.AddDays(11); day <= first.DueDate; day = day.AddDays(1))
        {
            accrued += loan.CloseDay(day).Entries.Where(e => e.Kind == JournalEventKind.InterestAccrual).Sum(e => e.Total);
        }

        Assert.Equal(first.Interest, accrued);
    }

    [Fact]
    public void A_payoff_on_the_start_date_repays_the_principal_only_and_leaves_no_receivable()
    {
        var booked = Loan.Book(Terms);
        var loan = booked.Value!;
        var quote = loan.Quote(Terms.StartDate).Value!;
        Assert.Equal(120_000m, quote.Total);
        Assert.Equal(0m, quote.Interest);

        var paid = loan.PayOff(Guid.NewGuid(), Terms.StartDate, 120_000m);
        var ledger = Ledger.Of(Currency.Cny, booked.Entries.Concat(paid.Entries));
        Assert.Equal(LoanStatus.Closed, loan.Status);
        Assert.Equal(0m, ledger.Balances.TotalReceivable);
    }

    [Fact]
    public void A_payoff_after_interest_was_accrued_charges_the_days_elapsed_and_closes_every_receivable()
    {
        var booked = Loan.Book(Terms);
        var loan = booked.Value!;
        var entries = booked.Entries.ToList();
        for (var day = Terms.StartDate.AddDays(1); day <= Terms.StartDate.AddDays(20); day = day.AddDays(1))
        {
            entries.AddRange(loan.CloseDay(day).Entries);
        }

        // Backdated to day 10: the interest accrued for days 11 to 20 is taken back.
        var on = Terms.StartDate.AddDays(10);
        var quote = loan.Quote(on).Value!;
        Assert.Equal(loan.InterestAccruedTo(on), quote.Interest);
        entries.AddRange(loan.PayOff(Guid.NewGuid(), on, quote.Total).Entries);
        var balances = Ledger.Of(Currency.Cny, entries).Balances;
        Assert.Equal(0m, balances.TotalReceivable);
        Assert.Equal(quote.Interest, balances.Of(LedgerAccount.InterestIncome));
    }

    [Fact]
    public void A_late_loans_quote_for_a_later_date_owes_the_penalty_interest_charged_until_then_and_none_past_its_write_off()
    {
        var loan = Loan.Book(Terms, WithLateFee).Value!;
        var first = loan.Installments[0];
        var today = first.DueDate.AddDays(10);
        for (var day = Terms.StartDate; day <= today; day = day.AddDays(1))
        {
            loan.CloseDay(day);
        }

        var on = today.AddDays(30);
        var early = loan.Quote(on).Value!;
        var afterClosing = loan.Copy();
        var penalty = 0m;
        for (var day = today.AddDays(1); day < on; day = day.AddDays(1))
        {
            penalty += afterClosing.CloseDay(day).Entries.Where(e => e.Kind == JournalEventKind.PenaltyAccrual).Sum(e => e.Total);
        }

        Assert.True(penalty > 0m);
        Assert.Equal(afterClosing.Quote(on).Value!.Total, early.Total);
        Assert.Equal(afterClosing.Quote(on).Value!.Fees, early.Fees);

        var writtenOff = first.DueDate.AddDays(ServicingTerms.Default.ChargeOffDays);
        var refused = loan.Quote(writtenOff.AddDays(1));
        Assert.Equal("payoff.date.after_charge_off", refused.Error?.Code);
        Assert.Equal("on", refused.Error?.Field);
        Assert.Equal(writtenOff.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), refused.Error?.Parameters?["chargedOff"]);
        Assert.Equal(refused.Error?.Parameters, loan.Quote(writtenOff.AddDays(200)).Error?.Parameters);
        Assert.True(loan.Quote(writtenOff).Succeeded);
        Assert.Equal(LoanStatus.Active, loan.Status);
        Assert.Equal(today, loan.ClosedThrough);
    }

    [Fact]
    public void Credit_left_when_the_loan_closes_is_owed_back_as_refund_payable()
    {
        var booked = Loan.Book(Terms with { TermMonths = 1 });
        var loan = booked.Value!;
        var due = loan.Installments[0];
        var paid = loan.Pay(Guid.NewGuid(), due.Payment + 25m, due.DueDate);
        var balances = Ledger.Of(Currency.Cny, booked.Entries.Concat(paid.Entries)).Balances;

        Assert.Equal(LoanStatus.Closed, loan.Status);
        Assert.Equal(0m, loan.HeldCredit);
        Assert.Equal(0m, balances.Of(LedgerAccount.CustomerOverpayment));
        Assert.Equal(25m, balances.Of(LedgerAccount.RefundPayable));
        Assert.Equal(0m, balances.TotalReceivable);
    }

    [Fact]
    public void A_refund_paid_out_clears_the_refund_payable_and_never_pays_more_than_is_owed()
    {
        var booked = Loan.Book(Terms with { TermMonths = 1 });
        var loan = booked.Value!;
        var due = loan.Installments[0];
        var paid = loan.Pay(Guid.NewGuid(), due.Payment + 25m, due.DueDate);

        var tooMuch = loan.PayRefund(due.DueDate.AddDays(1), 25.01m, "RF-1");
        Assert.Equal("refund.amount.exceeds_payable", tooMuch.Error!.Code);
        var refunded = loan.PayRefund(due.DueDate.AddDays(1), 25m, "RF-1");
        var ledger = Ledger.Of(Currency.Cny, booked.Entries.Concat(paid.Entries).Concat(refunded.Entries));

        Assert.Equal(0m, loan.RefundPayable);
        Assert.Equal(0m, ledger.Balances.Of(LedgerAccount.RefundPayable));
        Assert.Equal(0m, ledger.TrialBalance.Net);
        Assert.Equal("refund.amount.exceeds_payable", loan.PayRefund(due.DueDate.AddDays(2), 0.01m, "RF-2").Error!.Code);
    }

    [Fact]
    public void A_refund_the_customers_bank_returns_is_owed_again_and_can_be_paid_once_more()
    {
        var booked = Loan.Book(Terms with { TermMonths = 1 });
        var loan = booked.Value!;
        var due = loan.Installments[0];
        var paid = loan.Pay(Guid.NewGuid(), due.Payment + 25m, due.DueDate);
        var refunded = loan.PayRefund(due.DueDate.AddDays(1), 25m, "RF-1");

        Assert.Equal("refund.amount.invalid", loan.ReturnRefund(due.DueDate.AddDays(3), 0.001m, "RF-1").Error!.Code);
        var returned = loan.ReturnRefund(due.DueDate.AddDays(3), 25m, "RF-1");
        var afterReturn = Ledger.Of(Currency.Cny, booked.Entries.Concat(paid.Entries).Concat(refunded.Entries).Concat(returned.Entries));

        Assert.Equal(25m, loan.RefundPayable);
        var entry = Assert.Single(returned.Entries);
        Assert.Equal(JournalEventKind.PayoutReturned, entry.Kind);
        Assert.Equal(25m, afterReturn.Balances.Of(LedgerAccount.RefundPayable));
        Assert.Equal(0m, afterReturn.TrialBalance.Net);
        Assert.Equal("refund.amount.exceeds_payable", loan.PayRefund(due.DueDate.AddDays(4), 25.01m, "RF-2").Error!.Code);
        var again = loan.PayRefund(due.DueDate.AddDays(4), 25m, "RF-2");
        Assert.True(again.Succeeded);
        Assert.Equal(0m, loan.RefundPayable);
        Assert.Equal(0m, Ledger.Of(Currency.Cny, afterReturn.Entries.Concat(again.Entries)).Balances.Of(LedgerAccount.RefundPayable));
    }

    [Fact]
    public void A_payment_is_split_by_the_products_allocation_order()
    {
        var principalFirst = ServicingTerms.Default with
        {
            Allocation = new AllocationOrder([DueComponent.Principal, DueComponent.Interest, DueComponent.Fee, DueComponent.PenaltyInterest]),
        };
        var loan = Loan.Book(Terms, principalFirst).Value!;
        var due = loan.Installments[0];
        var paid = loan.Pay(Guid.NewGuid(), due.Principal, due.DueDate).Value!;

        Assert.Equal(due.Principal, paid.Parts.Single().Principal);
        Assert.Equal(0m, paid.Parts.Single().Interest);
    }

    [Fact]
    public void Reversing_a_payment_puts_back_what_it_paid_and_applies_the_later_ones_again()
    {
        var booked = Loan.Book(Terms);
        var loan = booked.Value!;
        var entries = booked.Entries.ToList();
        var first = loan.Installments[0];
        var bounced = loan.Pay(Guid.NewGuid(), first.Payment, first.DueDate);
        entries.AddRange(bounced.Entries);
        entries.AddRange(loan.Pay(Guid.NewGuid(), first.Payment, first.DueDate.AddDays(1)).Entries);
        Assert.Equal(first.Payment, loan.HeldCredit);

        var reversed = loan.Reverse(bounced.Value!.Id, first.DueDate.AddDays(2), "returned unpaid");
        entries.AddRange(reversed.Entries);
        Assert.True(reversed.Succeeded);
        Assert.Equal(1, reversed.Value);
        Assert.True(loan.Installments[0].IsPaid);
        Assert.Equal(0m, loan.HeldCredit);
        Assert.Equal(0m, Ledger.Of(Currency.Cny, entries).Balances.Of(LedgerAccount.CustomerOverpayment));
    }

    [Fact]
    public void Operations_on_a_closed_loan_are_refused_with_a_stable_code()
    {
        var loan = Loan.Book(Terms).Value!;
        loan.PayOff(Guid.NewGuid(), Terms.StartDate);

        var refused = loan.Pay(Guid.NewGuid(), 100m, Terms.StartDate.AddDays(1));
        Assert.False(refused.Succeeded);
        Assert.Equal("loan.status.not_active", refused.Error!.Code);
        Assert.True(refused.Error.IsConflict);
        Assert.Empty(refused.Entries);
    }

    /// <summary>
    /// A product's longest term counts extensions too (a car loan may not run past it from its start): a 12-month loan
    /// under an 18-month cap takes a 6-month extension, not a 7-month one, and a refused plan leaves the schedule as it was.
    /// </summary>
    [Theory]
    [InlineData(HardshipKind.TermExtension, 6, true)]
    [InlineData(HardshipKind.TermExtension, 7, false)]
    [InlineData(HardshipKind.PaymentHoliday, 6, true)]
    [InlineData(HardshipKind.Reamortisation, 24, false)]
    public void A_plan_may_not_run_the_loan_past_its_products_longest_term(HardshipKind kind, int count, bool granted)
    {
        var loan = Loan.Book(Terms).Value!;
        var before = loan.Installments.Select(i => (i.DueDate, i.Payment)).ToList();

        var result = loan.GrantHardship(kind, count, Terms.StartDate.AddDays(10), "hardship plan", longestTermMonths: 18);

        Assert.Equal(granted, result.Succeeded);
        if (granted)
        {
            Assert.True(result.Value!.NewMaturity <= Terms.StartDate.AddMonths(18));
            return;
        }

        Assert.Equal("hardship.term.longest", result.Error!.Code);
        Assert.Equal(kind == HardshipKind.PaymentHoliday ? "installments" : "months", result.Error.Field);
        Assert.Equal("2027-07-15", result.Error.Parameters!["latest"]);
        Assert.Equal(before, loan.Installments.Select(i => (i.DueDate, i.Payment)).ToList());
        Assert.Null(loan.RestructuredOn);
    }

    /// <summary>
    /// A late customer who pays what is overdue is current at once, not at the next close: the oldest instalment paid
    /// leaves the next oldest's lateness, everything paid leaves none, and a payment never makes a loan later.
    /// </summary>
    [Fact]
    public void A_payment_that_clears_the_arrears_brings_the_days_past_due_down_at_once()
    {
        var loan = Loan.Book(Terms, WithLateFee).Value!;
        var (first, second) = (loan.Installments[0], loan.Installments[1]);
        var closed = second.DueDate.AddDays(5);
        loan.CloseDay(closed);
        Assert.Equal(closed.DayNumber - first.DueDate.DayNumber, loan.DaysPastDue);

        loan.Pay(Guid.NewGuid(), loan.Owing(closed)[0].Total, closed.AddDays(1));
        Assert.Equal(5, loan.DaysPastDue);

        loan.Pay(Guid.NewGuid(), loan.Owing(closed).Sum(d => d.Total), closed.AddDays(1));
        Assert.Equal(0, loan.DaysPastDue);
        Assert.Equal(ServicingTerms.Default.Buckets.For(0).Name, loan.Bucket.Name);
    }
}
