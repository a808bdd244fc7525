using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Marketing campaigns: one offer sent to the customers who opted in, under consent, quiet hours and the frequency cap.</summary>
public static class MarketingEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/marketing").WithTags("Customer intelligence").RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        group.MapPost("/campaigns", async (HttpContext http, MarketingCampaigns campaigns, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<MarketingCampaigns.CampaignInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var sent = await campaigns.SendAsync(http.User.ToActor(), body.Value ?? new MarketingCampaigns.CampaignInput(null, null), ct).ConfigureAwait(false);
                return Problems.From(sent, r => Results.Ok(r), "campaign");
            })
            .WithSummary("Send an offer ({\"offer\": \"refinance|top-up|insurance-renewal|trade-in\", \"segment\": optional}) to the customers with marketing consent on record, on the channels consented and not switched off, in each customer's language; held until 08:00 in quiet hours; at most 2 campaigns per customer in 30 days; audited")
            .Accepts<MarketingCampaigns.CampaignInput>("application/json").Produces<MarketingCampaigns.CampaignResult>().ProducesValidationProblem();
    }
}
