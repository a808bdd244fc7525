using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Where close of business stands for a date: each partition's state, worker and loans closed, and the active loans
/// still to close. Finished means every partition is done and no loan is left. Read only; the API and the operations
/// page both answer from it.
/// </summary>
public static class EndOfDayStatus
{
    public sealed record PartitionView(int Partition, PartitionStatus Status, string? Worker, int Loans, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

    public sealed record Report(DateOnly BusinessDate, bool Finished, int LoansLeft, IReadOnlyList<PartitionView> Partitions);

    public static async Task<Report> OfAsync(AutoFinanceDbContext db, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var partitions = await db.CobPartitions.AsNoTracking().Where(p => p.BusinessDate == day).OrderBy(p => p.Partition)
            .Select(p => new PartitionView(p.Partition, p.Status, p.Worker, p.Loans, p.StartedAt, p.FinishedAt)).ToListAsync(ct).ConfigureAwait(false);
        var left = await db.Loans.CountAsync(l => l.Status == LoanStatus.Active && l.StartDate <= day && (l.LastCloseDate == null || l.LastCloseDate < day), ct).ConfigureAwait(false);
        return new Report(day, partitions.Count > 0 && partitions.All(p => p.Status == PartitionStatus.Done) && left == 0, left, partitions);
    }
}
