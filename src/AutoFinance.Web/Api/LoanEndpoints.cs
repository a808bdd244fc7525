using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing.ChangeRate;
using AutoFinance.Application.Servicing.GrantHardship;
using AutoFinance.Application.Servicing.PayOff;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Application.Servicing.QuotePayoff;
using AutoFinance.Application.Servicing.ReversePayment;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Booked loans: schedule, balances from the ledger, payments, reversals and payoff; staff also see the journal, paged.</summary>
public static class LoanEndpoints
{
    private static readonly string[] Payers = [Roles.Customer, Roles.ServiceAgent, Roles.Collector, Roles.Admin];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/loans").WithTags("Loans").RequireAuthorization();
        group.MapGet("/", async (int? page, int? pageSize, string? sort, HttpContext http, LoanQueries loans, CancellationToken ct) =>
            {
                if (ListAnswers.UnknownSort(sort, LoanQueries.Sorts) is { } unknown)
                {
                    return unknown;
                }

                var (number, size) = Infrastructure.Search.ListPage<LoanQueries.LoanSummary>.Normalise(page, pageSize, 200, 500);
                return ListHeaders.Page(http, await loans.PageAsync(http.User.ToActor(), number, size, sort, ct).ConfigureAwait(false));
            })
            .WithSummary("The loans visible to you, a page at a time (page, pageSize up to 500, sort=booked|reference|principal|dpd, minus for descending); X-Total-Count says how many in all")
            .Produces<IReadOnlyList<LoanQueries.LoanSummary>>().ProducesValidationProblem();
        group.MapGet("/export.csv", ListExports.LoansAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.RiskAnalyst, Roles.Manager, Roles.Admin))
            .WithSummary("Every loan as CSV (no personal data), in the list's sort; each export is audited").Produces<string>(200, "text/csv");
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, LoanQueries loans, CancellationToken ct) =>
                await loans.GetAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } loan ? Results.Ok(loan) : Problems.NotFound("loan"))
            .WithSummary("A loan: schedule with paid/overdue status, balances, next due, today's payoff quote, payments and (staff) the latest journal entries with how many there are; the whole journal is paged at /entries")
            .Produces<LoanQueries.LoanView>().ProducesProblem(404);
        group.MapGet("/{id:guid}/entries", async (Guid id, int? page, int? pageSize, HttpContext http, LoanQueries loans, CancellationToken ct) =>
            {
                var (number, size) = Infrastructure.Search.ListPage<LoanQueries.EntryView>.Normalise(page, pageSize, 100, 500);
                return await loans.EntriesAsync(http.User.ToActor(), id, number, size, ct).ConfigureAwait(false) is { } entries
                    ? ListHeaders.Page(http, entries)
                    : Problems.NotFound("loan");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Staff))
            .WithSummary("The loan's whole journal, a page at a time in posting order (page, pageSize up to 500, default 100); X-Total-Count says how many entries in all")
            .Produces<IReadOnlyList<LoanQueries.EntryView>>().ProducesProblem(404);
        group.MapPost("/{id:guid}/payments", async (Guid id, HttpContext http, PostPaymentHandler payments, CancellationToken ct) =>
            {
                if (IdempotencyKey(http) is not { } key)
                {
                    return Problems.Field("Idempotency-Key", "must be at most 100 characters");
                }

                if (PaymentIntentEndpoints.PaysThroughProvider(http.User.ToActor()))
                {
                    return await PaymentIntentEndpoints.StartAsync(id, http, key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                }

                var body = await JsonBody.ReadAsync<PostPaymentRequest>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await payments.HandleAsync(http.User.ToActor(), id, body.Value ?? new PostPaymentRequest(null, null), key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                return Problems.From(result, receipt => Results.Text(Json.Serialize(receipt), "application/json", statusCode: 201), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Payers))
            .WithSummary("Pay. A customer's payment is an intent (202 pending with the provider's checkout address; posted when the provider's signed callback confirms it). Staff post money received, naming its channel (cash, bank-transfer, card-terminal, cheque) and receiptReference; above Payments:StaffReceipts:ApprovalAbove (default 50000) it waits for a second person (202 awaiting-approval). Allocated by the waterfall (fees, penalty, interest, principal; oldest due first); surplus held as credit or, with surplus=prepay, prepaid; Idempotency-Key honoured")
            .Accepts<PostPaymentRequest>("application/json").Produces<PaymentReceipt>(201).Produces(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/payments/{paymentId:guid}/reversal", async (Guid id, Guid paymentId, HttpContext http, ReversePaymentHandler reversals, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ReversePaymentRequest>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await reversals.HandleAsync(http.User.ToActor(), id, paymentId, body.Value ?? new ReversePaymentRequest(null), ct).ConfigureAwait(false);
                return Problems.From(result, view => Results.Ok(view), "payment");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Reverse a payment (bounced, in error): the payments after it are applied again and the ledger restated")
            .Accepts<ReversePaymentRequest>("application/json").Produces<PaymentReversal>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/{id:guid}/payoff", async (Guid id, DateOnly? on, HttpContext http, QuotePayoffHandler payoff, CancellationToken ct) =>
                Problems.From(await payoff.HandleAsync(http.User.ToActor(), id, on, ct).ConfigureAwait(false), quote => Results.Ok(quote), "loan"))
            .WithSummary("What it takes to close the loan on a date (default today): dues, principal not yet due, interest accrued to the date, less credit held")
            .Produces<PayoffFigures>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/{id:guid}/payoff", async (Guid id, HttpContext http, PayOffHandler payoff, CancellationToken ct) =>
            {
                if (IdempotencyKey(http) is not { } key)
                {
                    return Problems.Field("Idempotency-Key", "must be at most 100 characters");
                }

                if (PaymentIntentEndpoints.PaysThroughProvider(http.User.ToActor()))
                {
                    return await PaymentIntentEndpoints.StartPayoffAsync(id, http, key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                }

                var body = await JsonBody.ReadAsync<PayOffRequest>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await payoff.HandleAsync(http.User.ToActor(), id, body.Value ?? new PayOffRequest(null, null), key.Length == 0 ? null : key, ct).ConfigureAwait(false);
                return Problems.From(result, receipt => Results.Text(Json.Serialize(receipt), "application/json", statusCode: 201), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Payers))
            .WithSummary("Pay the loan off. A customer's payoff is a checkout for today's amount (202 pending; the loan closes when the provider confirms the money). Staff confirm the quoted amount and name the channel and receiptReference (above the four-eyes limit it waits for a second person, 202): every instalment settled, the loan closed; Idempotency-Key honoured")
            .Accepts<PayOffRequest>("application/json").Produces<PayoffReceipt>(201).Produces(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        MapHardship(group);
        MapRateChange(group);
        MapChargeWaiver(group);
    }

    private static void MapChargeWaiver(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/charge-waivers", async (Guid id, HttpContext http, Infrastructure.Approvals.ChargeWaivers waivers, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<Application.Servicing.WaiveCharges.WaiveChargesRequest>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await waivers.ProposeAsync(http.User.ToActor(), id, body.Value ?? new Application.Servicing.WaiveCharges.WaiveChargesRequest(null, null), ct).ConfigureAwait(false);
                return Problems.From(result, proposal => Results.Accepted($"/api/v1/approvals/{proposal.Approval.ApprovalId}", proposal), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Propose waiving late charges: {\"amount\": 120.50 (all the penalty interest and late fees owed when left out), \"reason\"}. Checked against the loan now; a second person approves it under /api/v1/approvals, and then penalty and late fees come off oldest instalment first, the income is reversed and the customer is told")
            .Accepts<Application.Servicing.WaiveCharges.WaiveChargesRequest>("application/json").Produces<Infrastructure.Approvals.ChargeWaivers.Proposal>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    private static void MapRateChange(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/rate-changes", async (Guid id, HttpContext http, Infrastructure.Approvals.RateChanges rates, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ChangeRateRequest>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await rates.ProposeAsync(http.User.ToActor(), id, body.Value ?? new ChangeRateRequest(null, null, null), ct).ConfigureAwait(false);
                return Problems.From(result, proposal => Results.Accepted($"/api/v1/approvals/{proposal.Approval.ApprovalId}", proposal), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Propose a lower rate: {\"annualRatePercent\": 3.6, \"effectiveOn\": a due date (the running period's start when left out), \"reason\"}. Checked against the loan now; a second person approves it under /api/v1/approvals, and then the instalments after the date are re-amortised at the new rate (maturity kept) and the customer is notified")
            .Accepts<ChangeRateRequest>("application/json").Produces<Infrastructure.Approvals.RateChanges.Proposal>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    private static void MapHardship(RouteGroupBuilder group) =>
        group.MapPost("/{id:guid}/hardship", async (Guid id, HttpContext http, GrantHardshipHandler hardship, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<GrantHardshipRequest>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await hardship.HandleAsync(http.User.ToActor(), id, body.Value ?? new GrantHardshipRequest(null, null, null, null), ct).ConfigureAwait(false);
                return Problems.From(result, plan => Results.Created($"/api/v1/loans/{id}", plan), "loan");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.ServiceAgent, Roles.Manager, Roles.Admin))
            .WithSummary("Grant a hardship plan: payment-holiday (installments skipped, interest capitalised), term-extension (months added) or re-amortisation (months from today)")
            .Accepts<GrantHardshipRequest>("application/json").Produces<HardshipPlan>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    /// <summary>The request's Idempotency-Key ("" when absent), or null when it is too long to be one.</summary>
    private static string? IdempotencyKey(HttpContext http)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        return key.Length > 100 ? null : key;
    }
}
