using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.PayOff;

/// <summary>
/// Pays a loan off through the aggregate (<see cref="Loan.PayOff"/>), which settles every instalment and closes the
/// loan. A payoff is dated by the server unless staff backdate it with a reason (<see cref="PostingDates"/>); the
/// Idempotency-Key is bound to caller, endpoint and body.
/// </summary>
public sealed class PayOffHandler(ILoanStore loans, TimeProvider time)
{
    public const string Endpoint = "payoff";

    public async Task<CommandResult<PayoffReceipt>> HandleAsync(Actor actor, Guid loanId, PayOffRequest request, string? idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var (loan, requestHash, earlier) = await IdempotentReplies.OpenAsync<PayoffReceipt>(loans, actor, loanId, LoanLoad.WithHistory, Endpoint, request, idempotencyKey, ct).ConfigureAwait(false);
        if (earlier is not null)
        {
            return earlier;
        }

        var (paidOn, refused) = PostingDates.Check<PayoffReceipt>(actor, request.PaidOn, request.Reason, BusinessDay.Today(time), loan!.StartDate, "paidOn");
        if (refused is not null)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        var aggregate = loan.Aggregate;
        var paymentId = Guid.CreateVersion7(now);
        var result = aggregate.PayOff(paymentId, paidOn, request.Amount);
        if (!result.Succeeded)
        {
            return CommandResult<PayoffReceipt>.From(result.Error!);
        }

        var posting = result.Value!;
        var receipt = new PayoffReceipt(paymentId, loanId, posting.Amount, posting.CreditUsed, paidOn, LoanStatusText.Of(aggregate.Status));
        var audit = new LoanAudit(actor.AuditName, "loan.paid-off", new { Id = paymentId, posting.Amount, posting.CreditUsed, paidOn, request.Reason });
        var changes = new LoanChanges(loan, result.Entries, audit, now)
        {
            PostedBy = actor.AuditName,
            Reply = new PostingReply(paymentId, idempotencyKey, idempotencyKey is null ? null : requestHash, Json.Serialize(receipt)),
            Notices = [new Notice(NoticeEvent.PaymentReceived, loan.CustomerId, loanId, paymentId.ToString(), new Dictionary<string, object> { ["amount"] = posting.Amount, ["paidOn"] = paidOn })],
        };
        return await IdempotentReplies.SaveAsync(loans, changes, receipt, idempotencyKey, requestHash, "the loan changed while it was being paid off; ask for a new quote", ct).ConfigureAwait(false);
    }
}
