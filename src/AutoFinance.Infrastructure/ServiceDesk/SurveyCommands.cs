using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.ServiceMetrics;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// Satisfaction surveys: a customer's pending surveys, answering one (CSAT 1–5 and NPS 0–10, each checked and named
/// when wrong), and results by channel, dealer, agent or moment. A customer answers only their own survey.
/// </summary>
public sealed class SurveyCommands(AutoFinanceDbContext db, IPersonalDataProtector protector, TimeProvider time)
{
    public static readonly string[] Groupings = ["channel", "dealer", "agent", "trigger"];

    public sealed record AnswerInput(int? Csat, int? Nps, string? Comment);

    public sealed record SurveyView(Guid SurveyId, Guid CustomerId, string Trigger, string SubjectId, string Channel, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt, int? Csat, int? Nps);

    public sealed record SatisfactionGroup(string Group, int Requested, int Answered, double? ResponseRate, int CsatResponses, double? Csat, double? AverageCsat, int NpsResponses, double? Nps);

    public sealed record SatisfactionReport(string GroupBy, DateTimeOffset At, IReadOnlyList<SatisfactionGroup> Groups);

    /// <summary>A customer's surveys (pending first), after creating any due for their recent decisions and first payments.</summary>
    public async Task<IReadOnlyList<SurveyView>> ListAsync(Actor actor, bool pendingOnly, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        IQueryable<SurveyRow> rows = db.Surveys.AsNoTracking();
        if (actor.Role == Roles.Customer)
        {
            if (actor.CustomerId is not { } customer)
            {
                return [];
            }

            await SurveyTriggers.SweepAsync(db, time.GetUtcNow(), ct, customer).ConfigureAwait(false);
            rows = rows.Where(s => s.CustomerId == customer);
        }
        else if (!actor.IsStaff)
        {
            return [];
        }

        if (pendingOnly)
        {
            rows = rows.Where(s => s.AnsweredAt == null);
        }

        var list = await rows.OrderByDescending(s => s.CreatedAt).ToListAsync(ct).ConfigureAwait(false);
        return [.. list.OrderBy(s => s.AnsweredAt is not null).ThenByDescending(s => s.CreatedAt).Select(View)];
    }

    public async Task<CommandResult<SurveyView>> AnswerAsync(Actor actor, Guid id, AnswerInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct).ConfigureAwait(false);
        if (row is null || actor.Role != Roles.Customer || actor.CustomerId != row.CustomerId)
        {
            return CommandResult<SurveyView>.NotFound();
        }

        var errors = new List<FieldError>();
        if (input.Csat is not (>= 1 and <= 5))
        {
            errors.Add(new("csat", $"{(input.Csat is null ? "is required" : "is out of range")}: a whole number from 1 (very dissatisfied) to 5 (very satisfied)", "survey.csat"));
        }

        if (input.Nps is not (>= 0 and <= 10))
        {
            errors.Add(new("nps", $"{(input.Nps is null ? "is required" : "is out of range")}: a whole number from 0 (not at all likely) to 10 (extremely likely)", "survey.nps"));
        }

        if (input.Comment is { Length: > 2000 })
        {
            errors.Add(FieldProblems.TooLong("comment", 2000));
        }

        if (errors.Count > 0)
        {
            return CommandResult<SurveyView>.Invalid(errors);
        }

        if (row.AnsweredAt is not null)
        {
            return CommandResult<SurveyView>.Conflict("this survey is already answered", "survey.answered");
        }

        // Rating a case's close while the case is open again would rate a service not yet given.
        if (row.Trigger == SurveyTriggers.CaseClosed && Guid.TryParse(row.SubjectId, out var caseId)
            && await db.ServiceCases.AnyAsync(c => c.Id == caseId && c.Status != Domain.ServiceDesk.CaseStatus.Resolved, ct).ConfigureAwait(false))
        {
            return CommandResult<SurveyView>.Conflict("the case is open again: rate it when it is resolved", "survey.case-reopened");
        }

