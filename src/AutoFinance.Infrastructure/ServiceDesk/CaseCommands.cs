using System.Globalization;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Domain.ServiceDesk;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// Everything that changes a case: open, assign, message (an agent's first message to the customer is the first
/// response), resolve with a root cause, reopen, and the escalation check. Each change is saved with its audit entry
/// in one transaction (<see cref="AuditLog.SaveWithAsync"/>); the customer's words are encrypted and never audited.
/// A customer acts only on their own cases; another's case is "not found".
/// </summary>
public sealed class CaseCommands(AutoFinanceDbContext db, IPersonalDataProtector protector, ServiceDeskOptions options, Notifications.Notifier notifier, TimeProvider time)
{
    private readonly SlaPolicy policy = options.Policy();

    public sealed record OpenCaseInput(
        string? Kind, string? Category, string? Priority, string? Channel, string? Subject, string? Description,
        Guid? LoanId = null, Guid? ApplicationId = null, Guid? CustomerId = null);

    public sealed record AssignInput(Guid? AgentId);

    public sealed record MessageInput(string? Body, bool? Internal);

    public sealed record ResolveInput(string? RootCause, string? Resolution);

    public sealed record ReopenInput(string? Reason);

    public sealed record Opened(Guid CaseId, string Reference, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue);

    public sealed record Changed(Guid CaseId, string Reference, string Status);

    public sealed record EscalationRun(DateTimeOffset At, int Checked, int Escalated, IReadOnlyList<EscalatedCase> Cases);

    public sealed record EscalatedCase(Guid CaseId, string Reference, int Level, string EscalateTo);

