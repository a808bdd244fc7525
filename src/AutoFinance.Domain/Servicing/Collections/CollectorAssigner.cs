namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>Shares a worklist between collectors, keeping their loads even.</summary>
/// <remarks>
/// Greedy and deterministic: by count, the items are dealt in worklist order, each to the collector with the fewest
/// accounts (so counts differ by at most one and everyone gets a share of the top of the list); by amount, the items
/// are dealt largest amount at risk first (ties in worklist order), each to the collector with the smallest total
/// (longest-processing-time rule: the largest total is within a third of the best possible). Ties between collectors
/// go to the one listed first. The result is in worklist order.
/// </remarks>
public static class CollectorAssigner
{
    public static IReadOnlyList<CollectorAssignment> Assign(IReadOnlyList<WorklistItem> worklist, IReadOnlyList<string> collectors, AssignmentBalance balance)
    {
        ArgumentNullException.ThrowIfNull(worklist);
        ArgumentNullException.ThrowIfNull(collectors);
        if (collectors.Count == 0)
        {
            throw new ArgumentException("At least one collector is needed.", nameof(collectors));
        }

        if (collectors.Distinct(StringComparer.Ordinal).Count() != collectors.Count)
        {
            throw new ArgumentException("Each collector may be listed once.", nameof(collectors));
        }

        var loads = new decimal[collectors.Count];
        var order = balance == AssignmentBalance.Amount
            ? worklist.OrderByDescending(item => item.Account.AmountAtRisk).ThenBy(item => item.Rank)
            : worklist.OrderBy(item => item.Rank).AsEnumerable();
        var assignments = new List<CollectorAssignment>(worklist.Count);
        foreach (var item in order)
        {
            var lightest = 0;
            for (var c = 1; c < loads.Length; c++)
            {
                if (loads[c] < loads[lightest])
                {
                    lightest = c;
                }
            }

            loads[lightest] += balance == AssignmentBalance.Amount ? item.Account.AmountAtRisk : 1m;
            assignments.Add(new CollectorAssignment(item.Account.LoanId, collectors[lightest], item.Rank));
        }

        return assignments.OrderBy(assignment => assignment.Rank).ToArray();
    }
}
