using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Insight.Segments;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>What the last insight refresh found: its segments with their profiles, and the customers at risk of leaving.</summary>
public sealed class InsightQueries(AutoFinanceDbContext db, IPersonalDataProtector protector)
{
    public sealed record FeatureProfile(string Feature, double SegmentMean, double OverallMean, double ZDifference);

    public sealed record SegmentView(int Number, string Name, int Size, double Share, IReadOnlyList<FeatureProfile> Profile);

    public sealed record SegmentsView(Guid? RunId, DateTimeOffset? RanAt, int Customers, int SegmentCount, IReadOnlyList<SegmentCountScore> Silhouette, IReadOnlyList<SegmentView> Segments, string? ChurnTrainedOn);

    public sealed record AtRiskView(Guid CustomerId, string Name, double Probability, string LifecycleStage, string? SegmentName, decimal LifetimeValue, IReadOnlyList<Customer360.ReasonView> Reasons, DateTimeOffset RefreshedAt);

    public async Task<SegmentsView> SegmentsAsync(CancellationToken ct)
    {
        var run = await db.InsightRuns.AsNoTracking().OrderByDescending(r => r.RanAt).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (run is null)
        {
            return new SegmentsView(null, null, 0, 0, [], [], null);
        }

        var segments = await db.Segments.AsNoTracking().Where(s => s.RunId == run.Id).OrderBy(s => s.Number).ToListAsync(ct).ConfigureAwait(false);
        return new SegmentsView(run.Id, run.RanAt, run.Customers, run.SegmentCount, Json.Deserialize<List<SegmentCountScore>>(run.SilhouetteJson) ?? [],
            [.. segments.Select(s => new SegmentView(s.Number, s.Name, s.Size, s.Share, Json.Deserialize<List<FeatureProfile>>(s.ProfileJson) ?? []))], run.ChurnTrainedOn);
    }

    /// <summary>Customers the last refresh found at risk, most likely first, with their reasons; the name is masked for the risk analyst.</summary>
    public async Task<IReadOnlyList<AtRiskView>> AtRiskAsync(Actor actor, int top, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var rows = await (from i in db.CustomerInsights.AsNoTracking()
                          join c in db.Customers.AsNoTracking() on i.CustomerId equals c.Id
                          where i.AtRisk
                          select new { Insight = i, c.FullNameCipher }).ToListAsync(ct).ConfigureAwait(false);
        var masked = actor.Role == Roles.RiskAnalyst;
        return [.. rows.OrderByDescending(r => r.Insight.ChurnProbability).ThenBy(r => r.Insight.CustomerId).Take(top).Select(r =>
        {
            var name = protector.Unprotect(r.FullNameCipher);
            return new AtRiskView(r.Insight.CustomerId, masked ? Customer360.MaskName(name) : name, r.Insight.ChurnProbability ?? 0, r.Insight.LifecycleStage, r.Insight.SegmentName,
                r.Insight.LifetimeValue, Json.Deserialize<List<Customer360.ReasonView>>(r.Insight.ChurnReasonsJson) ?? [], r.Insight.RefreshedAt);
        })];
    }
}
