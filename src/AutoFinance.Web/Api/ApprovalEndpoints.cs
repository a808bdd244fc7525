using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Web.Auth;
using Microsoft.EntityFrameworkCore;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>The four-eyes rule: sensitive actions wait here until a second admin or manager approves or rejects them.</summary>
public static class ApprovalEndpoints
{
    public sealed record WriteOffInput(string? Reason);

    public sealed record RejectInput(string? Reason);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/approvals").WithTags("Approvals").RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        group.MapList("/", BackOfficeLists.Approvals, ReadApprovals, "Requests for sensitive actions, newest first (status=pending for those waiting)", 200);
        group.MapListExport("/export.csv", BackOfficeLists.Approvals, ReadApprovals);
        var writeOffs = routes.MapGroup("/api/v1/write-offs").WithTags("Approvals").RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.Manager, Roles.Admin));
        writeOffs.MapList("/", BackOfficeLists.WriteOffProposals, ReadWriteOffProposals, "Write-off proposals in every state, newest first");
        writeOffs.MapListExport("/export.csv", BackOfficeLists.WriteOffProposals, ReadWriteOffProposals);
        writeOffs.MapList("/loans", BackOfficeLists.WrittenOff, ReadWrittenOff, "The loans written off (by approval or by end-of-day's charge-off)");
        writeOffs.MapListExport("/loans/export.csv", BackOfficeLists.WrittenOff, ReadWrittenOff);
        group.MapPost("/{id:guid}/approve", async (Guid id, HttpContext http, ApprovalService approvals, CancellationToken ct) =>
                Problems.From(await approvals.DecideAsync(http.User.ToActor(), id, approve: true, ct).ConfigureAwait(false), a => Results.Ok(a), "approval"))
            .WithSummary("Approve and carry out a request made by someone else").Produces<ApprovalService.ApprovalView>().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/reject", async (Guid id, HttpContext http, ApprovalService approvals, CancellationToken ct) =>
            {
                // The reason comes in a JSON body, or as the form field "reason" of a form post.
                var body = http.Request.HasJsonContentType() ? await JsonBody.ReadAsync<RejectInput>(http.Request, ct).ConfigureAwait(false) : null;
                if (body?.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var reason = body?.Value?.Reason ?? (http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct).ConfigureAwait(false))["reason"].ToString() : null);
                return Problems.From(await approvals.DecideAsync(http.User.ToActor(), id, approve: false, ct, reason).ConfigureAwait(false), a => Results.Ok(a), "approval");
            })
            .WithSummary("Reject a request made by someone else, with {\"reason\"} (3 to 300 characters, kept as its outcome)")
            .Produces<ApprovalService.ApprovalView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        routes.MapPost("/api/v1/loans/{id:guid}/write-off", async (Guid id, HttpContext http, WriteOffs writeOffs, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<WriteOffInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var request = await writeOffs.ProposeAsync(http.User.ToActor(), id, null, body.Value?.Reason, ct).ConfigureAwait(false);
                return Problems.From(request, a => Results.Accepted($"/api/v1/approvals/{a.ApprovalId}", a), "loan");
            })
            .WithTags("Approvals").RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.Manager, Roles.Admin))
            .WithSummary("Ask to write a loan off now (before the charge-off days); done when a second person approves")
            .Accepts<WriteOffInput>("application/json").Produces<ApprovalService.ApprovalView>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IEnumerable<ApprovalService.ApprovalView>> ReadApprovals(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<ApprovalService>().ListAsync(ask.Status, ct).ConfigureAwait(false);

    private static async Task<IEnumerable<ApprovalService.ApprovalView>> ReadWriteOffProposals(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<WriteOffs>().ProposalsAsync(1, int.MaxValue, ct).ConfigureAwait(false)).Items;

    private static async Task<IEnumerable<WriteOffs.WrittenOffLoan>> ReadWrittenOff(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<WriteOffs>().WrittenOffAsync(1, int.MaxValue, ct).ConfigureAwait(false)).Items;
}
