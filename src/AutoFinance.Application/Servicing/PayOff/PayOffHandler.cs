using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.PayOff;

/// <summary>
/// Pays a loan off through the aggregate (<see cref="Loan.PayOff"/>), which settles every instalment and closes the
/// loan. A payoff is dated by the server unless staff backdate it with a reason (<see cref="PostingDates"/>); the
/// Idempotency-Key is bound to caller, endpoint and body.
/// </summary>
public sealed class PayOffHandler(ILoanStore loans, StaffReceipts receipts, TimeProvider time)
{
    public const string Endpoint = "payoff";

    /// <param name="approvedBy">The second person who approved money held by <see cref="StaffReceipts"/>; null otherwise.</param>
    public async Task<CommandResult<PayoffReceipt>> HandleAsync(Actor actor, Guid loanId, PayOffRequest request, string? idempotencyKey, CancellationToken ct, string? approvedBy = null)
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
        // Money that moves needs its receipt; a payoff the held credit covers moves none.
        var receiptProblems = posting.Amount > 0 ? PaymentChannels.Check(actor, request.Channel, request.ReceiptReference).ToList() : [];
        if (receiptProblems.Count > 0)
        {
            return CommandResult<PayoffReceipt>.Invalid(receiptProblems);
        }

        if (receipts.MustWait(actor, posting.Amount, approvedBy))
        {
            return await receipts.HoldAsync<PayoffReceipt>(actor, StaffReceipts.PayoffAction, loanId, posting.Amount, request, idempotencyKey, request.ReceiptReference?.Trim(), ct).ConfigureAwait(false);
        }

        var receipt = new PayoffReceipt(paymentId, loanId, posting.Amount, posting.CreditUsed, paidOn, LoanStatusText.Of(aggregate.Status));
        var audit = new LoanAudit(actor.AuditName, "loan.paid-off", new { Id = paymentId, posting.Amount, posting.CreditUsed, paidOn, request.Reason, Channel = request.Channel?.Trim().ToLowerInvariant(), ReceiptReference = request.ReceiptReference?.Trim(), approvedBy });
        var changes = new LoanChanges(loan, result.Entries, audit, now)
        {
            PostedBy = actor.AuditName,
            Reply = new PostingReply(paymentId, idempotencyKey, idempotencyKey is null ? null : requestHash, Json.Serialize(receipt))
            {
                Channel = request.Channel?.Trim().ToLowerInvariant(),
                ReceiptReference = request.ReceiptReference?.Trim(),
            },
            // A payoff the held credit covers moves no money: there is no payment to tell of.
            Notices = posting.Amount > 0
                ? [new Notice(NoticeEvent.PaymentReceived, loan.CustomerId, loanId, paymentId.ToString(), new Dictionary<string, object> { ["amount"] = posting.Amount, ["paidOn"] = paidOn })]
                : [],
        };
        return await IdempotentReplies.SaveAsync(loans, changes, receipt, idempotencyKey, requestHash, "the loan changed while it was being paid off; ask for a new quote", ct).ConfigureAwait(false);
    }
}
