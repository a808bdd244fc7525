using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Master data changes: the customer's own mobile with a code sent to it, or staff corrections with a reason.</summary>
public static class MasterDataEndpoints
{
    public sealed record CodeRequest(string? Mobile);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/v1/me").WithTags("Customers").RequireAuthorization(p => p.RequireRole(Roles.Customer));
        me.MapPost("/mobile/code", (HttpContext http, MasterDataCommands commands, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new CodeRequest(null), async input =>
                    Problems.From(await commands.RequestMobileCodeAsync(http.User.ToActor(), input.Mobile, http.Connection.RemoteIpAddress?.ToString(), ct).ConfigureAwait(false), CodeAnswers.Of, "customer"), ct))
            .WithSummary("Text a contact-change code to the new mobile you want on file")
            .ProducesValidationProblem().ProducesProblem(409).ProducesProblem(429);
        me.MapPut("/mobile", (HttpContext http, MasterDataCommands commands, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new MasterDataCommands.MobileInput(null, null), async input =>
                    Problems.From(await commands.ChangeOwnMobileAsync(http.User.ToActor(), input, ct).ConfigureAwait(false), Results.Ok, "customer"), ct))
            .WithSummary("Change your mobile on file (and your sign-in name) with the code sent to it")
            .ProducesValidationProblem().ProducesProblem(409);

        routes.MapPost("/api/v1/customers/{id:guid}/master-data", (Guid id, HttpContext http, MasterDataCommands commands, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new MasterDataCommands.StaffChangeInput(null, null, null), async input =>
                    Problems.From(await commands.ChangeByStaffAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), Results.Ok, "customer"), ct))
            .WithTags("Customers")
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Correct a customer's name or mobile on file, with a reason (audited)")
            .ProducesValidationProblem().ProducesProblem(404);
    }
}
