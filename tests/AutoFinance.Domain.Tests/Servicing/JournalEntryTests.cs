using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Domain.Tests.Servicing;

public class JournalEntryTests
{
    private static readonly DateOnly Day = new(2026, 2, 10);

    private static JournalEntry Entry(Currency currency, params JournalLine[] lines) =>
        JournalEntry.Create(Day, JournalEventKind.Payment, "test", currency, lines);

    [Fact]
    public void A_balanced_entry_is_accepted_and_keeps_its_lines()
    {
        var entry = Entry(
            Currency.Cny,
            JournalLine.Debit(LedgerAccount.CashClearing, 100.00m),
            JournalLine.Credit(LedgerAccount.InterestReceivable, 30.01m),
            JournalLine.Credit(LedgerAccount.LoanPrincipalReceivable, 69.99m));

        Assert.Equal(100.00m, entry.Total);
        Assert.Equal(3, entry.Lines.Count);
        Assert.Equal(Day, entry.BusinessDate);
        Assert.Equal(JournalEventKind.Payment, entry.Kind);
    }

    [Fact]
    public void An_entry_unbalanced_by_one_cent_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Entry(
            Currency.Cny,
            JournalLine.Debit(LedgerAccount.CashClearing, 100.00m),
            JournalLine.Credit(LedgerAccount.LoanPrincipalReceivable, 99.99m)));
        Assert.Contains("Unbalanced", error.Message, StringComparison.Ordinal);

        Assert.False(JournalEntry.TryCreate(
            Day, JournalEventKind.Payment, "test", Currency.Cny,
            [JournalLine.Debit(LedgerAccount.CashClearing, 100.00m), JournalLine.Credit(LedgerAccount.LoanPrincipalReceivable, 99.99m)],
            out var entry, out var problem));
        Assert.Null(entry);
        Assert.NotNull(problem);
    }

    [Theory]
    [InlineData(0.00)]
    [InlineData(-5.00)]
    [InlineData(10.005)]
    public void Zero_negative_and_sub_cent_amounts_are_refused_even_when_balanced(decimal amount)
    {
        Assert.Throws<ArgumentException>(() => Entry(
            Currency.Cny,
            JournalLine.Debit(LedgerAccount.CashClearing, amount),
            JournalLine.Credit(LedgerAccount.LoanPrincipalReceivable, amount)));
    }

    [Fact]
    public void Amounts_must_be_whole_minor_units_of_the_currency()
    {
        var yen = Currency.FromCode("JPY");
        Assert.Throws<ArgumentException>(() => Entry(yen, JournalLine.Debit(LedgerAccount.CashClearing, 1.5m), JournalLine.Credit(LedgerAccount.Suspense, 1.5m)));
        Assert.Equal(2m, Entry(yen, JournalLine.Debit(LedgerAccount.CashClearing, 2m), JournalLine.Credit(LedgerAccount.Suspense, 2m)).Total);
    }

    [Fact]
    public void One_sided_and_empty_entries_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Entry(Currency.Cny));
        Assert.Throws<ArgumentException>(() => Entry(
            Currency.Cny,
            JournalLine.Debit(LedgerAccount.CashClearing, 1m),
            JournalLine.Debit(LedgerAccount.FeeReceivable, 1m)));
        Assert.Throws<ArgumentException>(() => JournalEntry.Create(
            Day, JournalEventKind.Payment, " ", Currency.Cny,
            [JournalLine.Debit(LedgerAccount.CashClearing, 1m), JournalLine.Credit(LedgerAccount.Suspense, 1m)]));
    }

    [Theory]
    [InlineData(LedgerAccount.LoanPrincipalReceivable, EntrySide.Debit)]
    [InlineData(LedgerAccount.InterestReceivable, EntrySide.Debit)]
    [InlineData(LedgerAccount.FeeReceivable, EntrySide.Debit)]
    [InlineData(LedgerAccount.PenaltyInterestReceivable, EntrySide.Debit)]
    [InlineData(LedgerAccount.CashClearing, EntrySide.Debit)]
    [InlineData(LedgerAccount.WriteOffExpense, EntrySide.Debit)]
    [InlineData(LedgerAccount.InterestIncome, EntrySide.Credit)]
    [InlineData(LedgerAccount.FeeIncome, EntrySide.Credit)]
    [InlineData(LedgerAccount.PenaltyIncome, EntrySide.Credit)]
    [InlineData(LedgerAccount.Suspense, EntrySide.Credit)]
    [InlineData(LedgerAccount.CustomerOverpayment, EntrySide.Credit)]
    [InlineData(LedgerAccount.RefundPayable, EntrySide.Credit)]
    public void Each_account_has_its_normal_side(LedgerAccount account, EntrySide side)
    {
        Assert.Equal(side, account.NormalSide());
    }

    [Fact]
    public void Every_account_of_the_chart_has_a_kind()
    {
        Assert.All(LedgerAccounts.All, account => Assert.True(Enum.IsDefined(account.Kind())));
        Assert.Equal(14, LedgerAccounts.All.Count);
    }
}
