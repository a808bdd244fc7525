using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing;
using AutoFinance.Application.Servicing.GrantHardship;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Hardship;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// A customer asks for a hardship plan on their loan (a payment holiday or a longer term for a lower payment, as
/// <see cref="GrantHardshipValidator"/> allows them); staff approve it, which grants the plan through
/// <see cref="GrantHardshipHandler"/> in the same transaction, or decline it with a reason. Either way the customer is
/// told through the notifier. One request per loan waits at a time; an Idempotency-Key makes asking twice ask once.
/// </summary>
public sealed class HardshipRequests(AutoFinanceDbContext db, IPersonalDataProtector protector, GrantHardshipHandler grant, ILoanStore loans, Notifier notifier, TimeProvider time)
{
    /// <summary>The plans a customer may propose: the domain's payment holiday and term extension (re-amortisation stays a staff tool).</summary>
    public static readonly string[] CustomerKinds = [GrantHardshipValidator.Holiday, GrantHardshipValidator.Extension];

    /// <summary>The choices the loan page offers: instalments a holiday skips, months an extension adds.</summary>
    public static readonly int[] HolidayChoices = [1, 2, 3];

    public static readonly int[] ExtensionChoices = [6, 12, 24];

    public sealed record HardshipAsk(string? Kind, int? Installments, int? Months, string? Reason);

    public sealed record HardshipRequestView(
        Guid RequestId, Guid LoanId, string LoanReference, string Kind, int? Installments, int? Months, string Reason, string State,
        DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote, Guid? PlanId);

    /// <summary>The customer's request on their own loan (anyone else's is not found); asking again with the same key answers the first request.</summary>
    public async Task<CommandResult<HardshipRequestView>> AskAsync(Actor actor, Guid loanId, HardshipAsk ask, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(ask);
        var loan = actor.Role == Roles.Customer && actor.CustomerId is { } customerId
            ? await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loanId && l.CustomerId == customerId, ct).ConfigureAwait(false)
            : null;
        if (loan is null)
        {
            return CommandResult<HardshipRequestView>.NotFound();
        }

        var hash = Json.Sha256($"{actor.AuditName}|hardship-request|{loanId}|{Json.Serialize(ask)}");
        if (idempotencyKey is { Length: > 0 })
        {
            var earlier = await db.HardshipRequests.AsNoTracking().FirstOrDefaultAsync(r => r.RequestedBy == actor.AuditName && r.IdempotencyKey == idempotencyKey, ct).ConfigureAwait(false);
            if (earlier is not null)
            {
                return earlier.RequestHash == hash
                    ? CommandResult<HardshipRequestView>.Ok(View(earlier, loan.Reference))
                    : CommandResult<HardshipRequestView>.Unprocessable("Idempotency-Key", "was already used for another request; use a new key for a new request", "idempotency.key.reused");
            }
        }

        var errors = Check(ask);
        if (errors.Count > 0)
        {
            return CommandResult<HardshipRequestView>.Invalid(errors);
        }

        if (loan.Status != LoanStatus.Active)
        {
            return CommandResult<HardshipRequestView>.From(Domain.Servicing.Loans.ServicingError.NotActive(loan.Status));
        }

        if (await db.HardshipRequests.AnyAsync(r => r.LoanId == loanId && r.State == HardshipRequestState.Requested, ct).ConfigureAwait(false))
        {
            return CommandResult<HardshipRequestView>.Conflict("a request for this loan is already waiting for a decision", "hardship.request-open");
        }

        // A plan the loan cannot take as it stands is refused now, by the rule that would refuse granting it.
        if (await RefusalAsync(loanId, ct).ConfigureAwait(false) is { } refusal)
        {
            return CommandResult<HardshipRequestView>.From(refusal);
        }

