using System.Globalization;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Close of business for a date, shared by any number of workers: the loans are spread over fixed partitions, a
/// worker claims a partition with a lease and closes its loans page by page. A page is one transaction that posts
/// the loans' entries, marks them closed for the date and renews the lease, so running a date twice changes nothing
/// the second time, a worker killed half-way leaves whole pages behind, and a page two workers race for is saved
/// by one of them only (the loan versions and the partition's version say who was first).
/// </summary>
public sealed partial class EndOfDay(AutoFinanceDbContext db, TimeProvider time, ProductCatalog? catalog = null, Notifications.NotificationOptions? notifications = null)
{
    private readonly ProductCatalog _catalog = catalog ?? new ProductCatalog();

    /// <summary>Each product version's servicing terms, read once a run (a product never found services by the standard terms).</summary>
    private readonly Dictionary<(string Code, int Version), ProductServicing> _products = [];

    public sealed record Result(DateOnly BusinessDate, int Loans, int Entries, IReadOnlyDictionary<string, int> Buckets, int ChargedOff, int PartitionsDone, int PartitionsLeft, double Seconds);

    public async Task<Result> RunAsync(DateOnly businessDate, CobOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tally = new Tally();
        await using (await KeepOpenOnSqliteAsync(ct).ConfigureAwait(false))
        {
            await EnsurePartitionsAsync(businessDate, ct).ConfigureAwait(false);
            var visited = new HashSet<int>();
            while (await ClaimAsync(businessDate, options, visited, ct).ConfigureAwait(false) is { } partition)
            {
                visited.Add(partition.Partition);
                await CloseAsync(partition, options, tally, ct).ConfigureAwait(false);
            }
        }

        var states = await db.CobPartitions.AsNoTracking().Where(p => p.BusinessDate == businessDate).Select(p => p.Status).ToListAsync(ct).ConfigureAwait(false);
        var done = states.Count(s => s == PartitionStatus.Done);
        return new Result(businessDate, tally.Loans, tally.Entries, tally.Buckets, tally.ChargedOff, done, states.Count - done, Math.Round(watch.Elapsed.TotalSeconds, 3));
    }

