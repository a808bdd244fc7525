using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Domain.ServiceDesk;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// Cases as their readers may see them: a customer only their own (anything else is "not found"), staff every case.
/// SLA timers are computed at read time from the injected clock, so what a reader sees is never stale; the
/// escalation check (<see cref="CaseCommands.EscalateAsync"/>) records escalations and audits them.
/// </summary>
public sealed class CaseQueries(AutoFinanceDbContext db, IPersonalDataProtector protector, ServiceDeskOptions options, TimeProvider time)
{
    private readonly SlaPolicy policy = options.Policy();

    /// <summary>
    /// A customer's own cases, newest first; for staff the queue: unresolved cases ordered by SLA urgency — the
    /// least business time left on a running timer first (breached cases, most overdue, lead), then priority.
    /// </summary>
    public async Task<IReadOnlyList<CaseSummary>> ListAsync(Actor actor, string? status, bool mine, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow();
        IQueryable<ServiceCaseRow> rows = db.ServiceCases.AsNoTracking();
        CaseStatus? wanted = null;
        if (status is not null)
        {
            if (!Domain.Lifecycle.StateWords<CaseStatus>.TryParse(status, out var named))
            {
                return [];
            }

            wanted = named;
        }
        if (actor.Role == Roles.Customer)
        {
            if (actor.CustomerId is not { } customer)
            {
                return [];
            }

            rows = rows.Where(c => c.CustomerId == customer);
            if (wanted is { } only)
            {
                rows = rows.Where(c => c.Status == only);
            }

            var own = await rows.OrderByDescending(c => c.OpenedAt).ToListAsync(ct).ConfigureAwait(false);
            return await SummariesAsync(own, now, ct).ConfigureAwait(false);
        }

        if (!actor.IsStaff)
        {
            return [];
        }

        rows = wanted is { } state ? rows.Where(c => c.Status == state) : rows.Where(c => c.Status != CaseStatus.Resolved);
        if (mine)
        {
            rows = rows.Where(c => c.AssignedTo == actor.UserId);
        }

        var queue = await rows.OrderBy(c => c.ResolutionDueAt).ToListAsync(ct).ConfigureAwait(false);
        var summaries = await SummariesAsync(queue, now, ct).ConfigureAwait(false);
        return summaries
            .OrderBy(s => Urgency(s.Sla))
            .ThenByDescending(s => Array.IndexOf(CaseVocabulary.Priorities, s.Priority))
            .ThenBy(s => s.OpenedAt)
            .ToList();
    }

    public async Task<CaseView?> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.ServiceCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct).ConfigureAwait(false);
        if (row is null || !CanRead(actor, row))
        {
            return null;
        }

        var messages = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == id).OrderBy(m => m.At).ThenBy(m => m.Id).ToListAsync(ct).ConfigureAwait(false);
        var summary = (await SummariesAsync([row], time.GetUtcNow(), ct).ConfigureAwait(false))[0];
        return new CaseView(
            summary,
            protector.Unprotect(row.DescriptionCipher),
            row.LoanId,
            row.ApplicationId,
            row.FirstRespondedAt,
            row.ResolvedAt,
            row.RootCause,
            row.ResolutionCipher is null ? null : protector.Unprotect(row.ResolutionCipher),
            row.EscalationLevel,
            row.EscalatedAt,
            [.. messages.Where(m => actor.IsStaff || m.Visibility == "customer").Select(m => new CaseMessageView(m.At, m.AuthorKind, m.Visibility, protector.Unprotect(m.BodyCipher)))]);
    }

    /// <summary>The case's SLA timers at <paramref name="at"/>.</summary>
    public SlaView Sla(ServiceCaseRow row, DateTimeOffset at) => SlaOf(policy, row, at);

    public static SlaView SlaOf(SlaPolicy policy, ServiceCaseRow row, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(row);
        var status = policy.StatusAt(Clock(row), at);
        return new SlaView(SlaTimerView.Of(status.FirstResponse), SlaTimerView.Of(status.Resolution), status.IsBreached, status.EscalationLevel);
    }

    public static ServiceCaseClock Clock(ServiceCaseRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(CaseVocabulary.SlaCategory(row.Kind), CaseVocabulary.Priority(row.Priority), row.OpenedAt, row.FirstRespondedAt, row.ResolvedAt);
    }

    /// <summary>A customer reads only their own cases; staff read all.</summary>
    public static bool CanRead(Actor actor, ServiceCaseRow row)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(row);
        return actor.Role == Roles.Customer ? actor.CustomerId is { } customer && row.CustomerId == customer : actor.IsStaff;
    }

    /// <summary>Business minutes left on the most pressing running timer (stopped timers do not count).</summary>
    private static double Urgency(SlaView sla)
    {
        var running = new[] { sla.FirstResponse, sla.Resolution }.Where(t => t.State is "running" or "breached").Select(t => t.RemainingBusinessMinutes).ToArray();
        return running.Length == 0 ? double.MaxValue : running.Min();
    }

    private async Task<List<CaseSummary>> SummariesAsync(IReadOnlyList<ServiceCaseRow> rows, DateTimeOffset now, CancellationToken ct)
    {
        var agentIds = rows.Where(r => r.AssignedTo is not null).Select(r => r.AssignedTo!.Value).Distinct().ToList();
        var names = agentIds.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => protector.Unprotect(u.DisplayNameCipher), ct).ConfigureAwait(false);
        return rows.Select(r => new CaseSummary(
            r.Id, r.Reference, r.CustomerId, r.Kind, r.Category, r.Priority, r.Channel, CaseStatusText.Of(r.Status), protector.Unprotect(r.SubjectCipher), r.OpenedAt,
            r.AssignedTo, r.AssignedTo is { } a ? names.GetValueOrDefault(a) : null, Sla(r, now), r.ReopenCount)).ToList();
    }
}