        var now = time.GetUtcNow();
        var kind = ask.Kind!.Trim().ToLowerInvariant();
        var row = new HardshipRequestRow
        {
            Id = Guid.CreateVersion7(now),
            LoanId = loanId,
            CustomerId = loan.CustomerId,
            Kind = kind,
            Installments = kind == GrantHardshipValidator.Holiday ? ask.Installments : null,
            Months = kind == GrantHardshipValidator.Holiday ? null : ask.Months,
            ReasonCipher = protector.Protect(ask.Reason!.Trim()),
            State = HardshipRequestState.Requested,
            RequestedBy = actor.AuditName,
            RequestedAt = now,
            IdempotencyKey = idempotencyKey is { Length: > 0 } ? idempotencyKey : null,
            RequestHash = hash,
        };
        db.HardshipRequests.Add(row);
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "hardship.requested", "loan", loanId.ToString(), new { RequestId = row.Id, row.Kind, row.Installments, row.Months })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (row.IdempotencyKey is not null && UniqueViolation.Is(e))
        {
            // The same key won a moment ago: answer what it asked for.
            db.ChangeTracker.Clear();
            return await AskAsync(actor, loanId, ask, idempotencyKey, ct).ConfigureAwait(false);
        }

        return CommandResult<HardshipRequestView>.Ok(View(row, loan.Reference));
    }

    /// <summary>
    /// Why no plan a customer may propose can be granted on the loan as it stands (an earlier plan or a prepayment, late
    /// charges outstanding, the next instalment part paid, the loan no longer active), or null; the loan page says so
    /// instead of offering the form, and the queue beside a waiting request.
    /// </summary>
    public async Task<ServicingError?> RefusalAsync(Guid loanId, CancellationToken ct)
    {
        var loan = await loans.LoadAsync(loanId, LoanLoad.WithHistory, ct).ConfigureAwait(false);
        return loan is null ? null
            : loan.Aggregate.Status != LoanStatus.Active ? ServicingError.NotActive(loan.Aggregate.Status)
            : loan.Aggregate.HardshipRefusal(HardshipKind.PaymentHoliday);
    }

    /// <summary>Every problem of a proposal at once: a plan a customer may propose, its size within the domain's limits, and why.</summary>
    public static IReadOnlyList<FieldError> Check(HardshipAsk ask)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var kind = ask.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !CustomerKinds.Contains(kind))
        {
            var errors = new List<FieldError> { new("kind", $"must be {GrantHardshipValidator.Holiday} or {GrantHardshipValidator.Extension}", "field.one-of") };
            errors.AddRange(GrantHardshipValidator.Validate(new GrantHardshipRequest(GrantHardshipValidator.Holiday, 1, null, ask.Reason)).Errors.Select(Coded));
            return errors;
        }

        return [.. GrantHardshipValidator.Validate(new GrantHardshipRequest(kind, ask.Installments, ask.Months, ask.Reason)).Errors.Select(Coded)];
    }

    /// <summary>The requests on one loan, newest first: the customer's own (another's loan is not found) or, for staff, any.</summary>
    public async Task<IReadOnlyList<HardshipRequestView>?> ForLoanAsync(Actor actor, Guid loanId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var loan = await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !(actor.IsStaff || (actor.Role == Roles.Customer && actor.CustomerId == loan.CustomerId)))
        {
            return null;
        }

        var rows = await db.HardshipRequests.AsNoTracking().Where(r => r.LoanId == loanId).OrderByDescending(r => r.RequestedAt).ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.Select(r => View(r, loan.Reference))];
    }

    /// <summary>The staff queue: a page of the requests in a state (or all), oldest waiting first, with how many there are.</summary>
    public async Task<ListPage<HardshipRequestView>> PageAsync(string? state, int page, int size, CancellationToken ct)
    {
        var rows = db.HardshipRequests.AsNoTracking();
        if (state is { Length: > 0 })
        {
            rows = StateWords<HardshipRequestState>.TryParse(state, out var wanted) ? rows.Where(r => r.State == wanted) : rows.Where(r => false);
        }

        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var items = await rows.OrderBy(r => r.RequestedAt).Skip((page - 1) * size).Take(size)
            .Join(db.Loans, r => r.LoanId, l => l.Id, (r, l) => new { Row = r, l.Reference }).ToListAsync(ct).ConfigureAwait(false);
        return new ListPage<HardshipRequestView>([.. items.Select(i => View(i.Row, i.Reference))], page, size, total);
    }

    /// <summary>
    /// Approves (granting the plan as proposed, in the same transaction) or declines (a reason of 3 to 300 characters,
    /// told to the customer) a waiting request.
    /// </summary>
    public async Task<CommandResult<HardshipRequestView>> DecideAsync(Actor actor, Guid requestId, bool approve, string? note, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = actor.IsStaff ? await db.HardshipRequests.FirstOrDefaultAsync(r => r.Id == requestId, ct).ConfigureAwait(false) : null;
        if (row is null)
        {
            return CommandResult<HardshipRequestView>.NotFound();
        }

        var reason = note?.Trim();
        if (!approve && reason is not { Length: >= 3 and <= 300 })
        {
            return CommandResult<HardshipRequestView>.Invalid("reason", "a decline says why, in 3 to 300 characters", "field.length", FieldProblems.Figures(("min", "3"), ("max", "300")));
        }

        if (row.State != HardshipRequestState.Requested)
        {
            return CommandResult<HardshipRequestView>.Conflict($"the request is already {StateWords<HardshipRequestState>.Of(row.State)}", "hardship.request-decided");
        }

        var reference = await db.Loans.Where(l => l.Id == row.LoanId).Select(l => l.Reference).FirstAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        row.State = approve ? HardshipRequestState.Approved : HardshipRequestState.Declined;
        row.DecidedBy = actor.AuditName;
        row.DecidedAt = now;
        row.DecisionNote = approve ? null : reason;
        row.Version++;
        await notifier.RaiseAsync(DecisionNotice(row, reference), ct).ConfigureAwait(false);
        if (!approve)
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "hardship.request-declined", "loan", row.LoanId.ToString(), new { RequestId = row.Id, Reason = reason })], now, ct).ConfigureAwait(false);
            return CommandResult<HardshipRequestView>.Ok(View(row, reference));
        }

        // The plan's save carries this request's new state and its notice with it: granted and approved together, or neither.
        var customerReason = protector.Unprotect(row.ReasonCipher);
        var granted = await grant.HandleAsync(actor, row.LoanId, new GrantHardshipRequest(row.Kind, row.Installments, row.Months, $"customer request {row.Id}: {customerReason}"), ct).ConfigureAwait(false);
        if (granted.Value is not { } plan)
        {
            db.ChangeTracker.Clear();
            return granted.Refusal<HardshipRequestView>();
        }

        row.PlanId = plan.PlanId;
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "hardship.request-approved", "loan", row.LoanId.ToString(), new { RequestId = row.Id, plan.PlanId })], now, ct).ConfigureAwait(false);
        return CommandResult<HardshipRequestView>.Ok(View(row, reference));
    }

    private static Notice DecisionNotice(HardshipRequestRow row, string reference)
    {
        var plan = row.Kind == GrantHardshipValidator.Holiday
            ? new NoticeText($"还款假期 {row.Installments} 期", $"payment holiday of {row.Installments} instalments")
            : new NoticeText($"延长期限 {row.Months} 个月", $"term extended by {row.Months} months");
        var values = new Dictionary<string, object> { ["loan"] = reference, ["plan"] = plan };
        if (row.State == HardshipRequestState.Declined)
        {
            values["note"] = row.DecisionNote!;
        }

        return new Notice(row.State == HardshipRequestState.Approved ? NoticeEvent.HardshipRequestApproved : NoticeEvent.HardshipRequestDeclined, row.CustomerId, row.LoanId, row.Id.ToString(), values);
    }

    private static FieldError Coded(FieldError error) => error.Code is not null ? error : error.Field switch
    {
        "installments" => error with { Code = "hardship.installments" },
        "months" => error with { Code = "hardship.months" },
        "reason" => error with { Code = "field.length", Parameters = FieldProblems.Figures(("min", "3"), ("max", "500")) },
        _ => error,
    };

    private HardshipRequestView View(HardshipRequestRow r, string reference) =>
        new(r.Id, r.LoanId, reference, r.Kind, r.Installments, r.Months, protector.Unprotect(r.ReasonCipher), StateWords<HardshipRequestState>.Of(r.State),
            r.RequestedAt, r.DecidedBy, r.DecidedAt, r.DecisionNote, r.PlanId);
}
