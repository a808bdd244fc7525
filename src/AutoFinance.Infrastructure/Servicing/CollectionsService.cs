using AutoFinance.Application.Security;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Collections;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Collections: the prioritised worklist (amount at risk × the bucket's roll-forward probability as measured from the
/// book's history, <see cref="RollRateHistory"/>, with the action the configured
/// strategy names for the bucket, grade and behaviour score), assignment to collectors, contact records, and promises to pay judged
/// against the payments that followed them.
/// </summary>
public sealed class CollectionsService(AutoFinanceDbContext db, IPersonalDataProtector protector, RollRateBook rollRates, CollectionStrategy strategy, Identity.AccountNames accounts, TimeProvider time)
{
    public sealed record WorklistEntry(
        int Rank, Guid LoanId, string Reference, int DaysPastDue, string Bucket, string Grade, decimal AmountAtRisk, decimal AmountOverdue,
        string Action, decimal RollForward, decimal Priority, string? Collector, bool OnWatchList, decimal? LoanToValue, PromiseView? OpenPromise, int? BehaviourScore);

    public sealed record ContactInput(string? Channel, string? Outcome, string? Note, decimal? PromisedAmount, DateOnly? PromisedDate);

    public sealed record ContactView(Guid ContactId, Guid LoanId, string Collector, DateTimeOffset ContactedAt, string Channel, string Outcome, string? Note, PromiseView? Promise);

    public sealed record PromiseView(decimal Amount, DateOnly PayBy, string Status, decimal Paid, decimal Shortfall);

    public sealed record AssignmentView(Guid LoanId, string Collector, int Rank);

    private static readonly string[] Channels = ["call", "sms", "visit", "letter"];

    public async Task<IReadOnlyList<WorklistEntry>> WorklistAsync(Actor actor, bool mineOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loans = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active && l.DaysPastDue > 0)
            .Join(db.Applications.AsNoTracking(), l => l.ApplicationId, a => a.Id, (l, a) => new { Loan = l, a.Grade })
            .ToListAsync(ct).ConfigureAwait(false);
        var ids = loans.Select(l => l.Loan.Id).ToList();
        var installments = (await db.Installments.AsNoTracking().Where(i => ids.Contains(i.LoanId)).ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
        var today = Today;
        var accounts = loans.Select(l => new CollectionAccount(
            l.Loan.Id.ToString(),
            l.Loan.DaysPastDue,
            l.Grade ?? "-",
            installments[l.Loan.Id].Sum(i => i.Principal - i.PaidPrincipal),
            InstallmentBook.Owing(installments[l.Loan.Id], today).Sum(d => d.Total),
            l.Loan.WarningScore));
        var promises = await OpenPromisesAsync(ids, ct).ConfigureAwait(false);
        var byId = loans.ToDictionary(l => l.Loan.Id.ToString(), l => l.Loan);
        var me = actor.AuditName;
        var measured = await RollRatesAsync(ct).ConfigureAwait(false);
        return [.. WorklistPrioritiser.Prioritise(accounts, measured.Matrix, strategy)
            .Select(item => (Item: item, Loan: byId[item.Account.LoanId]))
            .Where(x => !mineOnly || x.Loan.Collector == me)
            .Select(x => new WorklistEntry(
                x.Item.Rank, x.Loan.Id, x.Loan.Reference, x.Item.Account.DaysPastDue, x.Item.Bucket, x.Item.Account.Grade, x.Item.Account.AmountAtRisk,
                x.Item.Account.AmountOverdue, x.Item.Action.ToString(), x.Item.RollForward, Math.Round(x.Item.Priority, 2, MidpointRounding.AwayFromZero),
                x.Loan.Collector, x.Loan.OnWatchList, x.Loan.LoanToValue, promises.GetValueOrDefault(x.Loan.Id), x.Loan.WarningScore))];
    }

    /// <summary>The roll rates the worklist ranks by: measured monthly from the book's history, assumed where a bucket has too few moves.</summary>
    public Task<MeasuredRollRates> RollRatesAsync(CancellationToken ct) => rollRates.CurrentAsync(db, Today, ct);

    /// <summary>Shares the worklist among the given collectors (or every collector account), balanced by count, ranked accounts first.</summary>
    public async Task<CommandResult<IReadOnlyList<AssignmentView>>> AssignAsync(Actor actor, IReadOnlyList<string>? collectors, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var active = await db.Users.AsNoTracking().Where(u => u.Role == Roles.Collector && u.Active).Select(u => new { u.Id, u.UserNameHash }).ToListAsync(ct).ConfigureAwait(false);
        List<string> names;
        if (collectors is { Count: > 0 })
        {
            // Each named by its account ("collector:{id}", as the worklist keeps it) or its user name: never someone who cannot work it.
            var given = collectors.Select(c => c?.Trim() ?? string.Empty).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var resolved = given.Select(c => active.FirstOrDefault(u => c == $"{Roles.Collector}:{u.Id}" || (c.Length <= 100 && accounts.LookupHash(c) == u.UserNameHash))).ToList();
            if (given.Count == 0 || resolved.Any(u => u is null))
            {
                var unknown = given.Where((_, i) => resolved[i] is null).ToList();
                return CommandResult<IReadOnlyList<AssignmentView>>.Invalid("collectors", given.Count == 0
                    ? "name at least one collector"
                    : $"{string.Join(", ", unknown.Select(u => u[..Math.Min(u.Length, 40)]))}: not an active collector account", "collections.collector-unknown");
            }

            names = [.. resolved.Select(u => $"{Roles.Collector}:{u!.Id}").Distinct(StringComparer.Ordinal)];
        }
        else
        {
            names = [.. active.Select(u => $"{Roles.Collector}:{u.Id}")];
        }

        if (names.Count == 0)
        {
            return CommandResult<IReadOnlyList<AssignmentView>>.Invalid("collectors", "there are no active collector accounts to share the worklist among", "collections.collector-unknown");
        }

        var worklist = await WorklistAsync(actor, mineOnly: false, ct).ConfigureAwait(false);
        var measured = await RollRatesAsync(ct).ConfigureAwait(false);
        var items = WorklistPrioritiser.Prioritise(worklist.Select(w => new CollectionAccount(w.LoanId.ToString(), w.DaysPastDue, w.Grade, w.AmountAtRisk, w.AmountOverdue, w.BehaviourScore)), measured.Matrix, strategy);
        var assignments = CollectorAssigner.Assign(items, names, AssignmentBalance.Count);
        var ids = assignments.Select(a => Guid.Parse(a.LoanId)).ToList();
        var loans = await db.Loans.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct).ConfigureAwait(false);
        foreach (var assignment in assignments)
        {
            var loan = loans[Guid.Parse(assignment.LoanId)];
            loan.Collector = assignment.Collector;
            loan.Version++;
        }

        var now = time.GetUtcNow();
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "collections.assigned", "worklist", Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), new { Accounts = assignments.Count, Collectors = names })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<IReadOnlyList<AssignmentView>>.Conflict("accounts changed while they were being assigned; try again", "record.changed");
        }

        return CommandResult<IReadOnlyList<AssignmentView>>.Ok([.. assignments.Select(a => new AssignmentView(Guid.Parse(a.LoanId), a.Collector, a.Rank))]);
    }

    public async Task<CommandResult<ContactView>> RecordContactAsync(Actor actor, Guid loanId, ContactInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var loan = await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !actor.IsStaff)
        {
            return CommandResult<ContactView>.NotFound();
        }

        var errors = new List<Domain.Validation.FieldError>();
        var channel = input.Channel?.Trim().ToLowerInvariant();
        if (channel is null || !Channels.Contains(channel))
        {
            errors.Add(Domain.Validation.FieldProblems.OneOf("channel", input.Channel, Channels));
        }

        var outcome = ContactOutcomes.Parse(input.Outcome);
        if (outcome is null)
        {
            errors.Add(Domain.Validation.FieldProblems.OneOf("outcome", input.Outcome, ContactOutcomes.All.Select(o => o.ToCode())));
        }

        if (input.Note is { Length: > 2000 })
        {
            errors.Add(Domain.Validation.FieldProblems.TooLong("note", 2000));
        }

        var currency = Domain.Monetary.Currency.FromCode(loan.Currency);
        var promise = outcome == ContactOutcome.PromiseToPay;
        if (promise && (input.PromisedAmount is not { } amount || amount <= 0 || amount > 100_000_000m || currency.Round(amount) != amount))
        {
            errors.Add(new("promisedAmount", "a promise to pay needs a positive amount in whole minor units", "collections.promise-amount"));
        }

        if (promise && (input.PromisedDate is not { } date || date < Today || date > Today.AddDays(60)))
        {
            errors.Add(new("promisedDate", "a promise to pay needs a date from today to 60 days ahead", "collections.promise-date"));
        }

        if (!promise && (input.PromisedAmount is not null || input.PromisedDate is not null))
        {
            errors.Add(new("outcome", "a promised amount and date go with the PTP outcome", "collections.promise-outcome"));
        }

        if (errors.Count == 0 && promise)
        {
            // A promise is to pay what the loan owes: none on a loan that owes nothing, none above all it will ever owe.
            if (loan.Status != LoanStatus.Active)
            {
                return CommandResult<ContactView>.From(ServicingError.NotActive(loan.Status));
            }

            var owed = (await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).ToListAsync(ct).ConfigureAwait(false)).Sum(i => InstallmentBook.Due(i).Total);
            if (input.PromisedAmount > owed)
            {
                errors.Add(new("promisedAmount", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"is more than the {owed:0.00} the loan has left to pay"), "collections.promise-above-owed",
                    Domain.Validation.FieldProblems.Figures(("owed", owed.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))));
            }
        }

        if (errors.Count > 0)
        {
            return CommandResult<ContactView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var row = new CollectionContactRow
        {
            Id = Guid.CreateVersion7(now),
            LoanId = loanId,
            Collector = actor.AuditName,
            ContactedAt = now,
            Channel = channel!,
            Outcome = outcome!.Value.ToCode(),
            NoteCipher = string.IsNullOrWhiteSpace(input.Note) ? null : protector.Protect(input.Note.Trim()),
            PromisedAmount = promise ? input.PromisedAmount : null,
            PromisedDate = promise ? input.PromisedDate : null,
            PromiseStatus = promise ? Domain.Servicing.Collections.PromiseStatus.Pending : null,
        };
        db.CollectionContacts.Add(row);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "collections.contact", "loan", loanId.ToString(), new { row.Id, row.Channel, row.Outcome, row.PromisedAmount, row.PromisedDate })], now, ct).ConfigureAwait(false);
        return CommandResult<ContactView>.Ok((await ContactsAsync(actor, loanId, ct).ConfigureAwait(false))!.First(c => c.ContactId == row.Id));
    }

    /// <summary>A loan's contact history, newest first, each promise judged against the payments since it was made.</summary>
    public async Task<IReadOnlyList<ContactView>?> ContactsAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff || !await db.Loans.AnyAsync(l => l.Id == loanId, ct).ConfigureAwait(false))
        {
            return null;
        }

        var contacts = await db.CollectionContacts.AsNoTracking().Where(c => c.LoanId == loanId).ToListAsync(ct).ConfigureAwait(false);
        var payments = await PaymentsAsync([loanId], ct).ConfigureAwait(false);
        return [.. contacts.OrderByDescending(c => c.ContactedAt).Select(c => new ContactView(c.Id, c.LoanId, c.Collector, c.ContactedAt, c.Channel, c.Outcome, c.NoteCipher is null ? null : protector.Unprotect(c.NoteCipher), Judge(c, payments[loanId])))];
    }

    private async Task<Dictionary<Guid, PromiseView>> OpenPromisesAsync(IReadOnlyList<Guid> loanIds, CancellationToken ct)
    {
        var promises = await db.CollectionContacts.AsNoTracking().Where(c => loanIds.Contains(c.LoanId) && c.PromiseStatus == Domain.Servicing.Collections.PromiseStatus.Pending).ToListAsync(ct).ConfigureAwait(false);
        var payments = await PaymentsAsync([.. promises.Select(p => p.LoanId).Distinct()], ct).ConfigureAwait(false);
        // A promise the money has kept is no longer open; a broken one stays for the collector to act on.
        return promises.GroupBy(p => p.LoanId)
            .Select(g => (g.Key, View: Judge(g.OrderByDescending(p => p.ContactedAt).First(), payments[g.Key])!))
            .Where(p => p.View.Status != "kept")
            .ToDictionary(p => p.Key, p => p.View);
    }

    private PromiseView? Judge(CollectionContactRow contact, IEnumerable<ReceivedPayment> payments)
    {
        if (PromiseOnFile.Of(contact, time.LocalTimeZone) is not { } promise)
        {
            return null;
        }

        var judged = PromiseToPayEvaluator.Evaluate(promise, payments, Today);
        return new PromiseView(promise.Amount, promise.PayBy, judged.Status.ToString().ToLowerInvariant(), judged.Paid, judged.Shortfall);
    }

    private async Task<ILookup<Guid, ReceivedPayment>> PaymentsAsync(IReadOnlyList<Guid> loanIds, CancellationToken ct) =>
        (await db.Payments.AsNoTracking().Where(p => loanIds.Contains(p.LoanId) && p.Status == PostingStatus.Posted && p.Surplus != LoanMapping.Credit).Select(p => new { p.LoanId, p.PaidOn, p.Amount, p.ReceivedAt }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(p => p.LoanId, p => new ReceivedPayment(p.PaidOn, p.Amount, p.ReceivedAt));

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
