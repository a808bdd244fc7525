using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.ServiceMetrics;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// The service figures of the desk by <see cref="ServiceMetricsCalculator"/>: first-response and resolution p50/p90
/// (wall-clock hours), SLA breach rate (against the due times fixed when each case opened, at the clock's now),
/// reopen rate, complaints per 1,000 loans, CSAT and NPS — per channel, category, kind or dealer, and in total.
/// Complaints per 1,000 loans uses every booked loan for the total, and each dealer's loans when grouped by dealer.
/// </summary>
public sealed class ServiceMetricsQueries(AutoFinanceDbContext db, TimeProvider time)
{
    public static readonly string[] Groupings = ["channel", "category", "kind", "dealer"];

    public sealed record MetricsReport(string GroupBy, DateTimeOffset At, int Loans, IReadOnlyList<ServiceMetricsReport> Groups);

    public async Task<CommandResult<MetricsReport>> ReportAsync(string? groupBy, DateTimeOffset? from, CancellationToken ct)
    {
        var grouping = string.IsNullOrWhiteSpace(groupBy) ? "channel" : groupBy.Trim().ToLowerInvariant();
        if (!Groupings.Contains(grouping))
        {
            return CommandResult<MetricsReport>.Invalid("groupBy", $"must be one of {string.Join(", ", Groupings)}", "field.one-of");
        }

        var now = time.GetUtcNow();
        var cases = db.ServiceCases.AsNoTracking();
        var surveys = db.Surveys.AsNoTracking().Where(s => s.AnsweredAt != null);
        if (from is { } since)
        {
            cases = cases.Where(c => c.OpenedAt >= since);
            surveys = surveys.Where(s => s.AnsweredAt >= since);
        }

        var caseRows = await cases.ToListAsync(ct).ConfigureAwait(false);
        var surveyRows = await surveys.ToListAsync(ct).ConfigureAwait(false);
        var dealers = await db.Dealers.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct).ConfigureAwait(false);
        var loansByDealer = (await db.Loans.AsNoTracking().Select(l => l.DealerId).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(d => DealerName(d)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var totalLoans = loansByDealer.Values.Sum();

        string DealerName(Guid? id) => id is { } d ? dealers.GetValueOrDefault(d, d.ToString()) : "direct (no dealer)";
        string CaseGroup(ServiceCaseRow c) => grouping switch
        {
            "category" => c.Category,
            "kind" => c.Kind,
            "dealer" => DealerName(c.DealerId),
            _ => c.Channel,
        };

        var records = caseRows.Select(c => new ServiceCaseRecord(
            c.Reference, CaseGroup(c), c.Kind == CaseVocabulary.Complaint, c.OpenedAt, c.FirstRespondedAt, c.ResolvedAt, c.FirstResponseDueAt, c.ResolutionDueAt, c.ReopenCount > 0)).ToList();
        var caseGroups = caseRows.ToDictionary(c => c.Id.ToString(), CaseGroup);
        var responses = surveyRows.SelectMany(s =>
        {
            var group = grouping switch
            {
                "dealer" => DealerName(s.DealerId),
                "channel" => s.Channel,
                _ => s.Trigger == SurveyTriggers.CaseClosed ? caseGroups.GetValueOrDefault(s.SubjectId) : null,
            };
            return group is null ? [] : new[]
            {
                new SurveyResponse(group, SurveyKind.Csat, s.Csat ?? 0),
                new SurveyResponse(group, SurveyKind.Nps, s.Nps ?? -1),
            };
        }).ToList();

        var reports = ServiceMetricsCalculator.ByGroup(records, responses, grouping == "dealer" ? loansByDealer : new Dictionary<string, int>(), now).ToList();
        reports[^1] = ServiceMetricsCalculator.Report(ServiceMetricsCalculator.AllGroups, records, responses, totalLoans, now);
        return CommandResult<MetricsReport>.Ok(new MetricsReport(grouping, now, totalLoans, reports));
    }
}
