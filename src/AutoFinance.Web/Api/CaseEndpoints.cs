using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>
/// The service desk: a customer opens and follows their own cases (another's is 404); agents and managers work the
/// queue ordered by SLA urgency, assign, answer, resolve with a root cause and reopen. SLA timers are computed at
/// read time; escalations are recorded by the background check (or on demand).
/// </summary>
public static class CaseEndpoints
{
    private static readonly string[] Openers = [Roles.Customer, Roles.ServiceAgent, Roles.Manager, Roles.Admin, Roles.Collector];
    private static readonly string[] Agents = [Roles.ServiceAgent, Roles.Manager, Roles.Admin];
    private static readonly string[] Participants = [Roles.Customer, Roles.ServiceAgent, Roles.Manager, Roles.Admin];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cases").WithTags("Service desk").RequireAuthorization(p => p.RequireRole(Openers));
        group.MapList("/", BackOfficeLists.Cases, async (http, ask, ct) => await http.RequestServices.GetRequiredService<CaseQueries>()
                .ListAsync(http.User.ToActor(), ask.Status, http.Request.Query["mine"] == "true", ct).ConfigureAwait(false),
            "A customer's own cases; for staff the queue of unresolved cases, most urgent SLA first (status=resolved for the closed ones, mine=true for yours)", 500);
        group.MapListExport("/export.csv", BackOfficeLists.Cases, async (http, ask, ct) => await http.RequestServices.GetRequiredService<CaseQueries>()
                .ListAsync(http.User.ToActor(), ask.Status, http.Request.Query["mine"] == "true", ct).ConfigureAwait(false))
            .RequireAuthorization(p => p.RequireRole(Agents));
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, CaseQueries cases, CancellationToken ct) =>
                await cases.GetAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } view ? Results.Ok(view) : Problems.NotFound("case"))
            .WithSummary("A case with its SLA timers now, resolution and messages (internal notes for staff only)")
            .Produces<CaseView>().ProducesProblem(404);
        group.MapPost("/", (HttpContext http, CaseCommands cases, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new CaseCommands.OpenCaseInput(null, null, null, null, null, null), async input =>
                    Problems.From(await cases.OpenAsync(http.User.ToActor(), input, ct).ConfigureAwait(false),
                        o => Results.Created($"/api/v1/cases/{o.CaseId}", o), "case"), ct))
            .WithSummary("Open a case: kind complaint|question|feedback, category, priority, channel, subject, description (staff name the customerId)")
            .Accepts<CaseCommands.OpenCaseInput>("application/json").Produces<CaseCommands.Opened>(201).ProducesValidationProblem().ProducesProblem(409);
        group.MapPost("/{id:guid}/assign", (Guid id, HttpContext http, CaseCommands cases, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new CaseCommands.AssignInput(null), async input =>
                    Problems.From(await cases.AssignAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), Results.Ok, "case"), ct))
            .RequireAuthorization(p => p.RequireRole(Agents))
            .WithSummary("Assign the case to an agent (default: yourself)")
            .Accepts<CaseCommands.AssignInput>("application/json").Produces<CaseCommands.Changed>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/messages", (Guid id, HttpContext http, CaseCommands cases, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new CaseCommands.MessageInput(null, null), async input =>
                    Problems.From(await cases.AddMessageAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), c => Results.Created($"/api/v1/cases/{c.CaseId}", c), "case"), ct))
            .RequireAuthorization(p => p.RequireRole(Participants))
            .WithSummary("Add a message; an agent's first message to the customer is the first response (internal=true: a staff-only note)")
            .Accepts<CaseCommands.MessageInput>("application/json").Produces<CaseCommands.Changed>(201).ProducesValidationProblem().ProducesProblem(404);
        group.MapPost("/{id:guid}/resolve", (Guid id, HttpContext http, CaseCommands cases, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new CaseCommands.ResolveInput(null, null), async input =>
                    Problems.From(await cases.ResolveAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), Results.Ok, "case"), ct))
            .RequireAuthorization(p => p.RequireRole(Agents))
            .WithSummary("Resolve with a root cause and what was done; the customer is asked to rate the service")
            .Accepts<CaseCommands.ResolveInput>("application/json").Produces<CaseCommands.Changed>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/reopen", (Guid id, HttpContext http, CaseCommands cases, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new CaseCommands.ReopenInput(null), async input =>
                    Problems.From(await cases.ReopenAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), Results.Ok, "case"), ct))
            .RequireAuthorization(p => p.RequireRole(Participants))
            .WithSummary("Reopen a resolved case, saying why (its customer or staff)")
            .Accepts<CaseCommands.ReopenInput>("application/json").Produces<CaseCommands.Changed>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/escalations", async (HttpContext http, CaseCommands cases, CancellationToken ct) =>
                Results.Ok(await cases.EscalateAsync(http.User.ToActor(), ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Run the escalation check now (it also runs in the background): breached cases raised to their ladder level, audited")
            .Produces<CaseCommands.EscalationRun>();
    }
}
