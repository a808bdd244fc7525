using System.Globalization;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// The loans <c>bench payments</c> posts successful payments to: copies of the demo customer's active loan (same
/// customer, application, terms and instalments; their own id, reference and contract), written into the host's
/// database before the load, so the customer may open checkouts on every one and postings on different loans never
/// meet on one loan's version.
/// </summary>
public static class PaymentsBook
{
    /// <summary>Copies the loan <paramref name="count"/> times under references starting with <paramref name="prefix"/>; the copies' ids in order.</summary>
    public static async Task<IReadOnlyList<Guid>> CopyAsync(AutoFinanceDbContext db, Guid loanId, string prefix, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var source = await db.Loans.AsNoTracking().FirstAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var ids = new List<Guid>(count);
        var loans = new List<LoanRow>(count);
        var rows = new List<InstallmentRow>(count * installments.Count);
        for (var n = 0; n < count; n++)
        {
            var loan = Copy(db, source, new LoanRow { Reference = source.Reference, Method = source.Method, Currency = source.Currency });
            loan.Id = Guid.CreateVersion7();
            loan.Reference = string.Create(CultureInfo.InvariantCulture, $"{prefix}{n:000000}");
            loan.ContractId = Guid.CreateVersion7();
            loan.Partition = CobPartitions.Next();
            loan.Version = 0;
            loans.Add(loan);
            ids.Add(loan.Id);
            foreach (var installment in installments)
            {
                var row = Copy(db, installment, new InstallmentRow());
                row.Id = 0;
                row.LoanId = loan.Id;
                rows.Add(row);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        db.Loans.AddRange(loans);
        db.Installments.AddRange(rows);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return ids;
    }

    /// <summary>
    /// An order-free digest of what the postings left on the loans:
    /// each loan's reference with its status, version and bucket, its ledger summed per account and side with its entries
    /// counted per kind, its payments' amounts, credit held and prepaid summed, and its intents counted per status. Ids and
    /// times are new on every run and are left out; the business date is today's, so runs on the same day compare.
    /// </summary>
    public static async Task<(string Checksum, int NotPosted)> ChecksumAsync(AutoFinanceDbContext db, IReadOnlyList<Guid> loanIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = loanIds.ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.Reference, l.Status, l.Version, l.Bucket }).ToListAsync(ct).ConfigureAwait(false);
        var lines = await (from line in db.JournalLines
                           join entry in db.JournalEntries on line.EntryId equals entry.Id
                           where ids.Contains(entry.LoanId)
                           select new { entry.LoanId, line.Account, line.Side, line.Amount }).ToListAsync(ct).ConfigureAwait(false);
        var entries = await db.JournalEntries.AsNoTracking().Where(e => ids.Contains(e.LoanId)).Select(e => new { e.LoanId, e.Kind }).ToListAsync(ct).ConfigureAwait(false);
        var payments = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.LoanId)).Select(p => new { p.LoanId, p.Amount, p.Overpayment, p.Prepaid }).ToListAsync(ct).ConfigureAwait(false);
        var intents = await db.Set<PaymentIntentRow>().AsNoTracking().Where(i => ids.Contains(i.LoanId)).Select(i => new { i.LoanId, i.Status, i.PaymentId }).ToListAsync(ct).ConfigureAwait(false);
        ulong digest = 0;
        foreach (var loan in loans)
        {
            var ledger = string.Join(";", lines.Where(l => l.LoanId == loan.Id).GroupBy(l => $"{l.Account}/{l.Side}", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}={g.Sum(l => l.Amount):0.00}")));
            var kinds = string.Join(";", entries.Where(e => e.LoanId == loan.Id).GroupBy(e => e.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}"));
            var paid = payments.Where(p => p.LoanId == loan.Id).ToList();
            var statuses = string.Join(";", intents.Where(i => i.LoanId == loan.Id).GroupBy(i => i.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"));
            // Summed over loans, so the order loans are read in does not matter.
            digest = unchecked(digest + Fnv(string.Create(CultureInfo.InvariantCulture,
                $"{loan.Reference}|{loan.Status}|{loan.Version}|{loan.Bucket}|{ledger}|{kinds}|{paid.Count}|{paid.Sum(p => p.Amount):0.00}|{paid.Sum(p => p.Overpayment):0.00}|{paid.Sum(p => p.Prepaid):0.00}|{statuses}")));
        }

        return ($"{digest:x16}", intents.Count(i => i.PaymentId is null));
    }

    /// <summary>Copies the entity's mapped properties onto <paramref name="target"/>.</summary>
    private static T Copy<T>(AutoFinanceDbContext db, T source, T target)
        where T : class
    {
        foreach (var property in db.Model.FindEntityType(typeof(T))!.GetProperties())
        {
            if (property.PropertyInfo is { } info)
            {
                info.SetValue(target, info.GetValue(source));
            }
        }

        return target;
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
