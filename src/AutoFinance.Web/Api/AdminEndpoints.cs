using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>Administration: the blacklist, the audit chain's verification, users with their roles and sessions, dealers with their contact and API keys.</summary>
public static class AdminEndpoints
{
    public sealed record BlacklistInput(string? Kind, string? Value, string? Reason);

    public sealed record ApiKeyInput(int? ValidDays);

    public sealed record RoleInput(string? Role, string? Reason);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Admin));

        // The blacklist and the lists of users and dealers are the console's, open to managers too; changes to the
        // blacklist and to roles only ask, and a second admin or manager decides.
        var console = routes.MapGroup("/api/v1/admin").WithTags("Administration").RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        console.MapList("/blacklist", BackOfficeLists.Blacklist, async (http, ask, ct) => await http.RequestServices.GetRequiredService<BlacklistCommands>().ListAsync(ct).ConfigureAwait(false),
            "Blacklisted national IDs, mobiles and VINs (masked)", 200);
        console.MapListExport("/blacklist/export.csv", BackOfficeLists.Blacklist, async (http, ask, ct) => await http.RequestServices.GetRequiredService<BlacklistCommands>().ListAsync(ct).ConfigureAwait(false));
        console.MapPost("/blacklist", async (HttpContext http, ApprovalService approvals, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<BlacklistInput>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            var input = body.Value;
            var request = await approvals.RequestBlacklistAddAsync(http.User.ToActor(), input?.Kind, input?.Value, input?.Reason, ct).ConfigureAwait(false);
            return Problems.From(request, a => Results.Accepted($"/api/v1/approvals/{a.ApprovalId}", a), "entry");
        }).WithSummary("Ask to add a national ID, mobile or VIN to the blacklist; it takes effect when a second person approves")
            .Accepts<BlacklistInput>("application/json").Produces<ApprovalService.ApprovalView>(202).ProducesValidationProblem().ProducesProblem(409);
        console.MapDelete("/blacklist/{id:guid}", async (Guid id, HttpContext http, BlacklistCommands blacklist, ApprovalService approvals, CancellationToken ct) =>
            {
                if (await blacklist.FindAsync(id, ct).ConfigureAwait(false) is not { } entry)
                {
                    return Problems.NotFound("blacklist entry");
                }

                var request = await approvals.RequestAsync(http.User.ToActor(), ApprovalService.BlacklistRemove, id.ToString(), new { id }, ApprovalService.RemovalNote(entry.Kind, entry.Value), "removal requested", ct).ConfigureAwait(false);
                return Problems.From(request, a => Results.Accepted($"/api/v1/approvals/{a.ApprovalId}", a), "blacklist entry");
            })
            .WithSummary("Ask to remove a blacklist entry (kept in history); it takes effect when a second person approves")
            .Produces<ApprovalService.ApprovalView>(202).ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/audit/verify", async (AutoFinanceDbContext db, AuditAnchoring anchoring, CancellationToken ct) => Results.Ok(await anchoring.VerifyAsync(db, ct).ConfigureAwait(false)))
            .WithSummary("Walk the keyed audit chain, check it against the signed checkpoints, anchor the head, and report the first break and its kind")
            .Produces<AuditAnchoring.Verification>();

        console.MapList("/users", BackOfficeLists.Users, async (http, ask, ct) => await http.RequestServices.GetRequiredService<AccessAdministration>().UsersAsync(ct).ConfigureAwait(false),
            "Accounts with their role and open sessions (customers' user names masked); status= a role", 200);
        console.MapListExport("/users/export.csv", BackOfficeLists.Users, async (http, ask, ct) => await http.RequestServices.GetRequiredService<AccessAdministration>().UsersAsync(ct).ConfigureAwait(false));
        group.MapDelete("/users/{id:guid}/sessions", async (Guid id, HttpContext http, AccessAdministration access, CancellationToken ct) =>
                await access.RevokeSessionsAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } count ? Results.Ok(new { revoked = count }) : Problems.NotFound("user"))
            .WithSummary("End every open session of a user at once (their tokens stop working)").ProducesProblem(404);
        group.MapPost("/users/{id:guid}/role", async (Guid id, HttpContext http, AccessAdministration access, ApprovalService approvals, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<RoleInput>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            var request = await RequestRoleChangeAsync(http.User.ToActor(), id, body.Value?.Role, body.Value?.Reason, access, approvals, ct).ConfigureAwait(false);
            return Problems.From(request, a => Results.Accepted($"/api/v1/approvals/{a.ApprovalId}", a), "user");
        }).WithSummary("Ask to move a staff account to another staff role {\"role\", \"reason\"}; done (and its sessions ended) when a second person approves")
            .Accepts<RoleInput>("application/json").Produces<ApprovalService.ApprovalView>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        console.MapList("/dealers", BackOfficeLists.Dealers, async (http, ask, ct) => await http.RequestServices.GetRequiredService<AccessAdministration>().DealersAsync(ct).ConfigureAwait(false),
            "Dealers and the state of their API keys", 200);
        console.MapListExport("/dealers/export.csv", BackOfficeLists.Dealers, async (http, ask, ct) => await http.RequestServices.GetRequiredService<AccessAdministration>().DealersAsync(ct).ConfigureAwait(false));
        group.MapPost("/dealers", async (HttpContext http, DealerRegister register, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<DealerRegister.NewDealerInput>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            var added = await register.AddAsync(http.User.ToActor(), body.Value ?? new(null, null, null, null, null), ct).ConfigureAwait(false);
            return Problems.From(added, a => Results.Created("/api/v1/admin/dealers", a), "dealer");
        }).WithSummary("Add a dealer {\"code\", \"name\", \"city\", \"email\", \"language\": zh-CN (default) or en}; its first API key is in this answer only")
            .Accepts<DealerRegister.NewDealerInput>("application/json").Produces<DealerRegister.AddedDealer>(201).ProducesValidationProblem();
        group.MapPut("/dealers/{id:guid}/contact", async (Guid id, HttpContext http, DealerRegister register, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<DealerRegister.ContactInput>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            var changed = await register.ChangeContactAsync(http.User.ToActor(), id, body.Value ?? new(null, null), ct).ConfigureAwait(false);
            return Problems.From(changed, Results.Ok, "dealer");
        }).WithSummary("Change where a dealer's payout notices are e-mailed {\"email\": empty for none, \"language\": zh-CN or en}")
            .Accepts<DealerRegister.ContactInput>("application/json").Produces<AccessAdministration.DealerView>().ProducesValidationProblem().ProducesProblem(404);
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

    /// <summary>Asks a second person to move a staff account to another role (the console's form does the same).</summary>
    public static async Task<Application.Common.CommandResult<ApprovalService.ApprovalView>> RequestRoleChangeAsync(
        Actor actor, Guid userId, string? role, string? reason, AccessAdministration access, ApprovalService approvals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(approvals);
        var check = await access.CheckRoleChangeAsync(userId, role?.Trim(), ct).ConfigureAwait(false);
        if (check.Failure != Application.Common.CommandFailure.None)
        {
            return check.Refusal<ApprovalService.ApprovalView>();
        }

        var to = role!.Trim();
        return await approvals.RequestAsync(actor, ApprovalService.RoleChange, userId.ToString(), new AccessAdministration.RoleChange(userId, to), Application.Common.RecordNote.Of($"role {check.Value} → {to} for user {userId}", ("from", check.Value!), ("to", to)), reason, ct).ConfigureAwait(false);
    }
}
