using System.Globalization;
using System.Text;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>
/// Reading the audit log, for admins only: searched, counted and paged in the database, newest first, and exported as
/// a CSV written while it is read. Each search and each export is itself an entry of the log, naming its filters.
/// </summary>
public static class AuditLogEndpoints
{
    private const string Filters = "actor (an audit name such as collector:{user id}, or a staff user name), action (exact, or a prefix ending in . or *), entityType, entityId (a loan number or application reference also finds that object), from/to=yyyy-MM-dd (Asia/Shanghai)";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin/audit").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/", SearchAsync)
            .WithSummary($"The audit log, newest first, a page at a time (page, pageSize up to 500) with the count of all that match in X-Total-Count; {Filters}; each search is audited")
            .Produces<IReadOnlyList<AuditEntryView>>().ProducesValidationProblem();
        group.MapGet("/export.csv", ExportAsync)
            .WithSummary("Every audit entry that matches, newest first, as CSV (the search's filters), written as it is read; each export is audited")
            .Produces<string>(200, "text/csv").ProducesValidationProblem();
    }

    public static async Task<IResult> SearchAsync([AsParameters] AuditLogInput input, HttpContext http, AuditSearch search, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(search);
        var (query, ask, problems) = input.Read();
        if (problems.Count > 0)
        {
            return Problems.Validation(problems);
        }

        var page = await search.PageAsync(query, ask.Page, ask.PageSize, ct).ConfigureAwait(false);
        await search.RecordAsync(http.User.ToActor().AuditName, AuditSearch.Searched, query, page.Total, page.Page, page.PageSize, ct).ConfigureAwait(false);
        return ListHeaders.Page(http, page);
    }

    public static async Task<IResult> ExportAsync([AsParameters] AuditLogInput input, HttpContext http, AuditSearch search, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(time);
        var (query, _, problems) = input.Read();
        if (problems.Count > 0)
        {
            return Problems.Validation(problems);
        }

        // Recorded before the file is written: an export cut short by the reader still shows in the log.
        var rows = await search.CountAsync(query, ct).ConfigureAwait(false);
        await search.RecordAsync(http.User.ToActor().AuditName, AuditSearch.Exported, query, rows, null, null, ct).ConfigureAwait(false);
        return Results.Stream(stream => WriteCsvAsync(stream, search.AllAsync(query, ct), ct), "text/csv; charset=utf-8", $"audit-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss}.csv");
    }

    private static async Task WriteCsvAsync(Stream stream, IAsyncEnumerable<AuditEntryView> entries, CancellationToken ct)
    {
        await using var csv = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024);
        await csv.WriteAsync("sequence,at,actor,action,entityType,entityId,data\n").ConfigureAwait(false);
        await foreach (var e in entries.WithCancellation(ct).ConfigureAwait(false))
        {
            await csv.WriteAsync(string.Join(',',
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                ListHeaders.Csv(e.Actor),
                ListHeaders.Csv(e.Action),
                ListHeaders.Csv(e.EntityType),
                ListHeaders.Csv(e.EntityId),
                ListHeaders.Csv(e.Data.GetRawText())) + "\n").ConfigureAwait(false);
        }
    }
}
