using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

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
        jobs.MapList("/runs", BackOfficeLists.JobRuns, ReadRuns, "The run history, newest first (job= one job only)")
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        jobs.MapListExport("/runs/export.csv", BackOfficeLists.JobRuns, ReadRuns).RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
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

    /// <summary>The runs of the asked dates (read from the database by date, Asia/Shanghai) of one job or all.</summary>
    private static async Task<IEnumerable<JobQueries.RunView>> ReadRuns(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct)
    {
        var china = TimeSpan.FromHours(8);
        var job = http.Request.Query["job"].ToString();
        return await http.RequestServices.GetRequiredService<JobQueries>().RunsAsync(job.Length == 0 ? null : job,
            ask.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), china) : null,
            ask.To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), china) : null, ct).ConfigureAwait(false);
    }
}
