using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>The scheduler's jobs (last run, next run, outcome; an admin runs one now) and the alerts staff must look at.</summary>
public static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var jobs = routes.MapGroup("/api/v1/jobs").WithTags("Operations");
        jobs.MapGet("/", async (JobQueries queries, CancellationToken ct) => Results.Ok(await queries.ListAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Every scheduled job with its schedule, next run and last run").Produces<IReadOnlyList<JobQueries.JobView>>();
        jobs.MapGet("/runs", async (string? job, int? count, JobQueries queries, CancellationToken ct) => Results.Ok(await queries.RecentAsync(job, count ?? 20, ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("The latest runs, newest first (job= one job only; count= up to 100)").Produces<IReadOnlyList<JobQueries.RunView>>();
        jobs.MapPost("/{name}/run", RunNowAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Run a job now (it is recorded as a manual run, with who asked)").Produces<JobQueries.RunView>().ProducesProblem(404);

        routes.MapGet("/api/v1/search", async (string? q, HttpContext http, Infrastructure.Search.BackOfficeSearch search, CancellationToken ct) =>
                q?.Trim() is not { Length: >= Infrastructure.Search.BackOfficeSearch.MinimumLength and <= 100 }
                    ? Problems.Field("q", "is required (2 to 100 characters)")
                    : Results.Ok(await search.FindAsync(http.User.ToActor(), q, ct).ConfigureAwait(false)))
            .WithTags("Operations").RequireAuthorization(p => p.RequireRole(Roles.Staff))
            .WithSummary("One search for staff: name, mobile, national ID, VIN (through their keyed hashes), application reference, loan number or case number")
            .Produces<Infrastructure.Search.BackOfficeSearch.Results>().ProducesValidationProblem();

        var alerts = routes.MapGroup("/api/v1/alerts").WithTags("Operations").RequireAuthorization(p => p.RequireRole(Roles.RiskAnalyst, Roles.Manager, Roles.Admin));
        alerts.MapGet("/", async (bool? all, StaffAlerts staffAlerts, CancellationToken ct) => Results.Ok(await staffAlerts.ListAsync(all == true, ct).ConfigureAwait(false)))
            .WithSummary("Alerts raised by the platform's own checks (model drift); all=true includes acknowledged ones").Produces<IReadOnlyList<StaffAlerts.AlertView>>();
        alerts.MapPost("/{id:guid}/acknowledge", async (Guid id, HttpContext http, StaffAlerts staffAlerts, CancellationToken ct) =>
                await staffAlerts.AcknowledgeAsync(id, http.User.ToActor().AuditName, ct).ConfigureAwait(false) ? Results.NoContent() : Problems.NotFound("alert"))
            .WithSummary("Acknowledge an alert (audited)").Produces(204).ProducesProblem(404);
    }

    private static async Task<IResult> RunNowAsync(string name, HttpContext http, JobCatalog catalog, JobRunner runner, AutoFinanceDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (catalog.Find(name) is not { } job)
        {
            return Problems.NotFound("job");
        }

        var actor = http.User.ToActor();
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "job.run-requested", "job", job.Name, new { job.Name })], time.GetUtcNow(), ct).ConfigureAwait(false);
        var run = await runner.RunNowAsync(job, actor.AuditName, ct).ConfigureAwait(false);
        return Results.Ok(JobQueries.View(run));
    }
}
