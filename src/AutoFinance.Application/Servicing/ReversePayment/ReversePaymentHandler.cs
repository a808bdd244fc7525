using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Application.Servicing.ReversePayment;

/// <summary>
/// Reverses a payment (returned, bounced, posted in error) through the aggregate (<see cref="Loan.Reverse"/>): it and
/// every posting after it are taken off the instalments, it is marked reversed, and the later ones are applied again in
/// their order. The ledger gets the exact opposite of the reversed payment's entry and one restatement of what the
/// later postings now settle differently. Late fees and penalty already charged stay. Staff only, with a reason.
/// </summary>
public sealed class ReversePaymentHandler(ILoanStore loans, TimeProvider time)
{
    public async Task<CommandResult<PaymentReversal>> HandleAsync(Actor actor, Guid loanId, Guid paymentId, ReversePaymentRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var loan = actor.IsStaff ? await loans.LoadAsync(loanId, LoanLoad.WithHistory, ct).ConfigureAwait(false) : null;
        if (loan is null)
        {
            return CommandResult<PaymentReversal>.NotFound();
        }

        var reason = request.Reason?.Trim() ?? string.Empty;
        if (reason.Length is < 3 or > 500)
        {
            return CommandResult<PaymentReversal>.Invalid("reason", "must say why, in 3 to 500 characters");
        }

        var aggregate = loan.Aggregate;
        var reversed = aggregate.Postings.FirstOrDefault(p => p.Id == paymentId && p.Kind != PostingKind.CreditApplied);
        if (reversed is null)
        {
            return await loans.HasPaymentAsync(loanId, paymentId, ct).ConfigureAwait(false)
                ? CommandResult<PaymentReversal>.Conflict("the payment is already reversed", "payment.already-reversed")
                : CommandResult<PaymentReversal>.NotFound();
        }

        var result = aggregate.Reverse(paymentId, BusinessDay.Today(time), reason);
        if (!result.Succeeded)
        {
            return CommandResult<PaymentReversal>.From(result.Error!);
        }

        var audit = new LoanAudit(actor.AuditName, "payment.reversed", new { PaymentId = paymentId, reversed.Amount, reason, Reapplied = result.Value });
        var changes = new LoanChanges(loan, result.Entries, audit, time.GetUtcNow())
        {
            PostedBy = "system:reversal",
            Reversal = new ReversalRecord(paymentId, reason),
            Notices = [new Notice(NoticeEvent.PaymentFailed, loan.CustomerId, loanId, paymentId.ToString(), new Dictionary<string, object> { ["amount"] = reversed.Amount, ["paidOn"] = reversed.PaidOn })],
        };
        return await loans.SaveAsync(changes, ct).ConfigureAwait(false) == SaveOutcome.Saved
            ? CommandResult<PaymentReversal>.Ok(new PaymentReversal(paymentId, loanId, reversed.Amount, reason, result.Value, LoanStatusText.Of(aggregate.Status)))
            : CommandResult<PaymentReversal>.Conflict("the loan changed while the payment was being reversed; try again", "record.changed");
    }
}
