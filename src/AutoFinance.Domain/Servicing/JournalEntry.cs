using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>
/// A balanced journal entry without identity: a business date, the event it records, a description and its lines.
/// It cannot be built unbalanced: every amount is positive and in whole minor units of the currency, and the debits
/// equal the credits exactly.
/// </summary>
public sealed class JournalEntry
{
    private readonly JournalLine[] lines;

    private JournalEntry(DateOnly businessDate, JournalEventKind kind, string description, Currency currency, JournalLine[] lines, decimal total)
    {
        BusinessDate = businessDate;
        Kind = kind;
        Description = description;
        Currency = currency;
        this.lines = lines;
        Total = total;
    }

    public DateOnly BusinessDate { get; }

    public JournalEventKind Kind { get; }

    public string Description { get; }

    public Currency Currency { get; }

    public IReadOnlyList<JournalLine> Lines => lines;

    /// <summary>The sum of the debits, which is also the sum of the credits.</summary>
    public decimal Total { get; }

    /// <summary>A balanced entry, or <see cref="ArgumentException"/> saying why the lines cannot make one.</summary>
    public static JournalEntry Create(DateOnly businessDate, JournalEventKind kind, string description, Currency currency, IEnumerable<JournalLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var copy = lines.ToArray();
        var problem = Problem(kind, description, currency, copy, out var total);
        return problem is null
            ? new JournalEntry(businessDate, kind, description, currency, copy, total)
            : throw new ArgumentException(problem, nameof(lines));
    }

    /// <summary>Like <see cref="Create"/>, but says why instead of throwing.</summary>
    public static bool TryCreate(
        DateOnly businessDate, JournalEventKind kind, string description, Currency currency, IEnumerable<JournalLine> lines, out JournalEntry? entry, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var copy = lines.ToArray();
        problem = Problem(kind, description, currency, copy, out var total);
        entry = problem is null ? new JournalEntry(businessDate, kind, description, currency, copy, total) : null;
        return entry is not null;
    }

    private static string? Problem(JournalEventKind kind, string description, Currency currency, JournalLine[] lines, out decimal total)
    {
        total = 0m;
        if (!Enum.IsDefined(kind))
        {
            return $"Unknown event kind {kind}.";
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            return "A journal entry needs a description.";
        }

        if (lines.Length < 2)
        {
            return "A journal entry needs at least one debit and one credit line.";
        }

        decimal debits = 0m, credits = 0m;
        foreach (var line in lines)
        {
            if (!Enum.IsDefined(line.Account) || !Enum.IsDefined(line.Side))
            {
                return $"Line {line} names no account or side of the chart.";
            }

            if (line.Amount <= 0m)
            {
                return $"Line amounts must be positive; {line.Account} has {line.Amount}.";
            }

            if (currency.Round(line.Amount) != line.Amount)
            {
                return $"{line.Amount} on {line.Account} is not a whole number of {currency.Code} minor units.";
            }

            if (line.Side == EntrySide.Debit)
            {
                debits += line.Amount;
            }
            else
            {
                credits += line.Amount;
            }
        }

        if (debits == 0m || credits == 0m)
        {
            return "A journal entry needs at least one debit and one credit line.";
        }

        if (debits != credits)
        {
            return $"Unbalanced entry: debits {debits} {currency.Code} differ from credits {credits} {currency.Code}.";
        }

        total = debits;
        return null;
    }
}
