using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>The underwriters' referral queue: list with SLA timers, claim, decide.</summary>
public static class ReferralEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/referrals").WithTags("Referrals")
            .RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Admin));
        group.MapList("/", BackOfficeLists.Referrals, ReadOpenReferrals, "Open referrals, the most urgent first, with their SLA deadline (status=breached|within-sla)", 500);
        group.MapListExport("/export.csv", BackOfficeLists.Referrals, ReadOpenReferrals);
        group.MapPost("/{id:guid}/claim", async (Guid id, HttpContext http, OriginationCommands commands, CancellationToken ct) =>
                Problems.From(await commands.ClaimAsync(http.User.ToActor(), id, ct).ConfigureAwait(false), r => Results.Ok(r), "referral"))
            .WithSummary("Claim a referral to review it").Produces<ReferralView>().ProducesProblem(409);
        group.MapPost("/{id:guid}/decision", async (Guid id, HttpContext http, OriginationCommands commands, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<OriginationCommands.ReferralDecision>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            return body.Value is null
                ? Problems.Field("body", "a decision is required: {\"decision\": \"approve|decline\", \"reason\": \"...\"}")
                : Problems.From(await commands.DecideAsync(http.User.ToActor(), id, body.Value, ct).ConfigureAwait(false), r => Results.Ok(r), "referral");
        }).WithSummary("Approve (optionally with a new term or down payment) or decline a claimed referral, with a reason")
            .Accepts<OriginationCommands.ReferralDecision>("application/json").Produces<ReferralView>().ProducesValidationProblem().ProducesProblem(409);
    }

    private static async Task<IEnumerable<ReferralView>> ReadOpenReferrals(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<ReferralQueries>().OpenAsync(1, int.MaxValue, ct).ConfigureAwait(false)).Items;
}
