using AutoFinance.Application.Payments;
using AutoFinance.Application.Servicing;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// How a payout ends. Confirmed — by the provider's signed callback, or by the bank statement's debit line carrying
/// the payout's reference — it books the contract's loan (<see cref="LoanBooking"/>: the loan against the dealer
/// payable, the dealer payable settled from cash), moves the application to disbursed and tells the customer, all in
/// one transaction and once however often the confirmation arrives (the payout's version settles a race). Failed, it
/// returns the contract to signed with the reason, to be paid out again, and tells the dealer
/// (<see cref="DealerPayoutNotices"/>). A confirmed refund posts the closed loan's refund payable paid
/// (<see cref="Domain.Servicing.Loans.Loan.PayRefund"/>) and tells the customer; a failed one leaves it owed, to be
/// paid again.
/// </summary>
public sealed class PayoutConfirmations(AutoFinanceDbContext db, ILoanStore loans, PayoutReturns returns, Notifications.Notifier notifier, DealerPayoutNotices dealerNotices, TimeProvider time, ILogger<PayoutConfirmations> logger)
{
    public enum Outcome
    {
        Booked,
        Failed,
        Repeated,
        Unknown,
        Mismatch,

        /// <summary>Not taken now (a return arriving before the payout's success): the provider delivers it again.</summary>
        Busy,
    }

