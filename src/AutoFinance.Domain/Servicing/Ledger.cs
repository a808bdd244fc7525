using System.Collections.Immutable;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>
/// One loan's (or one book's) journal in one currency: the entries in posting order and the balances folded from them.
/// Immutable: <see cref="Post"/> returns a new ledger.
/// </summary>
public sealed class Ledger
{
    private readonly ImmutableList<JournalEntry> entries;

    private Ledger(ImmutableList<JournalEntry> entries, Balances balances)
    {
        this.entries = entries;
        Balances = balances;
    }

    public static Ledger Empty(Currency currency) => new([], Balances.Empty(currency));

    /// <summary>A ledger of these entries, posted in the order given.</summary>
    public static Ledger Of(Currency currency, IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Aggregate(Empty(currency), (ledger, entry) => ledger.Post(entry));
    }

    public Currency Currency => Balances.Currency;

    public IReadOnlyList<JournalEntry> Entries => entries;

    public Balances Balances { get; }

    public TrialBalance TrialBalance => TrialBalance.Of(Balances);

    public Ledger Post(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new Ledger(entries.Add(entry), Balances.Apply(entry));
    }

    /// <summary>The ledger with several entries posted in order.</summary>
    public Ledger PostAll(IEnumerable<JournalEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Aggregate(this, (ledger, entry) => ledger.Post(entry));
    }

    /// <summary>The balances as at the end of a business date: only entries dated on or before it.</summary>
    public Balances BalancesAsOf(DateOnly businessDate) =>
        Balances.Of(Currency, Entries.Where(entry => entry.BusinessDate <= businessDate));
}