    private async Task EnsurePartitionsAsync(DateOnly businessDate, CancellationToken ct)
    {
        var existing = await db.CobPartitions.AsNoTracking().Where(p => p.BusinessDate == businessDate).Select(p => p.Partition).ToListAsync(ct).ConfigureAwait(false);
        var missing = Enumerable.Range(0, CobPartitions.Count).Except(existing).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.CobPartitions.AddRange(missing.Select(p => new CobPartitionRow { BusinessDate = businessDate, Partition = p }));
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another worker created them first: theirs are as good as ours.
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Takes the next partition this run has not yet visited that is pending, done (a loan booked late for the date
    /// is still closed; the others are skipped by their last-close date), ours, or abandoned (lease over); null when
    /// none is left to take.
    /// </summary>
    private async Task<CobPartitionRow?> ClaimAsync(DateOnly businessDate, CobOptions options, HashSet<int> visited, CancellationToken ct)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            var candidates = await db.CobPartitions.Where(p => p.BusinessDate == businessDate).OrderBy(p => p.Partition).ToListAsync(ct).ConfigureAwait(false);
            var free = candidates.FirstOrDefault(p => !visited.Contains(p.Partition)
                && (p.Status is PartitionStatus.Pending or PartitionStatus.Done || p.Worker == options.Worker || p.LeaseUntil < now));
            if (free is null)
            {
                db.ChangeTracker.Clear();
                return null;
            }

            free.Status = PartitionStatus.Running;
            free.Worker = options.Worker;
            free.LeaseUntil = now + options.Lease;
            free.StartedAt ??= now;
            free.Version++;
            try
            {
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                return free;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task CloseAsync(CobPartitionRow partition, CobOptions options, Tally tally, CancellationToken ct)
    {
        var businessDate = partition.BusinessDate;
        var (current, others) = await CloseQuietLoansAsync(partition.Partition, businessDate, options, ct).ConfigureAwait(false);
        tally.Add(current, 0, new Dictionary<string, int> { [options.Buckets.For(0).Name] = current }, 0);
        var closed = partition.Loans + current;
        var pending = new Queue<Guid>(others ?? []);
        // When the quiet question listed every unclosed loan and found none (a partition visited again), listing them
        // once more finds only a loan booked in between, no different from one booked after the partition is done.
        var foundNone = others is { Count: 0 } && current == 0;
        while (true)
        {
            if (pending.Count == 0 && !foundNone)
            {
                // The partition's loans left to close are listed once by its index and taken a page at a time (a page
                // query ordered by id and limited walked the book's primary key from its start on every page), then
                // listed again once they are done, for any loan booked for the date meanwhile.
                foreach (var id in await Unclosed(partition.Partition, businessDate).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(ct).ConfigureAwait(false))
                {
                    pending.Enqueue(id);
                }
            }

            foundNone = false;
            var now = time.GetUtcNow();
            if (pending.Count == 0)
            {
                db.Attach(partition);
                partition.Status = PartitionStatus.Done;
                partition.FinishedAt = now;
                partition.Loans = closed;
                partition.Version++;
                await SaveOrLoseAsync(ct).ConfigureAwait(false);
                return;
            }

            var listed = new List<Guid>(options.PageSize);
            while (listed.Count < options.PageSize && pending.TryDequeue(out var id))
            {
                listed.Add(id);
            }

            // Read again with the same conditions: a loan closed meanwhile (by a worker that took the partition over) is left out.
            var page = await Unclosed(partition.Partition, businessDate).Where(l => listed.Contains(l.Id)).OrderBy(l => l.Id).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
            if (page.Count == 0)
            {
                continue;
            }

            db.Attach(partition);
            var ids = page.Select(l => l.Id).ToList();
            // Loans and instalments are read untracked (a page holds tens of thousands of rows); only the rows the close
            // changed are written, and only their changed columns.
            var loanRows = new UntrackedRows<LoanRow>(db);
            loanRows.KeepAll(page);
            var installmentRows = new UntrackedRows<InstallmentRow>(db);
            var installments = db.Database.IsSqlite() && ScheduleReaderFits()
                ? SchedulesOnSqlite(ids)
                : (await db.Installments.AsNoTracking().Where(i => ids.Contains(i.LoanId)).ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
            var applicationIds = page.Select(l => l.ApplicationId).ToList();
            var applications = await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id))
                .Select(a => new { a.Id, a.ProductCode, Facts = new LoanMonitoring.VehicleFacts(a.VehiclePrice, a.VehicleYear, a.VehicleCondition == "new", a.VehicleEnergy == "new-energy", a.Language) })
                .ToDictionaryAsync(a => a.Id, ct).ConfigureAwait(false);
            var vehicles = applications.ToDictionary(a => a.Key, a => a.Value.Facts);
            // Each loan is closed by the terms of the product version it was made under, not the product's latest.
            var products = new Dictionary<Guid, ProductServicing>();
            foreach (var loan in page)
            {
                products[loan.Id] = await ProductAsync(applications.GetValueOrDefault(loan.ApplicationId)?.ProductCode, loan.ProductVersion, ct).ConfigureAwait(false);
            }

            var held = await CustomerCredit.HeldAsync(db, ids, ct).ConfigureAwait(false);
            var posted = await db.Payments.AsNoTracking().Where(p => ids.Contains(p.LoanId) && p.Status == PostingStatus.Posted)
                .Select(p => new { p.LoanId, p.PaidOn, p.AllocationJson, p.Amount, p.ReceivedAt, p.Surplus }).ToListAsync(ct).ConfigureAwait(false);
            var payments = posted.ToLookup(p => p.LoanId, p => new LoanMonitoring.PaidAllocation(p.PaidOn, p.AllocationJson));
            // Money the customer sent, not credit they held applied again.
            var received = posted.Where(p => p.Surplus != LoanMapping.Credit).ToLookup(p => p.LoanId, p => new Domain.Servicing.Collections.ReceivedPayment(p.PaidOn, p.Amount, p.ReceivedAt));
            var promises = (await db.CollectionContacts.AsNoTracking()
                    .Where(c => ids.Contains(c.LoanId) && c.PromiseStatus == Domain.Servicing.Collections.PromiseStatus.Pending && c.PromisedDate == Domain.Notifications.PromiseToPayReminder.PromisedDateToRemind(businessDate))
                    .ToListAsync(ct).ConfigureAwait(false)).ToLookup(c => c.LoanId);
            var notices = new List<Domain.Notifications.Notice>();
            var written = new PageRows();
            var buckets = new Dictionary<string, int>(StringComparer.Ordinal);
            var chargedOff = 0;
            foreach (var loan in page)
            {
                List<InstallmentRow> schedule = [.. installments[loan.Id].OrderBy(i => i.Number)];
                installmentRows.KeepAll(schedule);
                var statusBefore = loan.Status;
                var outcome = LoanCloseOfBusiness.Close(loan, schedule, businessDate, options, products.GetValueOrDefault(loan.Id) ?? ProductServicing.Standard, held.GetValueOrDefault(loan.Id), now);
                written.Entries.AddRange(outcome.Entries);
                written.Postings.AddRange(outcome.Postings);
                var vehicle = vehicles.GetValueOrDefault(loan.ApplicationId);
                LoanMonitoring.Assess(loan, schedule, vehicle, [.. payments[loan.Id], .. outcome.Postings.Select(p => new LoanMonitoring.PaidAllocation(p.PaidOn, p.AllocationJson))], businessDate);
                if (loan.Status == LoanStatus.Active)
                {
                    notices.AddRange(LoanMonitoring.Reminders(loan, schedule, businessDate, outcome.HeldCredit));
                    notices.AddRange(LoanMonitoring.PromiseReminders(loan, promises[loan.Id], received[loan.Id], businessDate, time.LocalTimeZone));
                }

                if (LoanClosure.Notice(statusBefore, loan) is { } closure)
                {
                    notices.Add(closure);
                }

                chargedOff += loan.Status == LoanStatus.ChargedOff ? 1 : 0;
                buckets[loan.Bucket] = buckets.GetValueOrDefault(loan.Bucket) + 1;
                loan.Version++;
            }

            var recipients = await Notifications.Recipients.LoadAsync(db, [.. notices.Select(n => n.CustomerId)], ct).ConfigureAwait(false);
            written.Reminders.AddRange(Notifications.Notifier.Compose(notices, recipients, notifications ?? new(), now));
            closed += page.Count;
            partition.Loans = closed;
            partition.LeaseUntil = now + options.Lease;
            partition.Version++;
            var date = businessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!await SavePageAsync(written, loanRows, installmentRows, new AuditEvent("system:cob", "cob.page", "business-date", date, new { partition.Partition, Loans = page.Count, options.Worker }), now, ct).ConfigureAwait(false))
            {
                // Someone else took the partition over (our lease ran out): they will finish it.
                return;
            }

            tally.Add(page.Count, written.Entries.Count, buckets, chargedOff);
        }
    }

    /// <summary>
    /// Saves a page in one transaction: the new rows (payments, journal entries and lines, reminders) through the
    /// bulk copy (COPY on PostgreSQL), the changed loans and instalments through prepared updates checked by version (on
    /// SQLite; on PostgreSQL attached to the change tracker with the rest), then the partition and the page's audit
    /// entry through the change tracker, whose version checks decide a race. False when another worker saved first; nothing of
    /// the page is kept then.
    /// </summary>
    private async Task<bool> SavePageAsync(PageRows rows, UntrackedRows<LoanRow> loans, UntrackedRows<InstallmentRow> installments, AuditEvent audit, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await BulkCopy.CopyAsync(db, rows.Postings, ct).ConfigureAwait(false);
            await BulkCopy.CopyAsync(db, rows.Entries, ct).ConfigureAwait(false);
            await BulkCopy.CopyAsync(db, [.. rows.Entries.SelectMany(e => e.Lines)], ct).ConfigureAwait(false);
            await BulkCopy.CopyAsync(db, rows.Reminders, ct).ConfigureAwait(false);
            if (!await loans.SaveChangedAsync(db, ct).ConfigureAwait(false)
                || !await installments.SaveChangedAsync(db, ct).ConfigureAwait(false))
            {
                // A loan changed under the page (a payment posted meanwhile): nothing of the page is kept, as below.
                return false;
            }

            return await AuditLog.SerialisedAsync(async () =>
            {
                await AuditLog.AppendAsync(db, [audit], now, ct).ConfigureAwait(false);
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The rows a page adds.</summary>
    private sealed class PageRows
    {
        public List<JournalEntryRow> Entries { get; } = [];

        public List<PaymentRow> Postings { get; } = [];

        public List<OutboxMessageRow> Reminders { get; } = [];
    }

    /// <summary>
    /// The fast path for the bulk of a healthy book: a loan with nothing unpaid or unaccrued falling due by the
    /// reminder horizon has nothing to post but the day's interest, nothing to remind or age today, so its accrual is
    /// posted in bulk and one statement marks all such loans of the partition closed (current, no days past due). Its value, score and reminders are refreshed whenever an
    /// instalment approaches, which is at least monthly.
    /// </summary>
    private async Task<ProductServicing> ProductAsync(string? code, int version, CancellationToken ct)
    {
        if (code is null)
        {
            return ProductServicing.Standard;
        }

        if (!_products.TryGetValue((code, version), out var product))
        {
            product = await ProductTerms.ServicingOfAsync(db, _catalog, code, version, ct).ConfigureAwait(false);
            _products[(code, version)] = product;
        }

        return product;
    }

    /// <summary>The partition's active loans started by the date and not yet closed for it.</summary>
    private IQueryable<LoanRow> Unclosed(int partition, DateOnly businessDate) =>
        db.Loans.Where(l => l.Partition == partition && l.Status == LoanStatus.Active && l.StartDate <= businessDate && (l.LastCloseDate == null || l.LastCloseDate < businessDate));

    /// <returns>The loans closed, and the partition's other unclosed loans when the quiet question listed them too
    /// (on PostgreSQL, in key order) and every quiet loan was closed (else null), to be closed page by page without
    /// listing them again.</returns>
    private async Task<(int Closed, IReadOnlyList<Guid>? Others)> CloseQuietLoansAsync(int partition, DateOnly businessDate, CobOptions options, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            return await CloseQuietLoansOnSqliteAsync(partition, businessDate, options, ct).ConfigureAwait(false);
        }

        if (db.Database.IsNpgsql())
        {
            return await CloseQuietLoansOnPostgresAsync(partition, businessDate, options, ct).ConfigureAwait(false);
        }

        var horizon = businessDate.AddDays(options.QuietHorizonDays);
        var bucket = options.Buckets.For(0).Name;
        var quiet = Unclosed(partition, businessDate)
            .Where(l => !db.Installments.Any(i => i.LoanId == l.Id && i.DueDate <= horizon
                && (!i.InterestAccrued || i.PaidPrincipal < i.Principal || i.PaidInterest < i.Interest || i.PaidFee < i.Fee || i.PaidLateFee + i.WaivedLateFee < i.LateFee || i.PaidPenalty + i.WaivedPenalty < i.Penalty)));
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Read once: the loans found quiet are accrued and then marked closed by key and version, instead of asking
        // the quiet question a second time. One changed meanwhile is left to the page loop, which closes it in full.
        // In key order: the loans' rows, their instalments and most of their index entries were written in that order,
        // so the reads and updates below walk the tables' pages once instead of jumping between them (at a million
        // loans the quiet path's updates read most of their pages from outside the database's cache).
        // Instalments are monthly: the running one and the one before it fall within two months either side.
        var (from, to) = (businessDate.AddMonths(-2), businessDate.AddMonths(2));
        var loans = await quiet.OrderBy(l => l.Id).Select(l => new QuietLoan(l.Id, l.Version, l.StartDate, l.Currency, new RunningInterest(l.RunningInstallment, l.RunningAccruedInterest), null, l.Bucket, l.DaysPastDue)).AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var closed = await CloseQuietChunkAsync(loans, null, businessDate, bucket, from, to, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        // One changed meanwhile (closed by the page loop) is found by listing the partition again, as the others are then.
        return (closed, null);
    }

    /// <param name="Running">What the loan's row keeps of its running instalment's recognised interest.</param>
    /// <param name="Period">The running period the loan's row keeps, when the loan is quiet by it: no instalment is read for the loan.</param>
    /// <param name="Bucket">Read on SQLite only, with <paramref name="DaysPastDue"/>: its marking leaves a loan already current alone.</param>
    private sealed record QuietLoan(Guid Id, long Version, DateOnly StartDate, string Currency, RunningInterest Running, RunningPeriod? Period, string? Bucket = null, int? DaysPastDue = null);

    /// <summary>A quiet loan to mark closed, with its running interest after the day and the running period its row is to keep (none when its row does not keep the period's interest).</summary>
    private sealed record QuietClose(QuietLoan Loan, RunningInterest Running, RunningPeriod? Period);

    private sealed record NearInstallment(Guid LoanId, int Number, DateOnly DueDate, decimal Interest, decimal AccruedInterest, bool InterestAccrued);

    /// <summary>
    /// Closes quiet loans for the day without loading them. Each loan's row is marked closed (current, no days past
    /// due) with the interest of its running period raised to the day by the aggregate's accrual rule
    /// (<see cref="Loan.RunningAccrual"/>), kept on the loan's row (<see cref="LoanRow.RunningInstallment"/>), so the
    /// instalment's row is not written; each row is matched by its id and the version it was read at. Then the day's
    /// interest is posted, one entry for each loan so marked: a loan changed meanwhile posts nothing here and is left to
    /// the page loop, which closes it in full. Returns the loans closed.
    /// </summary>
    /// <param name="near">The loans' instalments falling due in the window, when read with them; null, they are read here.</param>
    private async Task<int> CloseQuietChunkAsync(IReadOnlyList<QuietLoan> loans, ILookup<Guid, NearInstallment>? near, DateOnly businessDate, string bucket, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (loans.Count == 0)
        {
            return 0;
        }

        near ??= await NearInstallmentsAsync(loans, from, to, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var closes = new List<QuietClose>(loans.Count);
        var entries = new List<JournalEntryRow>();
        foreach (var loan in loans)
        {
            if (Accrue(loan, near[loan.Id], businessDate, now) is var (running, period, entry))
            {
                closes.Add(new QuietClose(loan, running, period));
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
        }

        var closed = await MarkClosedAsync(closes, businessDate, bucket, ct).ConfigureAwait(false);
        var posted = closed.Count == closes.Count ? entries : entries.FindAll(e => closed.Contains(e.LoanId));
        await BulkCopy.CopyAsync(db, posted, ct).ConfigureAwait(false);
        await BulkCopy.CopyAsync(db, [.. posted.SelectMany(e => e.Lines)], ct).ConfigureAwait(false);
        return closed.Count;
    }

    /// <summary>
    /// The loan's running interest after the day, the running period for its row to keep, and the entry posting the
    /// day's part (none when nothing more is recognised); null for a loan whose row keeps the interest of another
    /// instalment than the running one, left to the page loop (a book closed daily has none: the aggregate gives the
    /// interest back to the instalment rows whenever it closes a loan, as it does on the days before an instalment
    /// falls due). The period is the one the row keeps, else read from the instalments of the window.
    /// </summary>
    private static (RunningInterest Running, RunningPeriod? Period, JournalEntryRow? Entry)? Accrue(QuietLoan loan, IEnumerable<NearInstallment> window, DateOnly businessDate, DateTimeOffset now)
    {
        var rowAccrued = 0m;
        if ((loan.Period ?? PeriodOf(loan, window, businessDate, out rowAccrued)) is not { } period)
        {
            return (loan.Running, null, null);
        }

        if (loan.Running.Installment is { } kept && kept != period.Number)
        {
            return null;
        }

        var recognised = loan.Running.Of(period.Number, rowAccrued);
        var currency = Currency.FromCode(loan.Currency);
        var accrued = Loan.RunningAccrual(period.Number, period.Start, period.DueDate, period.Interest, currency, LoanMapping.AccrualDayCount, businessDate);
        if (accrued <= recognised)
        {
            // The row keeps the period only beside the interest recognised on it.
            return (loan.Running, loan.Running.Installment == period.Number ? period : null, null);
        }

        var entry = LoanPostings.InterestAccrual(businessDate, Money.Of(accrued - recognised, currency), $"Interest of instalment {period.Number} accrued to {businessDate:yyyy-MM-dd}");
        return (new RunningInterest(period.Number, accrued), period, LoanBooking.ToRow(loan.Id, entry, now));
    }

    /// <summary>
    /// The running period by the instalments of the window: the first falling due after the date with its interest
    /// not yet recognised, from the due date of the one before it (the loan's start for the first); null when none.
    /// </summary>
    private static RunningPeriod? PeriodOf(QuietLoan loan, IEnumerable<NearInstallment> window, DateOnly businessDate, out decimal rowAccrued)
    {
        var rows = window.OrderBy(i => i.Number).ToList();
        var index = rows.FindIndex(i => !i.InterestAccrued && i.DueDate > businessDate);
        if (index < 0)
        {
            rowAccrued = 0m;
            return null;
        }

        var row = rows[index];
        rowAccrued = row.AccruedInterest;
        var start = index > 0 && rows[index - 1].Number == row.Number - 1 ? rows[index - 1].DueDate : loan.StartDate;
        return new RunningPeriod(row.Number, start, row.DueDate, row.Interest);
    }

    /// <summary>The loans' instalments falling due in the window.</summary>
    private async Task<ILookup<Guid, NearInstallment>> NearInstallmentsAsync(IReadOnlyList<QuietLoan> loans, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // The ids go as one array parameter: a partition of a million-loan book holds some 60,000 quiet loans, past
        // SQLite's limit of 32,766 parameters a statement were each id its own.
        var ids = loans.Select(l => l.Id).ToList();
        return (await db.Installments.AsNoTracking()
            .Where(i => EF.Parameter(ids).Contains(i.LoanId) && i.DueDate > from && i.DueDate <= to)
            .Select(i => new NearInstallment(i.LoanId, i.Number, i.DueDate, i.Interest, i.AccruedInterest, i.InterestAccrued))
            .ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
    }

    /// <summary>
    /// Marks quiet loans closed for the day with their running interest, each matched by its id and the version it was
    /// read at: on PostgreSQL all in one statement taking the values as arrays; SQLite, which has no round trips,
    /// reruns one prepared statement per loan. Returns the ids of the loans marked.
    /// </summary>
    private async Task<HashSet<Guid>> MarkClosedAsync(IReadOnlyList<QuietClose> closes, DateOnly businessDate, string bucket, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(LoanRow))!;
        if (db.Database.IsSqlite())
        {
            return MarkClosedOneByOne(entity, closes, businessDate, bucket, ct);
        }

        Microsoft.EntityFrameworkCore.Metadata.IProperty Property(string name) => entity.FindProperty(name)!;
        Microsoft.EntityFrameworkCore.Metadata.IProperty[] written =
        [
            Property(nameof(LoanRow.LastCloseDate)), Property(nameof(LoanRow.DaysPastDue)), Property(nameof(LoanRow.Bucket)), Property(nameof(LoanRow.Version)),
            .. RunningColumns(entity),
        ];
        var matchedBy = new[] { Property(nameof(LoanRow.Id)), Property(nameof(LoanRow.Version)) };
        var rows = closes.Select(c => (object?[])[businessDate, 0, bucket, c.Loan.Version + 1, .. RunningValues(c), c.Loan.Id, c.Loan.Version]).ToList();
        return [.. await ArrayUpdates.UpdateReturningKeysAsync<Guid>(db, written, matchedBy, rows, ct).ConfigureAwait(false)];
    }

    /// <summary>
    /// SQLite's form of <see cref="MarkClosedAsync"/>: one prepared statement rebound per loan, so nothing is compiled
    /// per chunk and no parameter is looked up among a hundred others. A loan already current with no days past due
    /// (most of them) gets only its date, running interest and period, and version: SQLite rewrites an index whenever the statement
    /// sets one of its columns, even to the value it holds, and the bucket is indexed.
    /// </summary>
    private HashSet<Guid> MarkClosedOneByOne(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity, IReadOnlyList<QuietClose> closes, DateOnly businessDate, string bucket, CancellationToken ct)
    {
        Microsoft.EntityFrameworkCore.Metadata.IProperty Property(string name) => entity.FindProperty(name)!;
        var (closeDate, daysPastDue, bucketColumn, version) = (Property(nameof(LoanRow.LastCloseDate)), Property(nameof(LoanRow.DaysPastDue)), Property(nameof(LoanRow.Bucket)), Property(nameof(LoanRow.Version)));
        var running = RunningColumns(entity);
        var matchedBy = new[] { Property(nameof(LoanRow.Id)), version };
        using var full = PreparedUpdates.Prepare(db, [closeDate, daysPastDue, bucketColumn, .. running, version], matchedBy);
        full.Bind(0, businessDate);
        full.Bind(1, 0);
        full.Bind(2, bucket);
        using var dated = PreparedUpdates.Prepare(db, [closeDate, .. running, version], matchedBy);
        dated.Bind(0, businessDate);
        var closed = new HashSet<Guid>();
        foreach (var close in closes)
        {
            ct.ThrowIfCancellationRequested();
            var loan = close.Loan;
            var (update, first) = loan.Bucket == bucket && loan.DaysPastDue == 0 ? (dated, 1) : (full, 3);
            var values = RunningValues(close);
            for (var i = 0; i < values.Length; i++)
            {
                update.Bind(first + i, values[i]);
            }

            first += values.Length;
            update.Bind(first, loan.Version + 1);
            update.Bind(first + 1, loan.Id);
            update.Bind(first + 2, loan.Version);
            if (update.Run() == 1)
            {
                closed.Add(loan.Id);
            }
        }

        return closed;
    }

    /// <summary>The loan row's columns that keep its running instalment's interest and period, in the order <see cref="RunningValues"/> gives them.</summary>
    private static Microsoft.EntityFrameworkCore.Metadata.IProperty[] RunningColumns(Microsoft.EntityFrameworkCore.Metadata.IEntityType entity) =>
        [.. new[]
        {
            nameof(LoanRow.RunningInstallment), nameof(LoanRow.RunningAccruedInterest),
            nameof(LoanRow.RunningPeriodStart), nameof(LoanRow.RunningDueDate), nameof(LoanRow.RunningScheduledInterest),
        }.Select(name => entity.FindProperty(name)!)];

    /// <summary>What a quiet loan's row is to keep of its running instalment after the day (see <see cref="RunningColumns"/>).</summary>
    private static object?[] RunningValues(QuietClose close) =>
        [close.Running.Installment, close.Running.Accrued, close.Period?.Start, close.Period?.DueDate, close.Period?.Interest ?? 0m];

    private async Task<bool> SaveOrLoseAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private sealed class Tally
    {
        public int Loans { get; private set; }

        public int Entries { get; private set; }

        public int ChargedOff { get; private set; }

        public Dictionary<string, int> Buckets { get; } = new(StringComparer.Ordinal);

        public void Add(int loans, int entries, Dictionary<string, int> buckets, int chargedOff)
        {
            Loans += loans;
            Entries += entries;
            ChargedOff += chargedOff;
            foreach (var (name, count) in buckets)
            {
                Buckets[name] = Buckets.GetValueOrDefault(name) + count;
            }
        }
    }
}
