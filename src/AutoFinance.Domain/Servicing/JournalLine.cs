namespace AutoFinance.Domain.Servicing;

/// <summary>One line of a journal entry: a positive amount on one side of one account.</summary>
public readonly record struct JournalLine(LedgerAccount Account, EntrySide Side, decimal Amount)
{
    public static JournalLine Debit(LedgerAccount account, decimal amount) => new(account, EntrySide.Debit, amount);

    public static JournalLine Credit(LedgerAccount account, decimal amount) => new(account, EntrySide.Credit, amount);

    /// <summary>The amount as it moves a debit balance: positive for a debit, negative for a credit.</summary>
    public decimal SignedAmount => Side == EntrySide.Debit ? Amount : -Amount;
}