    /// <summary>What a verified provider callback about a payout does: a success books the loan once, a failure frees the contract, a return owes the money again (<see cref="PayoutReturns"/>).</summary>
    public async Task<Outcome> ReceiveAsync(string providerName, ProviderCallback callback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var payout = await db.Set<PayoutRow>().AsNoTracking().FirstOrDefaultAsync(p => p.Reference == callback.MerchantReference && p.Provider == providerName, ct).ConfigureAwait(false);
        if (payout is null)
        {
            return Outcome.Unknown;
        }

        if (callback.Amount != payout.Amount || !string.Equals(callback.Currency, payout.Currency, StringComparison.Ordinal))
        {
            logger.LogWarning("Callback {Event} for payout {Payout} names another amount; not taken", callback.EventId, payout.Id);
            return Outcome.Mismatch;
        }

        if (callback.Outcome == "returned")
        {
            return await returns.ReturnByProviderAsync(providerName, callback, ct).ConfigureAwait(false);
        }

        return callback.Succeeded
            ? string.IsNullOrWhiteSpace(callback.TransactionId) ? Outcome.Mismatch : await ConfirmAsync(payout.Id, callback.TransactionId, $"provider:{providerName}", ct).ConfigureAwait(false)
            : await FailAsync(payout.Id, callback.Reason ?? callback.Outcome, $"provider:{providerName}", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A bank statement's debit line: when one of its references is a pending payout's reference and the amount is
    /// the payout's, the payout is confirmed by it. Answers the loan booked (or already booked by it), or null.
    /// </summary>
    public async Task<(string Reference, Guid? LoanId)?> ConfirmByStatementAsync(IReadOnlyList<string> references, decimal amount, string entryReference, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(references);
        var candidates = PayoutReferences.In(references);
        if (candidates.Count == 0)
        {
            return null;
        }

        var payout = await db.Set<PayoutRow>().AsNoTracking().FirstOrDefaultAsync(p => candidates.Contains(p.Reference) && p.Amount == amount, ct).ConfigureAwait(false);
        if (payout is null || payout.Status == PayoutStatus.Failed)
        {
            return null;
        }

        var outcome = await ConfirmAsync(payout.Id, entryReference, actor, ct).ConfigureAwait(false);
        var loanId = await db.Set<PayoutRow>().AsNoTracking().Where(p => p.Id == payout.Id).Select(p => p.LoanId).FirstAsync(ct).ConfigureAwait(false);
        return outcome is Outcome.Booked or Outcome.Repeated ? (payout.Reference, loanId) : null;
    }

    /// <summary>Confirms a pending payout and books the contract's loan with it, in one transaction; a second confirmation changes nothing.</summary>
    public async Task<Outcome> ConfirmAsync(Guid payoutId, string confirmation, string actor, CancellationToken ct)
    {
        var payout = await db.Set<PayoutRow>().FirstOrDefaultAsync(p => p.Id == payoutId, ct).ConfigureAwait(false);
        if (payout is null)
        {
            return Outcome.Unknown;
        }

        if (payout.Status != PayoutStatus.Pending)
        {
            return payout.Status == PayoutStatus.Confirmed ? Outcome.Repeated : Outcome.Mismatch;
        }

        if (payout.Purpose == PayoutPurpose.Refund)
        {
            return await ConfirmRefundAsync(payout, confirmation, actor, ct).ConfigureAwait(false);
        }

        if (payout.Purpose == PayoutPurpose.Redisbursement)
        {
            return await ConfirmPaidAgainAsync(payout, confirmation, actor, ct).ConfigureAwait(false);
        }

        var contract = await db.Contracts.FirstAsync(c => c.Id == payout.ContractId, ct).ConfigureAwait(false);
        if (!ApplicationLifecycle.Allows(contract.Status, ContractStatus.Booked))
        {
            return Outcome.Mismatch;
        }

        var application = await db.Applications.FirstAsync(a => a.Id == contract.ApplicationId, ct).ConfigureAwait(false);
        var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == contract.OfferId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        Confirmed(payout, confirmation, now);
        contract.Status = ContractStatus.Booked;
        contract.DisbursedAt = now;
        contract.DisbursedBy = payout.CreatedBy;
        contract.Version++;
        var loan = LoanBooking.Book(db, contract, application, offer, now, payout.Reference);
        payout.LoanId = loan.Id;
        application.Status = ApplicationStatus.Disbursed;
        application.Version++;
        db.StatusChanges.Add(new StatusChangeRow { ApplicationId = application.Id, Status = ApplicationStatus.Disbursed, At = now, Actor = actor, Note = $"payout {payout.Reference} confirmed; loan booked" });
        var firstDue = db.Installments.Local.Where(i => i.LoanId == loan.Id).Min(i => i.DueDate);
        await notifier.RaiseAsync(new Notice(NoticeEvent.Disbursed, loan.CustomerId, loan.Id, loan.Id.ToString(),
            new Dictionary<string, object> { ["loan"] = loan.Reference, ["amount"] = offer.Principal, ["firstDueDate"] = firstDue }) { Currency = loan.Currency }, ct).ConfigureAwait(false);
        try
        {
            await AuditLog.SaveWithAsync(db, [
                new AuditEvent(actor, "payout.confirmed", "contract", contract.Id.ToString(), new { payout.Id, payout.Reference, payout.Amount, Confirmation = confirmation }),
                new AuditEvent(payout.CreatedBy, "contract.disbursed", "contract", contract.Id.ToString(), new { contract.Reference, contract.ApplicationId, offer.Principal, LoanId = loan.Id }),
            ], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // Another delivery of the same confirmation booked it first.
            db.ChangeTracker.Clear();
            return Outcome.Repeated;
        }

        return Outcome.Booked;
    }

    /// <summary>
    /// Instructs a payout at the provider (to the account given, or to the card under the payout's mandate) and keeps
    /// the provider's id. A provider that refuses it, or cannot be reached the first time, fails the payout at once. A
    /// request that went unanswered fails nothing: the provider may have taken it, and failing it would let the contract
    /// be paid out again, the dealer twice. The payout stays pending, settled by its callback or by the same instruction
    /// sent again (<paramref name="again"/>, <see cref="PayoutResends"/>), which the provider answers once per reference.
    /// Sent again, an unreachable provider says nothing of the first request, so only a refusal fails it.
    /// </summary>
    public async Task<InstructionOutcome> InstructAtProviderAsync(IPaymentProvider provider, Uri notifyUrl, PayoutRow payout, string? account, bool again, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(payout);
        try
        {
            var order = new PayoutOrder(payout.Reference, payout.Amount, payout.Currency, payout.PayeeName, account ?? string.Empty, payout.PayeeBank, notifyUrl)
            {
                MandateReference = payout.MandateReference,
            };
            var instructed = await provider.CreatePayoutAsync(order, ct).ConfigureAwait(false);
            // The callback may already have settled the payout: only the provider's id is written, never over its outcome.
            await db.Set<PayoutRow>().Where(p => p.Id == payout.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.ProviderObjectId, instructed.InstructionId), ct).ConfigureAwait(false);
            if (again)
            {
                var (entity, entityId) = Subject(payout);
                await AuditLog.SaveWithAsync(db, [new AuditEvent("system:payout-resend", "payout.resent", entity, entityId, new { payout.Id, payout.Reference, Provider = instructed.InstructionId })],
                    time.GetUtcNow(), ct).ConfigureAwait(false);
            }

            return InstructionOutcome.Taken;
        }
        catch (PaymentProviderException e) when (e.MayHoldIt(again))
        {
            logger.LogWarning("Payout {Payout} ({Reference}) got no answer from the provider; it stays pending and is sent again under the same reference: {Problem}", payout.Id, payout.Reference, e.Message);
            db.ChangeTracker.Clear();
            if (!again)
            {
                var (entity, entityId) = Subject(payout);
                await AuditLog.SaveWithAsync(db, [new AuditEvent($"provider:{provider.Name}", "payout.unanswered", entity, entityId, new { payout.Id, payout.Reference, Problem = e.Message })],
                    time.GetUtcNow(), ct).ConfigureAwait(false);
            }

            return InstructionOutcome.Unanswered;
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning("Payout {Payout} was not taken by the provider: {Problem}", payout.Id, e.Message);
            db.ChangeTracker.Clear();
            await FailAsync(payout.Id, PayoutFailures.NotTaken(e.Message), $"provider:{provider.Name}", ct).ConfigureAwait(false);
            return InstructionOutcome.Failed;
        }
    }

    /// <summary>What a payout's audit events are about: the loan for a refund, the contract for a disbursement.</summary>
    private static (string Entity, string Id) Subject(PayoutRow payout) =>
        payout.Purpose == PayoutPurpose.Refund ? ("loan", payout.LoanId.ToString()!) : ("contract", payout.ContractId.ToString());

    /// <summary>Marks a pending payout failed and returns its contract to signed, ready to be paid out again.</summary>
    public Task<Outcome> FailAsync(Guid payoutId, string reason, string actor, CancellationToken ct) => FailAsync(payoutId, reason, actor, inFileToo: true, ct);

    /// <summary>The same; unless <paramref name="inFileToo"/>, a payout a bank file carries is left as it is (Mismatch): the bank may pay it.</summary>
    public async Task<Outcome> FailAsync(Guid payoutId, string reason, string actor, bool inFileToo, CancellationToken ct)
    {
        var (outcome, failed) = await StageFailureAsync(payoutId, reason, actor, inFileToo, ct).ConfigureAwait(false);
        if (failed is null)
        {
            return outcome;
        }

        try
        {
            await AuditLog.SaveWithAsync(db, [failed], time.GetUtcNow(), ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Repeated;
        }

        return Outcome.Failed;
    }

    /// <summary>
    /// Marks a pending payout failed in the context (a disbursement's contract back to signed) without saving: the audit
    /// event to save with it, or, with none, why it was left as it is. A bank's report fails all its rejected transfers
    /// this way and saves them in one transaction.
    /// </summary>
    public async Task<(Outcome Outcome, AuditEvent? Event)> StageFailureAsync(Guid payoutId, string reason, string actor, bool inFileToo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var payout = await db.Set<PayoutRow>().FirstOrDefaultAsync(p => p.Id == payoutId, ct).ConfigureAwait(false);
        if (payout is null)
        {
            return (Outcome.Unknown, null);
        }

        if (payout.Status != PayoutStatus.Pending)
        {
            return (payout.Status == PayoutStatus.Failed ? Outcome.Repeated : Outcome.Mismatch, null);
        }

        if (!inFileToo && payout.FileMessageId is not null)
        {
            return (Outcome.Mismatch, null);
        }

        payout.Status = PayoutStatus.Failed;
        payout.FailureReason = reason.Length > 300 ? reason[..300] : reason;
        payout.CompletedAt = time.GetUtcNow();
        payout.Version++;
        if (payout.Purpose == PayoutPurpose.Refund)
        {
            return (Outcome.Failed, Failed(actor, "refund.failed", "loan", payout.LoanId.ToString()!, payout));
        }

        await dealerNotices.RaiseAsync(payout, payout.CompletedAt ?? time.GetUtcNow(), ct).ConfigureAwait(false);
        var contract = await db.Contracts.FirstAsync(c => c.Id == payout.ContractId, ct).ConfigureAwait(false);
        // A dealer paid again after a return is still owed (the loan stays booked), to be paid again once more.
        if (payout.Purpose == PayoutPurpose.Disbursement && ApplicationLifecycle.Allows(contract.Status, ContractStatus.Signed))
        {
            contract.Status = ContractStatus.Signed;
            contract.Version++;
        }

        return (Outcome.Failed, Failed(actor, "payout.failed", "contract", contract.Id.ToString(), payout));
    }

    /// <summary>Marks the payout confirmed by <paramref name="confirmation"/> (the provider's transaction id or the statement entry).</summary>
    private static void Confirmed(PayoutRow payout, string confirmation, DateTimeOffset now)
    {
        payout.Status = PayoutStatus.Confirmed;
        payout.ConfirmationReference = confirmation;
        payout.CompletedAt = now;
        payout.Version++;
    }

    private static AuditEvent Failed(string actor, string action, string entity, string entityId, PayoutRow payout) =>
        new(actor, action, entity, entityId, new { payout.Id, payout.Reference, payout.FailureReason });

    /// <summary>
    /// A dealer paid again after their bank returned the first payout: the dealer payable the return left on the loan's
    /// book is settled from cash (Dr dealer payable / Cr cash clearing) and the payout marked, in one transaction. The
    /// loan is not booked again and the customer is not told again.
    /// </summary>
    private async Task<Outcome> ConfirmPaidAgainAsync(PayoutRow payout, string confirmation, string actor, CancellationToken ct)
    {
        if (payout.LoanId is not { } loanId)
        {
            return Outcome.Mismatch;
        }

        var now = time.GetUtcNow();
        Confirmed(payout, confirmation, now);
        var paid = RailPostings.DealerPaid(BusinessDay.Today(time), Money.Of(payout.Amount, Currency.FromCode(payout.Currency)), payout.Reference);
        db.JournalEntries.Add(LoanBooking.ToRow(loanId, paid, now));
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, "payout.confirmed", "contract", payout.ContractId.ToString(),
                new { payout.Id, payout.Reference, payout.Amount, Confirmation = confirmation, Purpose = "redisbursement" })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Repeated;
        }

        return Outcome.Booked;
    }

    /// <summary>
    /// A refund confirmed: the loan's refund payable is paid (Dr refund payable / Cr cash clearing), the payout marked,
    /// the customer told, in one transaction. A loan that no longer owes the amount (reopened meanwhile) is left for
    /// staff: the payout stays pending and the mismatch is logged.
    /// </summary>
    private async Task<Outcome> ConfirmRefundAsync(PayoutRow payout, string confirmation, string actor, CancellationToken ct)
    {
        var loan = payout.LoanId is { } loanId ? await loans.LoadAsync(loanId, LoanLoad.ForPosting, ct).ConfigureAwait(false) : null;
        if (loan is null)
        {
            return Outcome.Unknown;
        }

        var paid = loan.Aggregate.PayRefund(BusinessDay.Today(time), payout.Amount, payout.Reference);
        if (!paid.Succeeded)
        {
            logger.LogWarning("Refund {Payout} confirmed by {Confirmation} but the loan cannot take it: {Problem}", payout.Id, confirmation, paid.Error!.Message);
            return Outcome.Mismatch;
        }

        var now = time.GetUtcNow();
        Confirmed(payout, confirmation, now);
        var changes = new LoanChanges(loan, paid.Entries, new LoanAudit(actor, "refund.paid", new { payout.Id, payout.Reference, payout.Amount, Confirmation = confirmation }), now)
        {
            PostedBy = actor,
            Notices = [new Notice(NoticeEvent.RefundPaid, loan.CustomerId, loan.Id, payout.Reference,
                new Dictionary<string, object> { ["amount"] = payout.Amount, ["payee"] = $"{payout.PayeeBank} {payout.AccountNumberMasked}" })],
        };
        return await loans.SaveAsync(changes, ct).ConfigureAwait(false) == SaveOutcome.Saved ? Outcome.Booked : Outcome.Repeated;
    }
}
