using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing;
using AutoFinance.Application.Servicing.PayOff;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Domain.Approvals;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Approvals;

/// <summary>
/// The four-eyes rule for sensitive actions: blacklist changes, manual write-offs, lower rates and waived late charges on loans, unmasked data exports and money staff
/// post above the limit (<see cref="StaffReceipts"/>) and dealers' settlement accounts are requested by one person and
/// carried out only when a second, different person (an admin or a manager) approves. The approval and the action are
/// saved in one transaction; an action that can no longer be done (the loan was paid meanwhile) marks the approval failed.
/// </summary>
public sealed class ApprovalService(
    AutoFinanceDbContext db, IPersonalDataProtector protector, ApprovalRequests requests, BlacklistCommands blacklist, PostPaymentHandler payments, PayOffHandler payoffs, Payouts.SettlementAccounts settlementAccounts, TimeProvider time,
    Products.ProductChanges products, Identity.AccessAdministration access, Models.ModelRegistry registry, Application.Servicing.ChangeRate.ChangeRateHandler rates,
    Application.Servicing.WaiveCharges.WaiveChargesHandler waivers)
{
    public const string BlacklistAdd = "blacklist.add";
    public const string BlacklistRemove = "blacklist.remove";
    public const string WriteOff = "loan.write-off";

    /// <summary>A model from the registry made the one decisions score with.</summary>
    public const string ModelPromote = "model.promote";

    /// <summary>A staff account moved to another role (its sessions end with it).</summary>
    public const string RoleChange = "user.role-change";

    /// <summary>A staff member's own unmasked export of a customer's data (see <see cref="Privacy.ExportAccess"/>).</summary>
    public const string UnmaskedExport = "customer.export-unmasked";

    public sealed record ApprovalView(Guid ApprovalId, string Action, string Target, string Summary, string Reason, string RequestedBy, DateTimeOffset RequestedAt, ApprovalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? Outcome)
    {
        /// <summary>The summary's facts by name (language-neutral), when the request kept them.</summary>
        public IReadOnlyDictionary<string, string>? SummaryFacts { get; init; }

        /// <summary>The outcome's facts by name when the action was carried out.</summary>
        public IReadOnlyDictionary<string, string>? OutcomeFacts { get; init; }
    }

    public sealed record BlacklistPayload(string Kind, string Value, string Reason);

    /// <summary>The numbers of the loans requests name by id in their facts, to say them to people.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> LoanReferencesAsync(IEnumerable<ApprovalView> approvals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approvals);
        var ids = approvals.Select(a => a.SummaryFacts?.GetValueOrDefault("loanId")).OfType<string>()
            .Select(id => Guid.TryParse(id, out var loan) ? loan : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        return ids.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Loans.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Reference, ct).ConfigureAwait(false);
    }

    /// <summary>Every request in a status (or all), newest first: nothing is left out (a page of them is <see cref="PageAsync"/>).</summary>
    public async Task<IReadOnlyList<ApprovalView>> ListAsync(string? status, CancellationToken ct) =>
        (await InStatus(status).OrderByDescending(a => a.RequestedAt).ToListAsync(ct).ConfigureAwait(false))
            .Select(View).ToList();

    /// <summary>One page of the requests in a status (or all), with how many there are in all.</summary>
    public async Task<(IReadOnlyList<ApprovalView> Items, int Total)> PageAsync(string? status, int page, int size, CancellationToken ct, string? action = null)
    {
        var rows = InStatus(status).Where(a => action == null || a.Action == action);
        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var items = await rows.OrderByDescending(a => a.RequestedAt).Skip(Math.Max(0, page - 1) * size).Take(size).ToListAsync(ct).ConfigureAwait(false);
        return ([.. items.Select(View)], total);
    }

    /// <summary>The requests in the status a word names (all for none); a word naming no status matches nothing.</summary>
    private IQueryable<ApprovalRow> InStatus(string? status)
    {
        var rows = db.Approvals.AsNoTracking();
        if (status is null)
        {
            return rows;
        }

        return StateWords<ApprovalStatus>.TryParse(status, out var state) ? rows.Where(a => a.Status == state) : rows.Where(_ => false);
    }

    /// <summary>
    /// Asks to add a national ID, mobile or VIN to the blacklist: checked now (a value already listed is refused,
    /// <see cref="BlacklistCommands.DuplicateCode"/>), added when a second person approves.
    /// </summary>
    public async Task<CommandResult<ApprovalView>> RequestBlacklistAddAsync(Actor actor, string? kind, string? value, string? reason, CancellationToken ct)
    {
        var check = BlacklistCommands.Check(kind, value, reason);
        if (check.Failure != CommandFailure.None)
        {
            return CommandResult<ApprovalView>.Invalid(check.Errors);
        }

        var (normalised, masked) = check.Value;
        if (await blacklist.ListedAsync(kind!, normalised, ct).ConfigureAwait(false))
        {
            return CommandResult<ApprovalView>.Conflict($"the {kind} {masked} is on the blacklist already", BlacklistCommands.DuplicateCode);
        }

        return await RequestAsync(actor, BlacklistAdd, $"{kind}:{masked}", new BlacklistPayload(kind!, normalised, reason!.Trim()), RecordNote.Of($"add {kind} {masked}", ("kind", kind!), ("value", masked)), reason, ct).ConfigureAwait(false);
    }

    /// <summary>The summary of a request to take an entry off the blacklist (its value as the list shows it, masked).</summary>
    public static RecordNote RemovalNote(string kind, string masked) => RecordNote.Of($"remove {kind} {masked}", ("kind", kind), ("value", masked));

    /// <summary>Asks for an action; nothing happens until someone else approves it.</summary>
    public async Task<CommandResult<ApprovalView>> RequestAsync(Actor actor, string action, string target, object payload, RecordNote summary, string? reason, CancellationToken ct)
    {
        var asked = await requests.CreateAsync(actor, action, target, payload, summary, reason, ct).ConfigureAwait(false);
        return asked.Value is { } row
            ? CommandResult<ApprovalView>.Ok(View(row))
            : asked.Refusal<ApprovalView>();
    }

    /// <summary>
    /// Approves (and carries out) or rejects a pending request; the requester may do neither. Two decisions at once
    /// (one approves while another rejects) are settled by the approval's version: the first saved wins and the other
    /// is told it came too late (a conflict), so the approval ends in exactly one state.
    /// </summary>
    /// <remarks>
    /// A rejection gives its reason (3 to 300 characters); it is kept as the request's outcome. Whoever a role change
    /// is for may not decide it.
    /// </remarks>
    public async Task<CommandResult<ApprovalView>> DecideAsync(Actor actor, Guid id, bool approve, CancellationToken ct, string? rejectionReason = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!approve && rejectionReason?.Trim() is not { Length: >= 3 and <= 300 })
        {
            return CommandResult<ApprovalView>.Invalid("reason", "a rejection gives its reason, 3 to 300 characters", "field.length", FieldProblems.Figures(("min", "3"), ("max", "300")));
        }

        try
        {
            return await DecideOnceAsync(actor, id, approve, rejectionReason?.Trim() is { Length: > 0 } why ? why : null, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var status = await db.Approvals.AsNoTracking().Where(a => a.Id == id).Select(a => (ApprovalStatus?)a.Status).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return CommandResult<ApprovalView>.Conflict($"someone else decided this request at the same moment; it is {(status is { } decided ? StateWords<ApprovalStatus>.Of(decided) : "gone")}", "record.changed");
        }
    }

    private async Task<CommandResult<ApprovalView>> DecideOnceAsync(Actor actor, Guid id, bool approve, string? rejectionReason, CancellationToken ct)
    {
        var row = await db.Approvals.FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (row is null)
        {
            return CommandResult<ApprovalView>.NotFound();
        }

        if (row.Status != ApprovalStatus.Pending)
        {
            return CommandResult<ApprovalView>.Conflict($"the request is already {StateWords<ApprovalStatus>.Of(row.Status)}", "approval.decided");
        }

        if (row.RequestedBy == actor.AuditName)
        {
            return CommandResult<ApprovalView>.Conflict("a second person must decide: you asked for this action", "approval.four-eyes");
        }

        if (row.Action == RoleChange && actor.UserId is { } self && row.Target == self.ToString())
        {
            return CommandResult<ApprovalView>.Conflict("a change of your own role is decided by someone else", "approval.own-role");
        }

        var now = time.GetUtcNow();
        row.DecidedBy = actor.AuditName;
        row.DecidedAt = now;
        row.Version++;
        if (!approve)
        {
            row.Status = ApprovalStatus.Rejected;
            row.Outcome = rejectionReason;
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "approval.rejected", "approval", row.Id.ToString(), new { row.Action, row.Target, Reason = rejectionReason })], now, ct).ConfigureAwait(false);
            return CommandResult<ApprovalView>.Ok(View(row));
        }

        row.Status = ApprovalStatus.Approved;
        var outcome = await CarryOutAsync(row, actor, ct).ConfigureAwait(false);
        if (outcome is not null)
        {
            // The action did not happen (and saved nothing): record why, and keep the approval as failed.
            db.ChangeTracker.Clear();
            var failed = await db.Approvals.FirstAsync(a => a.Id == id, ct).ConfigureAwait(false);
            if (failed.Status != ApprovalStatus.Pending)
            {
                // Someone else decided it meanwhile (their approval carried it out): theirs stands.
                return CommandResult<ApprovalView>.Conflict($"someone else decided this request at the same moment; it is {StateWords<ApprovalStatus>.Of(failed.Status)}", "approval.decided");
            }

            failed.Status = ApprovalStatus.Failed;
            failed.DecidedBy = actor.AuditName;
            failed.DecidedAt = now;
            failed.Outcome = outcome;
            failed.Version++;
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "approval.failed", "approval", id.ToString(), new { failed.Action, failed.Target, outcome })], now, ct).ConfigureAwait(false);
            return CommandResult<ApprovalView>.Ok(View(failed));
        }

        // An action that saves through its own store has saved the approval with it before its outcome was known.
        if (row.Outcome is { } done)
        {
            var facts = row.OutcomeFacts;
            await db.Approvals.Where(a => a.Id == id && a.Outcome == null)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Outcome, done).SetProperty(a => a.OutcomeFacts, facts), ct).ConfigureAwait(false);
        }

        return CommandResult<ApprovalView>.Ok(View(row));
    }

    /// <summary>Does the approved action as the approver, saving the approval with it; null when done, or why it could not be.</summary>
    private async Task<string?> CarryOutAsync(ApprovalRow row, Actor approver, CancellationToken ct)
    {
        var payload = protector.Unprotect(row.PayloadCipher);
        switch (row.Action)
        {
            case BlacklistAdd:
                var add = Json.Deserialize<BlacklistPayload>(payload)!;
                var added = await blacklist.AddAsync(approver, add.Kind, add.Value, add.Reason, ct).ConfigureAwait(false);
                if (added.Value is { } entry)
                {
                    row.Record(RecordNote.Of($"blacklist entry {entry.Id}"));
                }

                return added.Value is null ? added.Problem : null;
            case BlacklistRemove:
                return await blacklist.RemoveAsync(approver, Guid.Parse(row.Target), ct).ConfigureAwait(false) ? null : "the entry is no longer on the blacklist";
            case WriteOff:
                return await WriteOffAsync(Guid.Parse(row.Target), approver, row, ct).ConfigureAwait(false);
            case RoleChange:
                var change = Json.Deserialize<Identity.AccessAdministration.RoleChange>(payload)!;
                row.Record(RecordNote.Of($"role {change.Role}", ("role", change.Role)));
                return await access.ChangeRoleAsync(approver, change, row.Id, row.RequestedBy, ct).ConfigureAwait(false);
            case ModelPromote:
                return await registry.PromoteAsync(approver, Guid.Parse(row.Target), row, ct).ConfigureAwait(false);
            case UnmaskedExport:
                return await GrantUnmaskedExportAsync(Guid.Parse(row.Target), approver, row, ct).ConfigureAwait(false);
            case StaffReceipts.PaymentAction:
                return await PostHeldPaymentAsync(Json.Deserialize<StaffReceipts.HeldReceipt>(payload)!, approver, row, ct).ConfigureAwait(false);
            case StaffReceipts.PayoffAction:
                return await PostHeldPayoffAsync(Json.Deserialize<StaffReceipts.HeldReceipt>(payload)!, approver, row, ct).ConfigureAwait(false);
            case Payouts.SettlementAccounts.ChangeAction:
                return await settlementAccounts.ApplyAsync(row, payload, approver, ct).ConfigureAwait(false);
            case Products.ProductChanges.Action:
                return await products.ApplyAsync(row, payload, approver, ct).ConfigureAwait(false);
            case Application.Servicing.ChangeRate.ChangeRateHandler.Action:
                var changed = await rates.ApplyAsync(approver, Guid.Parse(row.Target), Json.Deserialize<Application.Servicing.ChangeRate.ChangeRateRequest>(payload)!, row.RequestedBy, ct).ConfigureAwait(false);
                if (changed.Value is { } rate)
                {
                    row.Record(RecordNote.Of(string.Create(CultureInfo.InvariantCulture, $"rate {rate.NewRatePercent:0.00##}% from {rate.EffectiveOn:yyyy-MM-dd}, payment {rate.NewPayment}"),
                        ("rate", RecordNote.Percent(rate.NewRatePercent)), ("on", RecordNote.Date(rate.EffectiveOn)), ("payment", RecordNote.Amount(rate.NewPayment))));
                }

                return changed.Value is null ? changed.Problem ?? "the rate could not be changed" : null;
            case Application.Servicing.WaiveCharges.WaiveChargesHandler.Action:
                var waived = await waivers.ApplyAsync(approver, Guid.Parse(row.Target), Json.Deserialize<Application.Servicing.WaiveCharges.ProposedWaiver>(payload)!, row.RequestedBy, ct).ConfigureAwait(false);
                if (waived.Value is { } waiver)
                {
                    row.Record(RecordNote.Of(string.Create(CultureInfo.InvariantCulture, $"waived {waiver.Amount:0.00} (penalty {waiver.Penalty:0.00}, late fees {waiver.LateFees:0.00}); {waiver.ChargesLeft:0.00} of late charges left"),
                        ("amount", RecordNote.Amount(waiver.Amount)), ("penalty", RecordNote.Amount(waiver.Penalty)), ("lateFees", RecordNote.Amount(waiver.LateFees)), ("left", RecordNote.Amount(waiver.ChargesLeft))));
                }

                return waived.Value is null ? waived.Problem ?? "the charges could not be waived" : null;
            default:
                return $"unknown action {row.Action}";
        }
    }

    /// <summary>Opens the customer's unmasked export to the requester alone, for <see cref="Privacy.ExportAccess.ApprovalHours"/> hours from now.</summary>
    private async Task<string?> GrantUnmaskedExportAsync(Guid customerId, Actor approver, ApprovalRow row, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct).ConfigureAwait(false))
        {
            return "the customer no longer exists";
        }

        var now = time.GetUtcNow();
        var until = now.AddHours(Privacy.ExportAccess.ApprovalHours);
        row.Record(RecordNote.Of(string.Create(CultureInfo.InvariantCulture, $"unmasked export open to {row.RequestedBy} until {until.UtcDateTime:yyyy-MM-dd HH:mm}Z"),
            ("until", until.ToString("O", CultureInfo.InvariantCulture))));
        await AuditLog.SaveWithAsync(db, [new AuditEvent(approver.AuditName, "customer.export-unmasked.granted", "customer", customerId.ToString(), new { ApprovalId = row.Id, row.RequestedBy })], now, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>Posts the money a staff member took in, as it was asked, now that a second person approved it.</summary>
    private async Task<string?> PostHeldPaymentAsync(StaffReceipts.HeldReceipt held, Actor approver, ApprovalRow row, CancellationToken ct)
    {
        var request = Json.Deserialize<PostPaymentRequest>(held.RequestJson)!;
        var posted = await payments.HandleAsync(approver, held.LoanId, request, held.IdempotencyKey, ct, row.RequestedBy).ConfigureAwait(false);
        if (posted.Value is { } receipt)
        {
            row.Record(RecordNote.Of($"payment {receipt.PaymentId} posted", ("amount", RecordNote.Amount(receipt.Amount))));
        }

        return posted.Value is null ? posted.Problem ?? "the payment could not be posted" : null;
    }

    private async Task<string?> PostHeldPayoffAsync(StaffReceipts.HeldReceipt held, Actor approver, ApprovalRow row, CancellationToken ct)
    {
        var request = Json.Deserialize<PayOffRequest>(held.RequestJson)!;
        var posted = await payoffs.HandleAsync(approver, held.LoanId, request, held.IdempotencyKey, ct, row.RequestedBy).ConfigureAwait(false);
        if (posted.Value is { } receipt)
        {
            row.Record(RecordNote.Of($"payoff {receipt.PaymentId} posted", ("amount", RecordNote.Amount(receipt.Paid))));
        }

        return posted.Value is null ? posted.Problem ?? "the payoff could not be posted" : null;
    }

    private async Task<string?> WriteOffAsync(Guid loanId, Actor actor, ApprovalRow row, CancellationToken ct)
    {
        var loan = await db.Loans.FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || loan.Status != LoanStatus.Active)
        {
            return loan is null ? "the loan no longer exists" : $"the loan is {LoanStatusText.Of(loan.Status)}";
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var schedule = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var held = await CustomerCredit.HeldAsync(db, loanId, ct).ConfigureAwait(false);
        var entry = LoanCloseOfBusiness.ChargeOff(loan, schedule, held, today, $"Written off on approval: {row.Reason}");
        var total = entry?.Total ?? 0m;
        loan.Version++;
        row.Record(RecordNote.Of($"written off {total}", ("amount", RecordNote.Amount(total))));
        if (entry is not null)
        {
            db.JournalEntries.Add(LoanBooking.ToRow(loanId, entry, now));
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "loan.written-off", "loan", loanId.ToString(), new { ApprovalId = row.Id, Total = total, row.RequestedBy })], now, ct).ConfigureAwait(false);
        return null;
    }

    internal static ApprovalView View(ApprovalRow a) =>
        new(a.Id, a.Action, a.Target, a.Summary, a.Reason, a.RequestedBy, a.RequestedAt, a.Status, a.DecidedBy, a.DecidedAt, a.Outcome)
        {
            SummaryFacts = Facts(a.SummaryFacts),
            OutcomeFacts = a.Status == ApprovalStatus.Approved ? Facts(a.OutcomeFacts) : null,
        };

    private static Dictionary<string, string>? Facts(string? json) => json is null ? null : Json.Deserialize<Dictionary<string, string>>(json);
}
