using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.PostPayment;

/// <summary>
/// A payment on a loan, through the loan aggregate (<see cref="Loan.Pay"/>: instalments falling due, held credit
/// applied, the product's waterfall, the surplus held or prepaid). Here: access, input checks, the date rule, the
/// Idempotency-Key bound to caller, endpoint and body, and one save with the loan's version catching a concurrent change.
/// </summary>
public sealed class PostPaymentHandler(ILoanStore loans, StaffReceipts receipts, TimeProvider time)
{
    public const string Endpoint = "payments";

    /// <param name="approvedBy">The second person who approved money held by <see cref="StaffReceipts"/>; null otherwise.</param>
    public async Task<CommandResult<PaymentReceipt>> HandleAsync(Actor actor, Guid loanId, PostPaymentRequest request, string? idempotencyKey, CancellationToken ct, string? approvedBy = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        // A payment dated before today may come before postings already made: the aggregate takes them off and applies them again.
        var today = BusinessDay.Today(time);
        var load = request.PaidOn is { } asked && asked < today ? LoanLoad.WithHistory : LoanLoad.ForPosting;
        var (loan, requestHash, earlier) = await IdempotentReplies.OpenAsync<PaymentReceipt>(loans, actor, loanId, load, Endpoint, request, idempotencyKey, ct).ConfigureAwait(false);
        if (earlier is not null)
        {
            return earlier;
        }

        var (payment, refusal) = PostPaymentValidator.Validate(actor, request, loan!, today);
        if (refusal is not null)
        {
            return refusal;
        }

        if (receipts.MustWait(actor, payment!.Amount, approvedBy))
        {
            return await receipts.HoldAsync<PaymentReceipt>(actor, StaffReceipts.PaymentAction, loanId, payment.Amount, request, idempotencyKey, payment.ReceiptReference, ct).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        var aggregate = loan!.Aggregate;
        var paymentId = Guid.CreateVersion7(now);
        var result = aggregate.Pay(paymentId, payment.Amount, payment.PaidOn, PaymentSurplus.ChoiceOf(payment.Surplus), PaymentSurplus.ModeOf(payment.Surplus));
        if (!result.Succeeded)
        {
            return CommandResult<PaymentReceipt>.From(result.Error!);
        }

        var posting = result.Value!;
        var receipt = new PaymentReceipt(paymentId, loanId, payment.Amount, payment.PaidOn, posting.Allocated, posting.Held, posting.Prepaid, LoanStatusText.Of(aggregate.Status),
            [.. posting.Parts.Select(p => new AllocationLine(p.Number, p.DueDate, p.Fee, p.PenaltyInterest, p.Interest, p.Principal))]);
        var audit = new LoanAudit(actor.AuditName, "payment.received", new { Id = paymentId, payment.Amount, payment.PaidOn, posting.Allocated, posting.Held, posting.Prepaid, request.Reason, payment.Channel, payment.ReceiptReference, approvedBy });
        var changes = new LoanChanges(loan!, result.Entries, audit, now)
        {
            PostedBy = actor.AuditName,
            Reply = new PostingReply(paymentId, idempotencyKey, idempotencyKey is null ? null : requestHash, Json.Serialize(receipt)) { Channel = payment.Channel, ReceiptReference = payment.ReceiptReference },
            Notices = [new Notice(NoticeEvent.PaymentReceived, loan.CustomerId, loanId, paymentId.ToString(), new Dictionary<string, object> { ["amount"] = payment.Amount, ["paidOn"] = payment.PaidOn })],
        };
        return await IdempotentReplies.SaveAsync(loans, changes, receipt, idempotencyKey, requestHash,
            "another change to this loan was posted at the same moment; retry with the same Idempotency-Key", ct).ConfigureAwait(false);
    }
}
