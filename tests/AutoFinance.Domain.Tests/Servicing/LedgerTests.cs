using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Domain.Tests.Servicing;

public class LedgerTests
{
    private static Money Cny(decimal amount) => Money.Of(amount, Currency.Cny);

    [Fact]
    public void Disbursement_accrual_payment_and_write_off_leave_a_zero_trial_balance_and_the_right_balances()
    {
        var ledger = Ledger.Empty(Currency.Cny)
            .Post(LoanPostings.Disbursement(new DateOnly(2026, 1, 10), Cny(100_000.00m)))
            .Post(LoanPostings.InterestAccrual(new DateOnly(2026, 2, 10), Cny(408.33m)))
            .Post(LoanPostings.FeeDue(new DateOnly(2026, 2, 10), Cny(50.00m)))
            .Post(LoanPostings.PenaltyAccrual(new DateOnly(2026, 2, 20), Cny(12.34m)));

        var due = new InstallmentDue(1, new DateOnly(2026, 2, 10), Fee: 50.00m, PenaltyInterest: 12.34m, Interest: 408.33m, Principal: 1_654.67m);
        var allocation = PaymentAllocator.Allocate([due], Cny(2_000.00m));
        ledger = ledger.Post(LoanPostings.Payment(new DateOnly(2026, 2, 25), allocation));

        var paid = ledger.Balances;
        Assert.Equal(98_470.67m, paid.Of(LedgerAccount.LoanPrincipalReceivable));
        Assert.Equal(0.00m, paid.Of(LedgerAccount.InterestReceivable));
        Assert.Equal(0.00m, paid.Of(LedgerAccount.FeeReceivable));
        Assert.Equal(0.00m, paid.Of(LedgerAccount.PenaltyInterestReceivable));
        Assert.Equal(-98_000.00m, paid.Of(LedgerAccount.CashClearing));
        Assert.Equal(408.33m, paid.Of(LedgerAccount.InterestIncome));
        Assert.Equal(50.00m, paid.Of(LedgerAccount.FeeIncome));
        Assert.Equal(12.34m, paid.Of(LedgerAccount.PenaltyIncome));
        Assert.Equal(0m, ledger.TrialBalance.Net);

        ledger = ledger.Post(LoanPostings.InterestAccrual(new DateOnly(2026, 3, 10), Cny(401.96m)));
        ledger = ledger.Post(LoanPostings.WriteOffOutstanding(new DateOnly(2026, 9, 30), ledger.Balances));

        var after = ledger.Balances;
        Assert.Equal(0m, after.TotalReceivable);
        Assert.Equal(98_872.63m, after.Of(LedgerAccount.WriteOffExpense));
        Assert.Equal(810.29m, after.Of(LedgerAccount.InterestIncome));

        var trial = ledger.TrialBalance;
        Assert.True(trial.IsBalanced);
        Assert.Equal(98_872.63m, trial.TotalDebits);
        Assert.Equal(98_872.63m, trial.TotalCredits);
        Assert.Equal(98_000.00m, trial.Rows.Single(row => row.Account == LedgerAccount.CashClearing).Credit);
        Assert.Equal(7, ledger.Entries.Count);
    }

    [Fact]
    public void Balances_as_of_a_date_fold_only_the_entries_up_to_it()
    {
        var ledger = Ledger.Empty(Currency.Cny)
            .Post(LoanPostings.Disbursement(new DateOnly(2026, 1, 10), Cny(10_000.00m)))
            .Post(LoanPostings.InterestAccrual(new DateOnly(2026, 2, 10), Cny(40.83m)));

        Assert.Equal(0m, ledger.BalancesAsOf(new DateOnly(2026, 2, 9)).Of(LedgerAccount.InterestReceivable));
        Assert.Equal(40.83m, ledger.BalancesAsOf(new DateOnly(2026, 2, 10)).Of(LedgerAccount.InterestReceivable));
        Assert.Equal(10_040.83m, ledger.Balances.TotalReceivable);
    }

    [Fact]
    public void An_overpayment_is_credited_to_the_customer()
    {
        var due = new InstallmentDue(1, new DateOnly(2026, 2, 10), 0m, 0m, 408.33m, 1_654.67m);
        var entry = LoanPostings.Payment(new DateOnly(2026, 2, 10), PaymentAllocator.Allocate([due], Cny(2_100.00m)));

        Assert.Equal(2_100.00m, entry.Total);
        Assert.Contains(JournalLine.Credit(LedgerAccount.CustomerOverpayment, 37.00m), entry.Lines);
        Assert.Contains(JournalLine.Credit(LedgerAccount.InterestReceivable, 408.33m), entry.Lines);
        Assert.Contains(JournalLine.Credit(LedgerAccount.LoanPrincipalReceivable, 1_654.67m), entry.Lines);
        Assert.DoesNotContain(entry.Lines, line => line.Account == LedgerAccount.FeeReceivable);
    }

    [Fact]
    public void A_ledger_refuses_an_entry_in_another_currency_and_a_write_off_of_nothing()
    {
        var usd = LoanPostings.Disbursement(new DateOnly(2026, 1, 10), Money.Of(1m, Currency.Usd));
        Assert.Throws<InvalidOperationException>(() => Ledger.Empty(Currency.Cny).Post(usd));
        Assert.Throws<ArgumentException>(() => LoanPostings.WriteOffOutstanding(new DateOnly(2026, 1, 10), Balances.Empty(Currency.Cny)));
        Assert.Throws<ArgumentException>(() => LoanPostings.Disbursement(new DateOnly(2026, 1, 10), Cny(0m)));
    }
}
