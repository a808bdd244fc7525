using AutoFinance.Application.Security;
using AutoFinance.Domain.Servicing.Reconciliation;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Api;

/// <summary>
/// Bank statement reconciliation for staff: import a camt.053 or CSV statement (matched credits posted, the rest in
/// suspense), the worklist of lines, and assigning or returning what is in suspense. And each loan's repayment
/// reference, the virtual account a customer pays by transfer.
/// </summary>
public static class ReconciliationEndpoints
{
    private static readonly string[] Reconcilers = [Roles.ServiceAgent, Roles.Manager, Roles.Admin];

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reconciliation").WithTags("Reconciliation").RequireAuthorization(p => p.RequireRole(Reconcilers));
        group.MapPost("/statements", async (string? format, HttpContext http, BankReconciliation reconciliation, CancellationToken ct) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var content = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
                var result = await reconciliation.ImportAsync(http.User.ToActor(), content, format, ct).ConfigureAwait(false);
                return Problems.From(result, summary => Results.Ok(summary), "statement");
            })
            .WithSummary("Import a bank statement (ISO 20022 camt.053 XML, or CSV; format=camt053|csv, else told by the first character): credits matched by repayment reference, else by amount and name, are posted; the rest go to suspense; an entry seen before is skipped")
            .Produces<BankReconciliation.ImportSummary>().ProducesValidationProblem();
        group.MapGet("/lines", async (string? status, BankReconciliation reconciliation, CancellationToken ct) => Results.Ok(await reconciliation.ListAsync(status, ct).ConfigureAwait(false)))
            .WithSummary("Statement lines, newest first (status=unmatched for the suspense worklist)").Produces<IReadOnlyList<BankReconciliation.LineView>>();
        group.MapPost("/lines/{lineId:guid}/assign", async (Guid lineId, HttpContext http, BankReconciliation reconciliation, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<BankReconciliation.AssignInput>(http.Request, ct).ConfigureAwait(false);
                return body.Error is { } error
                    ? Problems.Validation([error])
                    : Problems.From(await reconciliation.AssignAsync(http.User.ToActor(), lineId, body.Value ?? new(null, null), ct).ConfigureAwait(false), line => Results.Ok(line), "statement line");
            })
            .WithSummary("Assign an unmatched line to a loan: out of suspense and posted as the loan's payment")
            .Accepts<BankReconciliation.AssignInput>("application/json").Produces<BankReconciliation.LineView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/lines/{lineId:guid}/return", async (Guid lineId, HttpContext http, BankReconciliation reconciliation, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<BankReconciliation.ReturnInput>(http.Request, ct).ConfigureAwait(false);
                return body.Error is { } error
                    ? Problems.Validation([error])
                    : Problems.From(await reconciliation.ReturnAsync(http.User.ToActor(), lineId, body.Value ?? new(null), ct).ConfigureAwait(false), line => Results.Ok(line), "statement line");
            })
            .WithSummary("Return an unmatched line's money to the payer, with the reason")
            .Accepts<BankReconciliation.ReturnInput>("application/json").Produces<BankReconciliation.LineView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

        routes.MapGet("/api/v1/loans/{id:guid}/repayment-reference", async (Guid id, HttpContext http, AutoFinanceDbContext db, CancellationToken ct) =>
            {
                var actor = http.User.ToActor();
                var loan = await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct).ConfigureAwait(false);
                return loan is null || !Application.Servicing.LoanAccess.MayPay(actor, loan.CustomerId)
                    ? Problems.NotFound("loan")
                    : Results.Ok(new { loanId = id, repaymentReference = RepaymentReference.For(id) });
            })
            .WithTags("Reconciliation").RequireAuthorization()
            .WithSummary("The loan's repayment reference: the virtual account number to pay by bank transfer, which the statement reconciliation matches on");
    }
}
