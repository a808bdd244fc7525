using AutoFinance.Application.Common;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The day each instalment of a loan was paid in full, read from the dated allocations of its posted payments (customer
/// payments, held credit applied at a close, payoffs) in the order they were paid.
/// </summary>
public static class InstalmentSettlements
{
    /// <param name="totals">What each instalment owes in all, by number.</param>
    /// <param name="payments">The loan's posted payments: the day paid and the allocation JSON.</param>
    public static Dictionary<int, DateOnly> Of(IReadOnlyDictionary<int, decimal> totals, IEnumerable<(DateOnly PaidOn, string AllocationJson)> payments)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(payments);
        var paid = new Dictionary<int, decimal>();
        var completed = new Dictionary<int, DateOnly>();
        foreach (var (paidOn, allocationJson) in payments.OrderBy(p => p.PaidOn))
        {
            foreach (var part in Json.Deserialize<List<InstallmentAllocation>>(allocationJson) ?? [])
            {
                paid[part.Number] = paid.GetValueOrDefault(part.Number) + part.Total;
                if (!completed.ContainsKey(part.Number) && totals.TryGetValue(part.Number, out var total) && paid[part.Number] >= total)
                {
                    completed[part.Number] = paidOn;
                }
            }
        }

        return completed;
    }
}
