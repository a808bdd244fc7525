using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Components.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Components.Payouts;

/// <summary>
/// The disbursement forms (an anti-forgery token each): recording the funding facts, confirming the payout (the
/// second step; its key is the Idempotency-Key, so a double submit pays once; the same form pays a dealer again after their bank returned the payout) and asking for a settlement-account
/// change, paying a closed loan's credit back to its customer, writing a new bank file and importing the bank's report on one, and cancelling a payout not carried out yet. Each does what its API endpoint does under the same roles and redirects back with the outcome.
/// </summary>
public static class PayoutForms
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/forms").RequireAuthorization().ExcludeFromDescription().DisableAntiforgery();
        forms.MapPost("/contracts/{id:guid}/funding", async (Guid id, HttpContext http, IAntiforgery antiforgery, FundingDesk funding, AutoFinanceDbContext db, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            var back = await BackAsync(db, id, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Underwriter or Roles.Admin or Roles.Dealer) || back is null)
            {
                return Results.LocalRedirect(back ?? "/");
            }

            DateOnly? registered = DateOnly.TryParseExact(form["mortgageRegisteredOn"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) ? on : null;
            var result = await funding.RecordAsync(actor, id, new FundingDesk.FactsInput(
                form["insurancePolicyNumber"], form["insurer"], form["mortgageRegistrationNumber"], registered, form["gpsDeviceId"]), ct).ConfigureAwait(false);
            return Results.LocalRedirect($"{back}?funding={Outcome(result, "saved")}#disbursement");
        });
        forms.MapPost("/contracts/{id:guid}/disburse", async (Guid id, HttpContext http, IAntiforgery antiforgery, DealerPayouts payouts, Hosting.OriginationMetrics metrics, AutoFinanceDbContext db, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            var back = await BackAsync(db, id, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Underwriter or Roles.Admin) || back is null)
            {
                return Results.LocalRedirect(back ?? "/");
            }

            var key = form["key"].ToString() is { Length: > 0 and <= 100 } given ? given : null;
            var result = await payouts.InstructAsync(actor, id, form["channel"], key, ct).ConfigureAwait(false);
            if (result.Failure == CommandFailure.None)
            {
                metrics.Reached("funded");
            }

            var outcome = result.Value switch
            {
                { Payout: { Purpose: Domain.Origination.Funding.PayoutPurpose.Redisbursement, Status: Domain.Origination.Funding.PayoutStatus.Confirmed } } => "repaid",
                { Payout: { Purpose: Domain.Origination.Funding.PayoutPurpose.Redisbursement, Status: Domain.Origination.Funding.PayoutStatus.Pending } } => "instructed",
                { Payout.Status: Domain.Origination.Funding.PayoutStatus.Failed } => "failed",
                { LoanId: not null } => "booked",
                not null => "instructed",
                _ => result.Code ?? "invalid",
            };
            return Results.LocalRedirect($"{back}?funding={Uri.EscapeDataString(outcome)}#disbursement");
        });
        forms.MapPost("/dealers/{id:guid}/settlement-account", async (Guid id, HttpContext http, IAntiforgery antiforgery, SettlementAccounts accounts, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/payouts");
            }

            var result = await accounts.RequestChangeAsync(actor, id, new SettlementAccounts.AccountInput(form["payeeName"], form["bank"], form["accountNumber"], form["reason"]), ct).ConfigureAwait(false);
            return Results.LocalRedirect($"/payouts?account={Uri.EscapeDataString(Outcome(result, "requested"))}#accounts");
        });
        MapRefund(forms);
        forms.MapPost("/payouts/files", async (HttpContext http, IAntiforgery antiforgery, PayoutFiles files, CancellationToken ct) =>
        {
            var (_, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Underwriter or Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/payouts");
            }

            var file = await files.WriteNewAsync(actor.AuditName, ct).ConfigureAwait(false);
            return Results.LocalRedirect(file is null
                ? $"/payouts?file={Api.PayoutEndpoints.NothingWaiting}#files"
                : $"/payouts?file=written&message={Uri.EscapeDataString(file.MessageId)}#files");
        });
        forms.MapPost("/payouts/{id:guid}/cancel", async (Guid id, HttpContext http, IAntiforgery antiforgery, PayoutCancellations cancellations, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/payouts");
            }

            string outcome;
            try
            {
                outcome = Outcome(await cancellations.CancelAsync(actor, id, new PayoutCancellations.CancelInput(form["reason"]), ct).ConfigureAwait(false), "cancelled");
            }
            catch (Application.Payments.PaymentProviderException)
            {
                outcome = "payment.provider.unavailable";
            }

            return Results.LocalRedirect($"/payouts?cancel={outcome}#queue");
        });
        forms.MapPost("/payouts/status-reports", async (HttpContext http, IAntiforgery antiforgery, PayoutStatusReports reports, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Underwriter or Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/payouts");
            }

            var result = await reports.ImportAsync(actor, form["content"].ToString(), ct).ConfigureAwait(false);
            return Results.LocalRedirect(result.Value is { } summary
                ? string.Create(CultureInfo.InvariantCulture, $"/payouts?report=imported&rejected={summary.Rejected}&released={summary.Released}&unchanged={summary.AlreadySettled + summary.Other + summary.Unknown.Count}#files")
                : result.Code == "record.changed" ? "/payouts?report=changed#files" : "/payouts?report=invalid#files");
        });
    }

    private static void MapRefund(RouteGroupBuilder forms) =>
        forms.MapPost("/loans/{id:guid}/refund", async (Guid id, HttpContext http, IAntiforgery antiforgery, CustomerRefunds refunds, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            if (actor.Role is not (Roles.Underwriter or Roles.Manager or Roles.Admin))
            {
                return Results.LocalRedirect("/payouts");
            }

            var key = form["key"].ToString() is { Length: > 0 and <= 100 } given ? given : null;
            var account = form["accountNumber"].ToString() is { Length: > 0 } number ? number : null;
            var result = await refunds.InstructAsync(actor, id, new CustomerRefunds.RefundInput(form["channel"], account, form["bank"]), key, ct).ConfigureAwait(false);
            return Results.LocalRedirect($"/payouts?refund={Outcome(result, "instructed")}#refunds");
        });

    private static async Task<string?> BackAsync(AutoFinanceDbContext db, Guid contractId, CancellationToken ct) =>
        await db.Contracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => (Guid?)c.ApplicationId).FirstOrDefaultAsync(ct).ConfigureAwait(false) is { } application
            ? $"/applications/{application}"
            : null;

    private static string Outcome<T>(CommandResult<T> result, string ok) =>
        Uri.EscapeDataString(result.Failure == CommandFailure.None ? ok : result.Code ?? "invalid");
}
