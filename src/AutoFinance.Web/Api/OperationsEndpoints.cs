using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>
/// The scheduler's jobs (last run, next run, outcome; an admin runs one now), the messages given up on after their
/// retries (an admin sends them again once the channel works) and the alerts staff must look at.
/// </summary>
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

        var undelivered = routes.MapGroup("/api/v1/outbox/undelivered").WithTags("Operations");
        undelivered.MapGet("/", async (UndeliveredMessages messages, CancellationToken ct) => Results.Ok(await messages.ListAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Texts and e-mails given up on after their retries, by channel: how many, how many are still worth sending, the latest error")
            .Produces<IReadOnlyList<UndeliveredMessages.ChannelView>>();
        undelivered.MapPost("/resend", ResendAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .WithSummary("Send a channel's undelivered messages again (servicing ones, and reminders written in the last day; offers never), audited")
            .Produces<ResendView>().ProducesValidationProblem();

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

    private sealed record ResendInput(string? Channel);

    public sealed record ResendView(string Channel, int Resent);

    private static async Task<IResult> ResendAsync(HttpContext http, UndeliveredMessages messages, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ResendInput>(http.Request, ct).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return Problems.Validation([error]);
        }

        var channel = body.Value?.Channel?.Trim() ?? string.Empty;
        return await messages.ResendAsync(http.User.ToActor().AuditName, channel, ct).ConfigureAwait(false) is { } resent
            ? Results.Ok(new ResendView(channel, resent))
            : Problems.Field("channel", $"must be one of {string.Join(", ", UndeliveredMessages.Channels)}", "outbox.channel.unknown");
    }

    /// <summary>The runs of the asked dates (read from the database by date, Asia/Shanghai) of one job or all.</summary>
    private static async Task<IEnumerable<JobQueries.RunView>> ReadRuns(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct)
    {
        var job = http.Request.Query["job"].ToString();
        return await http.RequestServices.GetRequiredService<JobQueries>().RunsOnDatesAsync(job.Length == 0 ? null : job, ask.From, ask.To, ct).ConfigureAwait(false);
    }
}
