using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>A customer seen whole (staff), their consent (the customer for their own, staff), and the next best offer (staff).</summary>
public static class CustomerEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization();
        group.MapGet("/{id:guid}/360", async (Guid id, HttpContext http, Customer360 profiles, CancellationToken ct) =>
                await profiles.GetAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } profile ? Results.Ok(profile) : Problems.NotFound("customer"))
            .RequireAuthorization(p => p.RequireRole(Roles.Staff))
            .WithSummary("The customer 360: identity (masked by role), applications, loans with balances and DPD, payments, cases, surveys, tags, segment, RFM, CLV, lifecycle, churn risk, consent")
            .Produces<Customer360.Profile>().ProducesProblem(404);
        group.MapGet("/{id:guid}/access-log", async (Guid id, int? limit, HttpContext http, Infrastructure.Privacy.CustomerAccessLog log, CancellationToken ct) =>
                await log.LatestAsync(http.User.ToActor(), id, limit ?? 50, ct).ConfigureAwait(false) is { } entries ? Results.Ok(entries) : Problems.NotFound("customer"))
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Who looked at the customer's personal data, newest first (limit, default 50, at most 200): the 360, exports, credit report reads, a collector revealing the mobile number; each entry from the audit log")
            .Produces<IReadOnlyList<Infrastructure.Privacy.CustomerAccessLog.Access>>().ProducesProblem(404);
        group.MapGet("/{id:guid}/consents", async (Guid id, HttpContext http, ConsentCommands consents, CancellationToken ct) =>
                await consents.ListAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } list ? Results.Ok(list) : Problems.NotFound("customer"))
            .RequireAuthorization(p => p.RequireRole([Roles.Customer, .. Roles.Staff]))
            .WithSummary("Consent by purpose and channel now, and its history (a customer: their own only)")
            .Produces<ConsentCommands.ConsentList>().ProducesProblem(404);
        group.MapPost("/{id:guid}/consents", (Guid id, HttpContext http, ConsentCommands consents, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new ConsentCommands.ConsentInput(null, null, null, null), async input =>
                    Problems.From(await consents.RecordAsync(http.User.ToActor(), id, input, ct).ConfigureAwait(false), l => Results.Created($"/api/v1/customers/{id}/consents", l), "customer"), ct))
            .RequireAuthorization(p => p.RequireRole([Roles.Customer, .. Roles.Staff]))
            .WithSummary("Grant or withdraw consent: purpose marketing|service, channel sms|email|app|phone, granted true|false, source")
            .Accepts<ConsentCommands.ConsentInput>("application/json").Produces<ConsentCommands.ConsentList>(201).ProducesValidationProblem().ProducesProblem(404);
        group.MapGet("/{id:guid}/notification-preferences", async (Guid id, HttpContext http, NotificationPreferencesService preferences, CancellationToken ct) =>
                await preferences.GetAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } view && view.CustomerId == id ? Results.Ok(view) : Problems.NotFound("customer"))
            .RequireAuthorization(p => p.RequireRole([Roles.Customer, .. Roles.Staff]))
            .WithSummary("Which channels (in-app, sms, email) each purpose (servicing, reminders, marketing) uses, and the quiet hours (a customer: their own only)")
            .Produces<NotificationPreferencesService.PreferencesView>().ProducesProblem(404);
        group.MapPut("/{id:guid}/notification-preferences", (Guid id, HttpContext http, NotificationPreferencesService preferences, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new NotificationPreferencesService.PreferencesInput(null), async input =>
                {
                    var actor = http.User.ToActor();
                    return actor.Role == Roles.Customer && actor.CustomerId != id
                        ? Problems.NotFound("customer")
                        : Problems.From(await preferences.SetAsync(actor, id, input, ct).ConfigureAwait(false), Results.Ok, "customer");
                }, ct))
            .RequireAuthorization(p => p.RequireRole([Roles.Customer, .. Roles.Staff]))
            .WithSummary("Change notification choices: a list of {purpose servicing|reminders|marketing, channel in-app|sms|email, enabled}; servicing notices always stay in the inbox")
            .Accepts<NotificationPreferencesService.PreferencesInput>("application/json").Produces<NotificationPreferencesService.PreferencesView>().ProducesValidationProblem().ProducesProblem(404);
        group.MapGet("/{id:guid}/next-best-offer", async (Guid id, string? channel, HttpContext http, NextBestOfferService offers, CancellationToken ct) =>
                Problems.From(await offers.DecideAsync(http.User.ToActor(), id, channel, ct).ConfigureAwait(false), Results.Ok, "customer"))
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin, Roles.RiskAnalyst))
            .WithSummary("Decide the next best offer on a channel (channel=app default): eligibility, consent and frequency caps; every product's decision is logged and the offer counted as a contact")
            .Produces<NextBestOfferService.OfferResult>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }
}
