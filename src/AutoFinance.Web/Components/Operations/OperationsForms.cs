using AutoFinance.Application.Security;
using AutoFinance.Domain.Approvals;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Components.Security;
using Microsoft.AspNetCore.Antiforgery;

namespace AutoFinance.Web.Components.Operations;

/// <summary>
/// The operations pages' forms (an anti-forgery token each): deciding an approval, running a job now, sending a
/// channel's undelivered messages again and acknowledging an alert. Each does what its API endpoint does, under the same roles, and answers with a redirect
/// back to its page carrying the outcome, so a reload never posts twice.
/// </summary>
public static class OperationsForms
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/forms").RequireAuthorization().ExcludeFromDescription().DisableAntiforgery();
        forms.MapPost("/approvals/{id:guid}/decision", async (Guid id, HttpContext http, IAntiforgery antiforgery, ApprovalService approvals, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/approvals");
            }

            var approve = form["decision"].ToString() == "approve";
            var reason = form["reason"].ToString().Trim();
            if (!approve && reason.Length is < 3 or > 300)
            {
                return Results.LocalRedirect($"/approvals?outcome=reason-needed&id={id}#approval-{id}");
            }

            var result = await approvals.DecideAsync(actor, id, approve, ct, approve ? null : reason).ConfigureAwait(false);
            var outcome = result.Value is { } decided ? StateWords<ApprovalStatus>.Of(decided.Status) : result.Code ?? "approval.failed";
            return Results.LocalRedirect($"/approvals?outcome={Uri.EscapeDataString(outcome)}&id={id}");
        });
        forms.MapPost("/jobs/{name}/run", async (string name, HttpContext http, IAntiforgery antiforgery, JobCatalog catalog, JobRunner runner, AutoFinanceDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var actor = http.User.ToActor();
            if (actor.Role != Roles.Admin || catalog.Find(name) is not { } job)
            {
                return Results.LocalRedirect("/jobs");
            }

            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "job.run-requested", "job", job.Name, new { job.Name })], time.GetUtcNow(), ct).ConfigureAwait(false);
            var run = await runner.RunNowAsync(job, actor.AuditName, ct).ConfigureAwait(false);
            return Results.LocalRedirect($"/jobs?ran={Uri.EscapeDataString(job.Name)}&outcome={StateWords<JobOutcome>.Of(run.Outcome)}");
        });
        forms.MapPost("/outbox/{channel}/resend", async (string channel, HttpContext http, IAntiforgery antiforgery, UndeliveredMessages messages, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var actor = http.User.ToActor();
            if (actor.Role != Roles.Admin || await messages.ResendAsync(actor.AuditName, channel, ct).ConfigureAwait(false) is not { } resent)
            {
                return Results.LocalRedirect("/jobs");
            }

            return Results.LocalRedirect($"/jobs?resent={Uri.EscapeDataString(channel)}&count={resent}#undelivered");
        });
        forms.MapPost("/alerts/{id:guid}/acknowledge", async (Guid id, HttpContext http, IAntiforgery antiforgery, StaffAlerts alerts, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            var back = Security.PortalPage.SafeLocal(form["back"].ToString(), "/jobs");
            if (actor.Role is Roles.RiskAnalyst or Roles.Manager or Roles.Admin)
            {
                await alerts.AcknowledgeAsync(id, actor.AuditName, ct).ConfigureAwait(false);
            }

            return Results.LocalRedirect(back);
        });
    }
}
