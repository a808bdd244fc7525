using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing;

/// <summary>Every account's balance in a debit or credit column. Built from balanced entries, the columns are always equal.</summary>
public sealed class TrialBalance
{
    private TrialBalance(Currency currency, TrialBalanceRow[] rows)
    {
        Currency = currency;
        Rows = rows;
        foreach (var row in rows)
        {
            TotalDebits += row.Debit;
            TotalCredits += row.Credit;
        }
    }

    public Currency Currency { get; }

    /// <summary>One row per account of the chart, in chart order.</summary>
    public IReadOnlyList<TrialBalanceRow> Rows { get; }

    public decimal TotalDebits { get; }

    public decimal TotalCredits { get; }

    /// <summary>Debits less credits: zero for any ledger of balanced entries.</summary>
    public decimal Net => TotalDebits - TotalCredits;

    public bool IsBalanced => Net == 0m;

    public static TrialBalance Of(Balances balances)
    {
        ArgumentNullException.ThrowIfNull(balances);
        var rows = LedgerAccounts.All
            .Select(account =>
            {
                var debit = balances.DebitBalance(account);
                return debit >= 0m ? new TrialBalanceRow(account, debit, 0m) : new TrialBalanceRow(account, 0m, -debit);
            })
            .ToArray();
        return new TrialBalance(balances.Currency, rows);
    }
}
