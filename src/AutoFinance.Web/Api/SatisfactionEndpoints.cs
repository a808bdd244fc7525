using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>Satisfaction surveys and the service figures: a customer answers their own; staff read results and metrics.</summary>
public static class SatisfactionEndpoints
{
    private static readonly string[] Readers = [Roles.ServiceAgent, Roles.Manager, Roles.Admin, Roles.RiskAnalyst];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var surveys = routes.MapGroup("/api/v1/surveys").WithTags("Satisfaction").RequireAuthorization();
        surveys.MapList("/", BackOfficeLists.Surveys, ReadSurveys, "Your surveys, pending first (pending=true: only those to answer); staff see every survey", 200)
            .RequireAuthorization(p => p.RequireRole([Roles.Customer, .. Readers]));
        surveys.MapListExport("/export.csv", BackOfficeLists.Surveys, ReadSurveys).RequireAuthorization(p => p.RequireRole(Readers));
        surveys.MapPost("/{id:guid}/answer", (Guid id, HttpContext http, SurveyCommands commands, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new SurveyCommands.AnswerInput(null, null, null), async input =>
                    Problems.From(await commands.AnswerAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), Results.Ok, "survey"), ct))
            .RequireAuthorization(p => p.RequireRole(Roles.Customer))
            .WithSummary("Answer a survey: csat 1–5 and nps 0–10 (both required), optional comment")
            .Accepts<SurveyCommands.AnswerInput>("application/json").Produces<SurveyCommands.SurveyView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        surveys.MapGet("/results", async (string? groupBy, SurveyCommands commands, CancellationToken ct) =>
                Problems.From(await commands.ResultsAsync(groupBy, ct).ConfigureAwait(false), Results.Ok, "report"))
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("CSAT and NPS by channel, dealer, agent or trigger (groupBy=), with the total")
            .Produces<SurveyCommands.SatisfactionReport>().ProducesValidationProblem();

        routes.MapGet("/api/v1/service-metrics", async (string? groupBy, DateTimeOffset? from, ServiceMetricsQueries metrics, CancellationToken ct) =>
                Problems.From(await metrics.ReportAsync(groupBy, from, ct).ConfigureAwait(false), Results.Ok, "report"))
            .WithTags("Satisfaction")
            .RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("First response and resolution p50/p90 (hours), SLA breach rate, reopen rate, complaints per 1,000 loans, CSAT, NPS — by channel, category, kind or dealer (groupBy=), from= a date")
            .Produces<ServiceMetricsQueries.MetricsReport>().ProducesValidationProblem();
    }

    private static async Task<IEnumerable<SurveyCommands.SurveyView>> ReadSurveys(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<SurveyCommands>().ListAsync(http.User.ToActor(), http.Request.Query["pending"] == "true", ct).ConfigureAwait(false);
}