        var now = time.GetUtcNow();
        row.AnsweredAt = now;
        row.Csat = input.Csat;
        row.Nps = input.Nps;
        row.CommentCipher = string.IsNullOrWhiteSpace(input.Comment) ? null : protector.Protect(input.Comment.Trim());
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "survey.answered", "survey", row.Id.ToString(), new { row.Trigger, row.Csat, row.Nps })], now, ct).ConfigureAwait(false);
        return CommandResult<SurveyView>.Ok(View(row));
    }

    /// <summary>
    /// CSAT (share of 4 and 5), average CSAT, NPS (promoters 9–10 minus detractors 0–6, in points) and response
    /// rate, per group and in total ("all"), by <see cref="ServiceMetricsCalculator"/>'s definitions.
    /// </summary>
    public async Task<CommandResult<SatisfactionReport>> ResultsAsync(string? groupBy, CancellationToken ct)
    {
        var grouping = string.IsNullOrWhiteSpace(groupBy) ? "channel" : groupBy.Trim().ToLowerInvariant();
        if (!Groupings.Contains(grouping))
        {
            return CommandResult<SatisfactionReport>.Invalid("groupBy", $"must be one of {string.Join(", ", Groupings)}", "field.one-of");
        }

        var rows = await db.Surveys.AsNoTracking().ToListAsync(ct).ConfigureAwait(false);
        var dealers = await db.Dealers.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct).ConfigureAwait(false);
        var agents = await db.Users.AsNoTracking().Where(u => u.Role != Roles.Customer).ToDictionaryAsync(u => u.Id, u => protector.Unprotect(u.DisplayNameCipher), ct).ConfigureAwait(false);
        string Group(SurveyRow s) => grouping switch
        {
            "dealer" => s.DealerId is { } d ? dealers.GetValueOrDefault(d, d.ToString()) : "direct (no dealer)",
            "agent" => s.AgentId is { } a ? agents.GetValueOrDefault(a, a.ToString()) : "no agent",
            "trigger" => s.Trigger,
            _ => s.Channel,
        };

        var groups = rows.GroupBy(Group).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Summarise(g.Key, [.. g])).ToList();
        groups.Add(Summarise(ServiceMetricsCalculator.AllGroups, rows));
        return CommandResult<SatisfactionReport>.Ok(new SatisfactionReport(grouping, time.GetUtcNow(), groups));
    }

    private static SatisfactionGroup Summarise(string group, IReadOnlyList<SurveyRow> rows)
    {
        var answered = rows.Where(r => r.AnsweredAt is not null).ToList();
        var responses = answered.Where(r => r.Csat is not null).Select(r => new SurveyResponse(group, SurveyKind.Csat, r.Csat!.Value))
            .Concat(answered.Where(r => r.Nps is not null).Select(r => new SurveyResponse(group, SurveyKind.Nps, r.Nps!.Value))).ToList();
        var report = ServiceMetricsCalculator.Report(group, [], responses, null, DateTimeOffset.MinValue);
        var csat = answered.Where(r => r.Csat is not null).Select(r => (double)r.Csat!.Value).ToList();
        // Shares to three places (0.667), NPS to one decimal point (-33.3): as a report shows them.
        return new SatisfactionGroup(group, rows.Count, answered.Count, rows.Count == 0 ? null : Math.Round((double)answered.Count / rows.Count, 3),
            report.CsatResponses, report.Csat is { } share ? Math.Round(share, 3) : null, csat.Count == 0 ? null : Math.Round(csat.Average(), 3),
            report.NpsResponses, report.Nps is { } nps ? Math.Round(nps, 1) : null);
    }

    private static SurveyView View(SurveyRow s) => new(s.Id, s.CustomerId, s.Trigger, s.SubjectId, s.Channel, s.CreatedAt, s.AnsweredAt, s.Csat, s.Nps);
}
