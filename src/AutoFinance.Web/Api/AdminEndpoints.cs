using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Administration: the blacklist and the audit chain's verification.</summary>
public static class AdminEndpoints
{
    public sealed record BlacklistInput(string? Kind, string? Value, string? Reason);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        group.MapGet("/blacklist", async (BlacklistCommands blacklist, CancellationToken ct) => Results.Ok(await blacklist.ListAsync(ct).ConfigureAwait(false)))
            .WithSummary("Blacklisted national IDs, mobiles and VINs (masked)");
        group.MapPost("/blacklist", async (HttpContext http, BlacklistCommands blacklist, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<BlacklistInput>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            return Problems.From(await blacklist.AddAsync(http.User.ToActor(), body.Value?.Kind, body.Value?.Value, body.Value?.Reason, ct).ConfigureAwait(false),
                e => Results.Created($"/api/v1/admin/blacklist/{e.Id}", e), "entry");
        }).WithSummary("Add a national ID, mobile or VIN to the blacklist").Accepts<BlacklistInput>("application/json").ProducesValidationProblem();
        group.MapDelete("/blacklist/{id:guid}", async (Guid id, HttpContext http, BlacklistCommands blacklist, CancellationToken ct) =>
                await blacklist.RemoveAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) ? Results.NoContent() : Problems.NotFound("blacklist entry"))
            .WithSummary("Remove a blacklist entry (kept in history)");
        group.MapGet("/audit/verify", async (AutoFinanceDbContext db, CancellationToken ct) => Results.Ok(await AuditLog.VerifyAsync(db, ct).ConfigureAwait(false)))
            .WithSummary("Walk the hash-chained audit log and report the first broken entry");
    }
}
