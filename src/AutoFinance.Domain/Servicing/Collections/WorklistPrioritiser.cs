namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>Orders delinquent accounts so the collector works the largest expected roll first.</summary>
/// <remarks>
/// Priority = amount at risk × roll-forward probability of the account's bucket. Ties are broken, in order, by more
/// days past due, a larger amount overdue, a larger amount at risk, then the loan id (ordinal), so the same accounts
/// always give the same list. Accounts with no days past due are left out unless asked for.
/// </remarks>
public static class WorklistPrioritiser
{
    public static IReadOnlyList<WorklistItem> Prioritise(
        IEnumerable<CollectionAccount> accounts,
        RollRateMatrix rollRates,
        CollectionStrategy strategy,
        bool includeCurrent = false)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(rollRates);
        ArgumentNullException.ThrowIfNull(strategy);
        var items = accounts
            .Where(account => includeCurrent || account.DaysPastDue > 0)
            .Select(account =>
            {
                ArgumentOutOfRangeException.ThrowIfNegative(account.AmountAtRisk, nameof(accounts));
                var bucket = rollRates.Buckets.For(account.DaysPastDue).Name;
                var roll = rollRates.RollForward(bucket);
                return new WorklistItem(0, account, bucket, strategy.ActionFor(bucket, account.Grade, account.BehaviourScore), roll, account.AmountAtRisk * roll);
            })
            .OrderByDescending(item => item.Priority)
            .ThenByDescending(item => item.Account.DaysPastDue)
            .ThenByDescending(item => item.Account.AmountOverdue)
            .ThenByDescending(item => item.Account.AmountAtRisk)
            .ThenBy(item => item.Account.LoanId, StringComparer.Ordinal)
            .ToList();
        return items.Select((item, i) => item with { Rank = i + 1 }).ToArray();
    }

    /// <summary>Prioritises with the default roll rates and strategy.</summary>
    public static IReadOnlyList<WorklistItem> Prioritise(IEnumerable<CollectionAccount> accounts) =>
        Prioritise(accounts, RollRateMatrix.Default, CollectionStrategy.Default);
}