    public async Task<CommandResult<Opened>> OpenAsync(Actor actor, OpenCaseInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var kind = Word(input.Kind);
        var category = Word(input.Category) ?? "other";
        var priority = Word(input.Priority) ?? "normal";
        var channel = Word(input.Channel) ?? (actor.Role == Roles.Customer ? "app" : "phone");
        if (kind is null || !CaseVocabulary.Kinds.Contains(kind))
        {
            errors.Add(new("kind", $"must be one of {CaseVocabulary.OneOf(CaseVocabulary.Kinds)}", "field.one-of"));
        }
        else if (kind == CaseVocabulary.DataRequest && actor.Role != Roles.Customer)
        {
            // It is what lets staff read the customer's identity in full, so only the customer can record it.
            errors.Add(new("kind", "a data request is recorded by the customer themselves (in the app or on the web)", "case.data-request"));
        }

        if (!CaseVocabulary.Categories.Contains(category))
        {
            errors.Add(new("category", $"must be one of {CaseVocabulary.OneOf(CaseVocabulary.Categories)}", "field.one-of"));
        }

        if (!CaseVocabulary.Priorities.Contains(priority))
        {
            errors.Add(new("priority", $"must be one of {CaseVocabulary.OneOf(CaseVocabulary.Priorities)}", "field.one-of"));
        }
        else if (priority == "urgent" && actor.Role == Roles.Customer)
        {
            errors.Add(new("priority", "urgent is set by staff; choose low, normal or high", "case.urgent"));
        }

        if (!CaseVocabulary.Channels.Contains(channel))
        {
            errors.Add(new("channel", $"must be one of {CaseVocabulary.OneOf(CaseVocabulary.Channels)}", "field.one-of"));
        }

        Text(errors, "subject", input.Subject, 3, 200);
        Text(errors, "description", input.Description, 3, 4000);
        Guid? customerId = actor.Role == Roles.Customer ? actor.CustomerId : input.CustomerId;
        if (actor.Role != Roles.Customer && customerId is null)
        {
            errors.Add(new("customerId", "is required when staff open a case for a customer", "field.required"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Opened>.Invalid(errors);
        }

        if (customerId is not { } customer)
        {
            return CommandResult<Opened>.Conflict("there is no customer record behind this account yet; apply first or call us", "case.no-customer");
        }

        if (!await db.Customers.AnyAsync(c => c.Id == customer, ct).ConfigureAwait(false))
        {
            return CommandResult<Opened>.Invalid("customerId", "no such customer", "case.unknown-customer");
        }

        Guid? dealerId = null;
        if (input.LoanId is { } loanId)
        {
            var loan = await db.Loans.AsNoTracking().Where(l => l.Id == loanId && l.CustomerId == customer).Select(l => new { l.DealerId }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (loan is null)
            {
                return CommandResult<Opened>.Invalid("loanId", "is not a loan of this customer", "case.not-their-loan");
            }

            dealerId = loan.DealerId;
        }

        if (input.ApplicationId is { } applicationId)
        {
            var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId && a.CustomerId == customer).Select(a => new { a.DealerId }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (application is null)
            {
                return CommandResult<Opened>.Invalid("applicationId", "is not an application of this customer", "case.not-their-application");
            }

            dealerId ??= application.DealerId;
        }

        dealerId ??= await db.Applications.AsNoTracking().Where(a => a.CustomerId == customer).OrderByDescending(a => a.SubmittedAt).Select(a => a.DealerId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var row = NewCase(customer, kind!, category, priority, channel, input.Subject!.Trim(), input.Description!.Trim(), actor.AuditName, now);
        row.LoanId = input.LoanId;
        row.ApplicationId = input.ApplicationId;
        row.DealerId = dealerId;
        db.ServiceCases.Add(row);
        db.CaseMessages.Add(Message(row.Id, now, actor, "customer", input.Description!.Trim()));
        await notifier.RaiseAsync(CaseNotice(Domain.Notifications.NoticeEvent.CaseReceived, row, row.Id.ToString()), ct).ConfigureAwait(false);
        await AuditLog.SaveWithAsync(db, [Audit(actor, "case.opened", row, new { row.Kind, row.Category, row.Priority, row.Channel, row.FirstResponseDueAt, row.ResolutionDueAt })], now, ct).ConfigureAwait(false);
        return CommandResult<Opened>.Ok(new Opened(row.Id, row.Reference, row.FirstResponseDueAt, row.ResolutionDueAt));
    }

    /// <summary>A new case row with its SLA due times fixed from the policy (the caller adds and saves it).</summary>
    public ServiceCaseRow NewCase(Guid customerId, string kind, string category, string priority, string channel, string subject, string description, string openedBy, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var opened = ServiceCase.Open(CaseVocabulary.SlaCategory(kind), CaseVocabulary.Priority(priority), now, policy);
        return new ServiceCaseRow
        {
            Id = id,
            // Dated by the lender's business date, as every date the customer and staff read.
            Reference = $"CS-{TimeZoneInfo.ConvertTime(now, time.LocalTimeZone):yyMMdd}-{id.ToString("N")[^6..].ToUpperInvariant()}",
            CustomerId = customerId,
            Kind = kind,
            Category = category,
            Priority = priority,
            Channel = channel,
            Status = opened.Status,
            SubjectCipher = protector.Protect(subject),
            DescriptionCipher = protector.Protect(description),
            OpenedAt = now,
            OpenedBy = openedBy,
            FirstResponseDueAt = opened.FirstResponseDueAt,
            ResolutionDueAt = opened.ResolutionDueAt,
        };
    }

    public async Task<CommandResult<Changed>> AssignAsync(Actor actor, Guid id, AssignInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.ServiceCases.FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
        if (row is null || !actor.IsStaff)
        {
            return CommandResult<Changed>.NotFound();
        }

        var agentId = input.AgentId ?? actor.UserId;
        var agent = agentId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == agentId && u.Active, ct).ConfigureAwait(false);
        if (agent is null || agent.Role is not (Roles.ServiceAgent or Roles.Manager or Roles.Admin))
        {
            return CommandResult<Changed>.Invalid("agentId", "must be an active service agent or manager", "case.agent");
        }

        if (CaseMapping.ToAggregate(row).IsResolved)
        {
            return CommandResult<Changed>.Conflict("the case is resolved; reopen it first", "case.resolved");
        }

        var now = time.GetUtcNow();
        row.AssignedTo = agent.Id;
        row.AssignedAt = now;
        row.Version++;
        return await SaveAsync(row, Audit(actor, "case.assigned", row, new { AgentId = agent.Id }), now, ct).ConfigureAwait(false);
    }

    /// <summary>Adds a message. An agent's first message the customer sees is the case's first response.</summary>
    public async Task<CommandResult<Changed>> AddMessageAsync(Actor actor, Guid id, MessageInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.ServiceCases.FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
        if (row is null || !CaseQueries.CanRead(actor, row))
        {
            return CommandResult<Changed>.NotFound();
        }

        var errors = new List<FieldError>();
        Text(errors, "body", input.Body, 1, 4000);
        if (input.Internal == true && !actor.IsStaff)
        {
            errors.Add(new("internal", "only staff write internal notes", "case.internal-note"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Changed>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var visibility = input.Internal == true ? "internal" : "customer";
        db.CaseMessages.Add(Message(row.Id, now, actor, visibility, input.Body!.Trim()));
        var events = new List<AuditEvent> { Audit(actor, "case.message", row, new { Visibility = visibility }) };
        var serviceCase = CaseMapping.ToAggregate(row);
        // The customer writing on a resolved case is not done with it: it is open again, back in the queue.
        if (!actor.IsStaff && serviceCase.Reopen() is null)
        {
            events.Add(Audit(actor, "case.reopened", row, new { row.ReopenCount, PreviousRootCause = Reopened(serviceCase, row), By = "message" }));
        }
        if (actor.IsStaff && visibility == "customer" && serviceCase.Answer(now))
        {
            CaseMapping.CopyBack(serviceCase, row);
            row.FirstRespondedBy = actor.UserId;
            row.AssignedTo ??= actor.UserId;
            row.AssignedAt ??= now;
            events.Add(Audit(actor, "case.responded", row, new { FirstResponseOnTime = now <= row.FirstResponseDueAt }));
        }

        if (actor.IsStaff && visibility == "customer")
        {
            // Every answer the customer can read is told; the version makes each answer its own notice.
            await notifier.RaiseAsync(CaseNotice(Domain.Notifications.NoticeEvent.CaseAnswered, row, $"{row.Id}:{row.Version}"), ct).ConfigureAwait(false);
        }

        row.Version++;
        return await SaveAsync(row, events, now, ct).ConfigureAwait(false);
    }

    /// <summary>Resolves a case with its root cause and what was done; the customer is then asked to rate the service.</summary>
    public async Task<CommandResult<Changed>> ResolveAsync(Actor actor, Guid id, ResolveInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.ServiceCases.FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
        if (row is null || !actor.IsStaff)
        {
            return CommandResult<Changed>.NotFound();
        }

        var errors = new List<FieldError>();
        var rootCause = Word(input.RootCause);
        if (rootCause is null || !CaseVocabulary.RootCauses.Contains(rootCause))
        {
            errors.Add(new("rootCause", $"must be one of {CaseVocabulary.OneOf(CaseVocabulary.RootCauses)}", "field.one-of"));
        }

        Text(errors, "resolution", input.Resolution, 3, 2000);
        if (errors.Count > 0)
        {
            return CommandResult<Changed>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var serviceCase = CaseMapping.ToAggregate(row);
        if (serviceCase.Resolve(now) is { } refused)
        {
            return CommandResult<Changed>.Conflict(refused, "case.already-resolved");
        }

        CaseMapping.CopyBack(serviceCase, row);
        row.ResolvedBy = actor.UserId;
        row.RootCause = rootCause;
        row.ResolutionCipher = protector.Protect(input.Resolution!.Trim());
        row.FirstRespondedBy ??= actor.UserId;
        row.AssignedTo ??= actor.UserId;
        row.Version++;
        db.CaseMessages.Add(Message(row.Id, now, actor, "customer", input.Resolution!.Trim()));
        var events = new List<AuditEvent> { Audit(actor, "case.resolved", row, new { RootCause = rootCause, OnTime = serviceCase.ResolvedOnTime, row.ReopenCount }) };
        await notifier.RaiseAsync(CaseNotice(Domain.Notifications.NoticeEvent.CaseResolved, row, $"{row.Id}:{row.ReopenCount}"), ct).ConfigureAwait(false);
        var subject = row.Id.ToString();
        if (!await db.Surveys.AnyAsync(s => s.Trigger == SurveyTriggers.CaseClosed && s.SubjectId == subject, ct).ConfigureAwait(false))
        {
            var survey = SurveyTriggers.New(row.CustomerId, SurveyTriggers.CaseClosed, subject, row.Channel, row.DealerId, actor.UserId, now);
            db.Surveys.Add(survey);
            events.Add(new AuditEvent("system:survey", "survey.requested", "survey", survey.Id.ToString(), new { survey.Trigger, CaseId = row.Id }));
        }

        return await SaveAsync(row, events, now, ct).ConfigureAwait(false);
    }

    /// <summary>Reopens a resolved case (its customer or staff): the resolution timer runs again from the original opening.</summary>
    public async Task<CommandResult<Changed>> ReopenAsync(Actor actor, Guid id, ReopenInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.ServiceCases.FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
        if (row is null || !CaseQueries.CanRead(actor, row))
        {
            return CommandResult<Changed>.NotFound();
        }

        var errors = new List<FieldError>();
        Text(errors, "reason", input.Reason, 3, 2000);
        if (errors.Count > 0)
        {
            return CommandResult<Changed>.Invalid(errors);
        }

        var serviceCase = CaseMapping.ToAggregate(row);
        if (serviceCase.Reopen() is { } refused)
        {
            return CommandResult<Changed>.Conflict(refused, "case.not-resolved");
        }

        var now = time.GetUtcNow();
        var previousRootCause = Reopened(serviceCase, row);
        row.Version++;
        db.CaseMessages.Add(Message(row.Id, now, actor, "customer", input.Reason!.Trim()));
        return await SaveAsync(row, Audit(actor, "case.reopened", row, new { row.ReopenCount, PreviousRootCause = previousRootCause }), now, ct).ConfigureAwait(false);
    }

    /// <summary>Copies a case the aggregate reopened back to its row, its resolution cleared; the root cause it had.</summary>
    private static string? Reopened(Domain.ServiceDesk.ServiceCase serviceCase, ServiceCaseRow row)
    {
        var previousRootCause = row.RootCause;
        CaseMapping.CopyBack(serviceCase, row);
        row.ResolvedBy = null;
        row.RootCause = null;
        row.ResolutionCipher = null;
        return previousRootCause;
    }

    /// <summary>
    /// The escalation check: every unresolved case whose SLA escalation level (read from the policy's ladder at the
    /// clock's now) is above the level recorded is raised to it, with an audit entry naming who is told. Run by the
    /// background service every <see cref="ServiceDeskOptions.EscalationCheckSeconds"/> and on demand; reading a
    /// case always shows the live level whatever the check last recorded.
    /// </summary>
    public async Task<EscalationRun> EscalateAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        var open = await db.ServiceCases.Where(c => c.Status != CaseStatus.Resolved && (c.FirstResponseDueAt < now || c.ResolutionDueAt < now)).ToListAsync(ct).ConfigureAwait(false);
        var events = new List<AuditEvent>();
        var escalated = new List<EscalatedCase>();
        foreach (var row in open)
        {
            var serviceCase = CaseMapping.ToAggregate(row);
            if (serviceCase.Escalate(now, policy) is not { } escalation)
            {
                continue;
            }

            CaseMapping.CopyBack(serviceCase, row);
            row.Version++;
            var (step, status) = (escalation.Step, escalation.Sla);
            escalated.Add(new EscalatedCase(row.Id, row.Reference, step.Level, step.EscalateTo));
            events.Add(Audit(actor, "case.escalated", row, new { step.Level, step.EscalateTo, FirstResponse = status.FirstResponse.State.ToString(), Resolution = status.Resolution.State.ToString() }));
        }

        if (events.Count > 0)
        {
            try
            {
                await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A case changed under the check; the next run sees it afresh.
                db.ChangeTracker.Clear();
                return new EscalationRun(now, open.Count, 0, []);
            }
        }

        return new EscalationRun(now, open.Count, escalated.Count, escalated);
    }

    private async Task<CommandResult<Changed>> SaveAsync(ServiceCaseRow row, AuditEvent audit, DateTimeOffset now, CancellationToken ct) =>
        await SaveAsync(row, [audit], now, ct).ConfigureAwait(false);

    private async Task<CommandResult<Changed>> SaveAsync(ServiceCaseRow row, IReadOnlyList<AuditEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Changed>.Conflict("the case changed at the same moment; read it again and retry", "record.changed");
        }

        return CommandResult<Changed>.Ok(new Changed(row.Id, row.Reference, CaseStatusText.Of(row.Status)));
    }

    private CaseMessageRow Message(Guid caseId, DateTimeOffset at, Actor actor, string visibility, string body) => new()
    {
        CaseId = caseId,
        At = at,
        AuthorKind = actor.Role == Roles.Customer ? "customer" : actor.Role == "system" ? "system" : "staff",
        Author = actor.AuditName,
        Visibility = visibility,
        BodyCipher = protector.Protect(body),
    };

    private static Domain.Notifications.Notice CaseNotice(Domain.Notifications.NoticeEvent notice, ServiceCaseRow row, string key) =>
        new(notice, row.CustomerId, row.LoanId, key, new Dictionary<string, object> { ["case"] = row.Reference });

    private static AuditEvent Audit(Actor actor, string action, ServiceCaseRow row, object data) =>
        new(actor.AuditName, action, "case", row.Id.ToString(), data);

    private static string? Word(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    private static void Text(List<FieldError> errors, string field, string? value, int min, int max)
    {
        var length = value?.Trim().Length ?? 0;
        if (length < min || length > max)
        {
            errors.Add(FieldProblems.Of(field, "field.length", $"must be {min} to {max} characters", ("min", min.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture))));
        }
    }
}
