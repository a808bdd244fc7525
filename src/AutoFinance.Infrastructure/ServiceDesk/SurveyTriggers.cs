using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// The key moments that ask a customer to rate the service: a decision on their application, their first payment
/// on a loan, and a case closed. A case's survey is created when it is resolved; decisions and first payments are
/// picked up by <see cref="SweepAsync"/> (run with the escalation check and before a customer's pending surveys are
/// read), which creates the missing ones — at most one survey per moment, by the unique (trigger, subject) key.
/// Only moments of the last <see cref="LookBackDays"/> days are asked about.
/// </summary>
public static class SurveyTriggers
{
    public const string Decision = "decision";
    public const string FirstPayment = "first-payment";
    public const string CaseClosed = "case-closed";

    public const int LookBackDays = 30;

    public static readonly string[] All = [Decision, FirstPayment, CaseClosed];

    public static SurveyRow New(Guid customerId, string trigger, string subjectId, string channel, Guid? dealerId, Guid? agentId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CustomerId = customerId,
        Trigger = trigger,
        SubjectId = subjectId,
        Channel = channel,
        DealerId = dealerId,
        AgentId = agentId,
        CreatedAt = now,
    };

    /// <summary>Creates the surveys of recent decisions and first payments that have none yet; returns how many.</summary>
    public static async Task<int> SweepAsync(AutoFinanceDbContext db, DateTimeOffset now, CancellationToken ct, Guid? customerId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var since = now.AddDays(-LookBackDays);
        var decisions = db.Applications.AsNoTracking().Where(a => a.DecidedAt != null && a.DecidedAt >= since);
        var loans = db.Loans.AsNoTracking();
        if (customerId is { } only)
        {
            decisions = decisions.Where(a => a.CustomerId == only);
            loans = loans.Where(l => l.CustomerId == only);
        }

        var decided = await decisions
            .Select(a => new { a.Id, a.CustomerId, a.Channel, a.DealerId })
            .ToListAsync(ct).ConfigureAwait(false);
        var firstPayments = await (from l in loans
                                   join p in db.Payments.AsNoTracking() on l.Id equals p.LoanId
                                   join a in db.Applications.AsNoTracking() on l.ApplicationId equals a.Id
                                   where p.ReceivedAt >= since && p.Status == PostingStatus.Posted
                                   select new { l.Id, l.CustomerId, l.DealerId, a.Channel }).Distinct().ToListAsync(ct).ConfigureAwait(false);
        var existing = (await db.Surveys.AsNoTracking().Where(s => s.Trigger == Decision || s.Trigger == FirstPayment).Select(s => s.Trigger + ":" + s.SubjectId)
            .ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var events = new List<AuditEvent>();
        foreach (var a in decided)
        {
            if (existing.Add($"{Decision}:{a.Id}"))
            {
                var survey = New(a.CustomerId, Decision, a.Id.ToString(), a.Channel, a.DealerId, null, now);
                db.Surveys.Add(survey);
                events.Add(new AuditEvent("system:survey", "survey.requested", "survey", survey.Id.ToString(), new { survey.Trigger, ApplicationId = a.Id }));
            }
        }

        foreach (var l in firstPayments)
        {
            if (existing.Add($"{FirstPayment}:{l.Id}"))
            {
                var survey = New(l.CustomerId, FirstPayment, l.Id.ToString(), l.Channel, l.DealerId, null, now);
                db.Surveys.Add(survey);
                events.Add(new AuditEvent("system:survey", "survey.requested", "survey", survey.Id.ToString(), new { survey.Trigger, LoanId = l.Id }));
            }
        }

        if (events.Count == 0)
        {
            return 0;
        }

        try
        {
            await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // Another sweep created them first.
            db.ChangeTracker.Clear();
            return 0;
        }

        return events.Count;
    }
}
