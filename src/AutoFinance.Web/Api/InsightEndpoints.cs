using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>The insight refresh and what it found: segments and the customers at risk of leaving.</summary>
public static class InsightEndpoints
{
    private static readonly string[] Readers = [Roles.ServiceAgent, Roles.Manager, Roles.Admin, Roles.RiskAnalyst];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/insight").WithTags("Customer intelligence").RequireAuthorization(p => p.RequireRole(Readers));
        group.MapPost("/refresh", async (HttpContext http, InsightRefresh refresh, CancellationToken ct) =>
                Results.Ok(await refresh.RunAsync(http.User.ToActor().AuditName, ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.RiskAnalyst))
            .WithSummary("Recompute tags, segments, RFM, lifetime value, lifecycle and churn risk from the platform's data; says what the churn model trained on, with precision, recall, F1 and AUC")
            .Produces<InsightRefresh.RefreshResult>();
        group.MapGet("/segments", async (InsightQueries insight, CancellationToken ct) => Results.Ok(await insight.SegmentsAsync(ct).ConfigureAwait(false)))
            .WithSummary("The last refresh's segments: names, sizes, profiles, and the silhouette of every k tried")
            .Produces<InsightQueries.SegmentsView>();
        group.MapGet("/at-risk", async (int? top, HttpContext http, InsightQueries insight, CancellationToken ct) =>
                top is < 1 or > 1000
                    ? Problems.Field("top", "must be between 1 and 1000")
                    : Results.Ok(await insight.AtRiskAsync(http.User.ToActor(), top ?? 100, ct).ConfigureAwait(false)))
            .WithSummary("Customers at risk of leaving (paying off early or moving the loan), most likely first, with their reasons")
            .Produces<IReadOnlyList<InsightQueries.AtRiskView>>().ProducesValidationProblem();
    }
}
