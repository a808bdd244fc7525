using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>A/B tests: defined by a manager or analyst, subjects assigned deterministically, outcomes recorded by those who run them, results tested.</summary>
public static class ExperimentEndpoints
{
    /// <summary>The roles that run experiments: they define them and record their outcomes, which decide the result.</summary>
    public static readonly string[] Runners = [Roles.Manager, Roles.RiskAnalyst, Roles.Admin];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/experiments").WithTags("Experiments").RequireAuthorization(p => p.RequireRole(Roles.Staff));
        group.MapGet("/", async (ExperimentCommands experiments, CancellationToken ct) => Results.Ok(await experiments.ListAsync(ct).ConfigureAwait(false)))
            .WithSummary("Every experiment with its planned sample size").Produces<IReadOnlyList<ExperimentCommands.ExperimentView>>();
        group.MapPost("/", (HttpContext http, ExperimentCommands experiments, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new ExperimentCommands.ExperimentInput(null, null, null, null, null, null, null, null), async input =>
                    Problems.From(await experiments.CreateAsync(http.User.ToActor(), input, ct).ConfigureAwait(false), e => Results.Created($"/api/v1/experiments/{e.Id}", e), "experiment"), ct))
            .RequireAuthorization(p => p.RequireRole(Runners))
            .WithSummary("Define an experiment: id, metric, variants (control first, weights), baselineRate, minimumDetectableEffect, alpha, power — the sample size is fixed now")
            .Accepts<ExperimentCommands.ExperimentInput>("application/json").Produces<ExperimentCommands.ExperimentView>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapPost("/{id}/assignments", (string id, HttpContext http, ExperimentCommands experiments, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new ExperimentCommands.SubjectInput(null, null), async input =>
                    Problems.From(await experiments.AssignAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), Results.Ok, "experiment"), ct))
            .WithSummary("The subject's variant: always the same one (a hash of experiment and subject); the first call records the exposure")
            .Accepts<ExperimentCommands.SubjectInput>("application/json").Produces<ExperimentCommands.Assignment>().ProducesValidationProblem().ProducesProblem(404);
        group.MapPost("/{id}/outcomes", (string id, HttpContext http, ExperimentCommands experiments, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new ExperimentCommands.SubjectInput(null, null), async input =>
                    Problems.From(await experiments.RecordOutcomeAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), Results.Ok, "experiment"), ct))
            .RequireAuthorization(p => p.RequireRole(Runners))
            .WithSummary("Record whether an assigned subject converted (manager, analyst, admin)")
            .Accepts<ExperimentCommands.SubjectInput>("application/json").Produces<ExperimentCommands.Assignment>().ProducesValidationProblem().ProducesProblem(404);
        group.MapGet("/{id}/results", async (string id, ExperimentCommands experiments, CancellationToken ct) =>
                await experiments.ResultsAsync(id, ct).ConfigureAwait(false) is { } results ? Results.Ok(results) : Problems.NotFound("experiment"))
            .WithSummary("Subjects and conversions per variant, the two-proportion z-test of each treatment against the control, and whether the result is final")
            .Produces<ExperimentCommands.Results>().ProducesProblem(404);
    }
}
