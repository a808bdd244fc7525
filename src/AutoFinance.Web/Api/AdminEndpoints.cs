using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Administration: the blacklist, the audit chain's verification, users' sessions and dealers' API keys.</summary>
public static class AdminEndpoints
{
    public sealed record BlacklistInput(string? Kind, string? Value, string? Reason);

    public sealed record ApiKeyInput(int? ValidDays);

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

        group.MapGet("/users", async (AccessAdministration access, CancellationToken ct) => Results.Ok(await access.UsersAsync(ct).ConfigureAwait(false)))
            .WithSummary("Accounts with their role and open sessions (customers' user names masked)").Produces<IReadOnlyList<AccessAdministration.UserView>>();
        group.MapDelete("/users/{id:guid}/sessions", async (Guid id, HttpContext http, AccessAdministration access, CancellationToken ct) =>
                await access.RevokeSessionsAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } count ? Results.Ok(new { revoked = count }) : Problems.NotFound("user"))
            .WithSummary("End every open session of a user at once (their tokens stop working)").ProducesProblem(404);
        group.MapGet("/dealers", async (AccessAdministration access, CancellationToken ct) => Results.Ok(await access.DealersAsync(ct).ConfigureAwait(false)))
            .WithSummary("Dealers and the state of their API keys").Produces<IReadOnlyList<AccessAdministration.DealerView>>();
        group.MapPost("/dealers/{id:guid}/api-key", async (Guid id, HttpContext http, AccessAdministration access, CancellationToken ct) =>
        {
            ApiKeyInput? input = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var body = await JsonBody.ReadAsync<ApiKeyInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                input = body.Value;
            }

            if (input?.ValidDays is < 1 or > 3650)
            {
                return Problems.Field("validDays", "must be between 1 and 3650");
            }

            return await access.IssueApiKeyAsync(http.User.ToActor(), id, input?.ValidDays, ct).ConfigureAwait(false) is { } issued
                ? Results.Ok(issued)
                : Problems.NotFound("dealer");
        }).WithSummary("Issue a new API key for a dealer (shown once; the old key stops working)").Accepts<ApiKeyInput>("application/json")
            .Produces<AccessAdministration.IssuedKey>().ProducesValidationProblem().ProducesProblem(404);
        group.MapDelete("/dealers/{id:guid}/api-key", async (Guid id, HttpContext http, AccessAdministration access, CancellationToken ct) =>
                await access.RevokeApiKeyAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) ? Results.NoContent() : Problems.NotFound("dealer"))
            .WithSummary("Revoke a dealer's API key").ProducesProblem(404);
    }
}
