using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Accrual;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>A loan's rate changed from a due date: the rest re-amortised at the new rate, nothing posted touched, the ledger balanced.</summary>
public class RateChangeTests
{
    private static readonly LoanTerms Terms = SampleLoan.Terms;

    /// <summary>A loan closed every day to <paramref name="through"/> with each instalment paid on its due date.</summary>
    private static (Loan Loan, List<JournalEntry> Entries) PaidOnTimeThrough(DateOnly through)
    {
        var booked = Loan.Book(Terms);
        var loan = booked.Value!;
        var entries = booked.Entries.ToList();
        for (var day = Terms.StartDate.AddDays(1); day <= through; day = day.AddDays(1))
        {
            entries.AddRange(loan.CloseDay(day).Entries);
            if (loan.Installments.FirstOrDefault(i => i.DueDate == day) is { } due)
            {
                entries.AddRange(loan.Pay(Guid.NewGuid(), due.Payment, day).Entries);
            }
        }

        return (loan, entries);
    }

    [Fact]
    public void A_lower_rate_from_a_due_date_re_amortises_the_rest_to_the_cent_and_keeps_the_maturity_and_what_was_paid()
    {
        var (loan, entries) = PaidOnTimeThrough(new DateOnly(2026, 4, 15));
        var paidBefore = loan.Installments.Take(3).ToList();
        var balance = loan.Installments[2].Balance;

        var changed = loan.ChangeRate(0.036m, new DateOnly(2026, 4, 15), new DateOnly(2026, 4, 15), "rate change");

        Assert.True(changed.Succeeded);
        var fresh = ScheduleBuilder.Build(Terms with { Principal = balance, AnnualRate = 0.036m, TermMonths = 9, StartDate = new DateOnly(2026, 4, 15) });
        var monthly = 0.036m / 12m;
        var annuity = Math.Round(balance * monthly / (1m - (decimal)Math.Pow((double)(1m + monthly), -9)), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(annuity, changed.Value!.NewPayment);
        Assert.Equal(fresh.Installments.Select(i => (i.DueDate, i.Payment, i.Principal, i.Interest)), loan.Installments.Skip(3).Select(i => (i.DueDate, i.Payment, i.Principal, i.Interest)));
        Assert.Equal(paidBefore, loan.Installments.Take(3));
        Assert.Equal(balance, loan.Installments.Skip(3).Sum(i => i.Principal));
        Assert.Equal(new DateOnly(2027, 1, 15), changed.Value.Maturity);
        Assert.Equal(0.036m, loan.Terms.AnnualRate);
        Assert.Empty(changed.Entries);
        Assert.True(Ledger.Of(Currency.Cny, entries.Concat(changed.Entries)).TrialBalance.IsBalanced);
    }

    [Fact]
    public void Interest_accrues_at_the_new_rate_from_the_date_and_a_period_sums_to_its_new_interest()
    {
        var effective = new DateOnly(2026, 4, 15);
        var (loan, entries) = PaidOnTimeThrough(effective);
        loan.ChangeRate(0.036m, effective, effective, "rate change");
        var row = loan.Installments[3];

        var accrued = 0m;
        for (var day = effective.AddDays(1); day <= effective.AddDays(10); day = day.AddDays(1))
        {
            accrued += loan.CloseDay(day).Entries.Where(e => e.Kind == JournalEventKind.InterestAccrual).Sum(e => e.Total);
        }

        Assert.Equal(new AccrualPeriod(row.Number, effective, row.DueDate, row.Interest, Currency.Cny).AccruedThrough(effective.AddDays(10), DayCountConvention.Actual365), accrued);
        Assert.Equal(Math.Round(row.Principal + row.Balance, 2) * 0.003m, row.Interest, 2);
    }

    [Fact]
    public void Days_closed_after_the_date_at_the_old_rate_are_taken_back_to_the_new_and_the_ledger_stays_balanced()
    {
        var effective = new DateOnly(2026, 4, 15);
        var (loan, entries) = PaidOnTimeThrough(effective.AddDays(12));
        var oldAccrued = loan.Installments[3].AccruedInterest;

        var changed = loan.ChangeRate(0.036m, effective, effective.AddDays(12), "rate change");

        var row = loan.Installments[3];
        var newAccrued = new AccrualPeriod(row.Number, effective, row.DueDate, row.Interest, Currency.Cny).AccruedThrough(effective.AddDays(12), DayCountConvention.Actual365);
        var reversal = Assert.Single(changed.Entries);
        Assert.Equal(JournalEventKind.InterestReversal, reversal.Kind);
        Assert.Equal(oldAccrued - newAccrued, reversal.Total);
        Assert.Equal(newAccrued, row.AccruedInterest);
        var ledger = Ledger.Of(Currency.Cny, entries.Concat(changed.Entries));
        Assert.Equal(0m, ledger.TrialBalance.Net);
        Assert.Equal(loan.Installments.Sum(i => i.AccruedInterest - i.PaidInterest), ledger.Balances.Of(LedgerAccount.InterestReceivable));
    }

    [Fact]
    public void A_rate_change_runs_the_loan_to_its_end_paid_on_time_and_closes_every_receivable()
    {
        var effective = new DateOnly(2026, 6, 15);
        var (loan, entries) = PaidOnTimeThrough(effective);
        entries.AddRange(loan.ChangeRate(0.045m, effective, effective, "rate change").Entries);
        for (var day = effective.AddDays(1); day <= new DateOnly(2027, 1, 15); day = day.AddDays(1))
        {
            entries.AddRange(loan.CloseDay(day).Entries);
            if (loan.Installments.FirstOrDefault(i => i.DueDate == day) is { } due)
            {
                entries.AddRange(loan.Pay(Guid.NewGuid(), due.Payment, day).Entries);
            }
        }

        var balances = Ledger.Of(Currency.Cny, entries).Balances;
        Assert.Equal(LoanStatus.Closed, loan.Status);
        Assert.Equal(0m, balances.TotalReceivable);
        Assert.Equal(loan.Installments.Sum(i => i.Interest), balances.Of(LedgerAccount.InterestIncome));
    }

    [Fact]
    public void A_future_due_date_keeps_the_old_rate_until_then()
    {
        var (loan, _) = PaidOnTimeThrough(new DateOnly(2026, 4, 20));
        var running = loan.Installments[3];

        var changed = loan.ChangeRate(0.036m, new DateOnly(2026, 5, 15), new DateOnly(2026, 4, 20), "rate change");

        Assert.True(changed.Succeeded);
        Assert.Empty(changed.Entries);
        Assert.Equal(running, loan.Installments[3]);
        Assert.True(loan.Installments[4].Payment < running.Payment);
    }

    [Theory]
    [InlineData("2026-04-20", "rate.effectiveOn.not_due_date", false)]
    [InlineData("2026-03-15", "rate.effectiveOn.fallen_due", true)]
    [InlineData("2027-01-15", "rate.effectiveOn.fallen_due", true)]
    public void A_date_that_is_not_a_due_date_or_has_later_instalments_fallen_due_is_refused(string effectiveOn, string code, bool conflict)
    {
        var (loan, _) = PaidOnTimeThrough(new DateOnly(2026, 4, 20));
        var before = loan.Installments.ToList();

        var refused = loan.ChangeRate(0.036m, DateOnly.Parse(effectiveOn, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 4, 20), "rate change");

        Assert.Equal(code, refused.Error!.Code);
        Assert.Equal(conflict, refused.Error.IsConflict);
        Assert.Equal(before, loan.Installments);
        Assert.Equal(0.06m, loan.Terms.AnnualRate);
    }

    [Fact]
    public void The_rate_in_force_and_a_flat_fee_loan_are_refused()
    {
        var loan = Loan.Book(Terms).Value!;
        Assert.Equal("rate.annualRate.unchanged", loan.ChangeRate(0.06m, Terms.StartDate, Terms.StartDate, "rate change").Error!.Code);
        Assert.Equal("rate.annualRate.invalid", loan.ChangeRate(-0.01m, Terms.StartDate, Terms.StartDate, "rate change").Error!.Code);
        var flat = Loan.Book(Terms with { Method = RepaymentMethod.FlatFee, AnnualRate = 0m, FlatFee = FlatFee.TotalPercent(5m, FeeTiming.Spread) }).Value!;
        Assert.Equal("rate.loan.flat_fee", flat.ChangeRate(0.03m, Terms.StartDate, Terms.StartDate, "rate change").Error!.Code);
    }
}
