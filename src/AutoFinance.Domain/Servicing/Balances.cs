using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>
/// Account balances folded from journal entries; never stored apart from the entries they come from.
/// Immutable: <see cref="Apply"/> returns new balances.
/// </summary>
public sealed class Balances
{
    private static readonly int AccountCount = LedgerAccounts.All.Count;

    // Debit-positive balance of each account, indexed by the account's value.
    private readonly decimal[] debitBalances;

    private Balances(Currency currency, decimal[] debitBalances)
    {
        Currency = currency;
        this.debitBalances = debitBalances;
    }

    public Currency Currency { get; }

    public static Balances Empty(Currency currency) => new(currency, new decimal[AccountCount]);

    /// <summary>The balances of a stream of entries, folded from nothing.</summary>
    public static Balances Of(Currency currency, IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Aggregate(Empty(currency), (balances, entry) => balances.Apply(entry));
    }

    /// <summary>
    /// The balances of a ledger's lines taken on their own, in any order: what <see cref="Of"/> gives for the entries
    /// that hold them (each entry balanced when it was posted), for a reader that sums a stored journal without
    /// rebuilding its entries.
    /// </summary>
    public static Balances OfLines(Currency currency, IEnumerable<JournalLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var totals = new decimal[AccountCount];
        foreach (var line in lines)
        {
            totals[Index(line.Account)] += line.SignedAmount;
        }

        return new Balances(currency, totals);
    }

    /// <summary>These balances with one more entry posted.</summary>
    public Balances Apply(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Currency != Currency)
        {
            throw new InvalidOperationException($"Cannot post a {entry.Currency} entry to a {Currency} ledger.");
        }

        var next = (decimal[])debitBalances.Clone();
        foreach (var line in entry.Lines)
        {
            next[(int)line.Account] += line.SignedAmount;
        }

        return new Balances(Currency, next);
    }

    /// <summary>The balance as debits less credits (negative when the account is in credit).</summary>
    public decimal DebitBalance(LedgerAccount account) => debitBalances[Index(account)];

    /// <summary>The balance on the account's normal side: positive for a receivable owed to us or income earned.</summary>
    public decimal Of(LedgerAccount account) =>
        account.NormalSide() == EntrySide.Debit ? DebitBalance(account) : -DebitBalance(account);

    public Money MoneyOf(LedgerAccount account) => Money.Of(Of(account), Currency);

    /// <summary>What the customer owes: the four receivables.</summary>
    public decimal TotalReceivable =>
        Of(LedgerAccount.LoanPrincipalReceivable)
        + Of(LedgerAccount.InterestReceivable)
        + Of(LedgerAccount.FeeReceivable)
        + Of(LedgerAccount.PenaltyInterestReceivable);

    private static int Index(LedgerAccount account) =>
        Enum.IsDefined(account) ? (int)account : throw new ArgumentOutOfRangeException(nameof(account), account, "Not an account of the chart.");
}
