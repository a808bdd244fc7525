using AutoFinance.Application.Payments;
using AutoFinance.Application.Payments.Statements;
using AutoFinance.Application.Servicing;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// A confirmed payout the payee's bank sent back (a closed account, say): the bank statement's credit line carries
/// the payout's reference (its EndToEndId) and amount, usually with the bank's reason (<c>RtrInf</c>). The payout is
/// marked returned with that reason, and the money is owed again: to the dealer (Dr cash clearing / Cr dealer
/// payable on the loan's book; the loan stays booked, the dealer is told (<see cref="DealerPayoutNotices"/>), and
/// <see cref="DealerPayouts"/> pays the dealer again), or to
/// the customer (the closed loan's refund payable, paid again as any refund owed). The line, the payout, the entry
/// and the audit entry are stored in one transaction; the same line imported again is already seen. A provider that
/// carried a payout out reports the same with a signed <c>payout.returned</c> callback.
/// </summary>
public sealed class PayoutReturns(AutoFinanceDbContext db, ILoanStore loans, DealerPayoutNotices dealerNotices, TimeProvider time)
{
    public enum Outcome
    {
        /// <summary>The line names no confirmed payout of its amount: it is reconciled as any other credit.</summary>
        NotAPayout,

        Returned,

        /// <summary>The line was stored by another import meanwhile: nothing changed.</summary>
        AlreadySeen,

        /// <summary>The refund's loan kept changing under the return: nothing of the line was stored; it is taken when imported again.</summary>
        Busy,
    }

    /// <summary>
    /// Stores the new credit line <paramref name="row"/> as the return of the payout it names, if it names one. A
    /// refund's loan changing meanwhile is taken again from a fresh read, a few times at most.
    /// </summary>
    public async Task<Outcome> TakeAsync(StatementLineRow row, StatementEntry entry, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(entry);
        var (status, matchedBy, loanId, note) = (row.Status, row.MatchedBy, row.LoanId, row.Note);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TakeOnceAsync(row, entry, actor, ct).ConfigureAwait(false);
            }
            catch (LoanChangedException)
            {
                // Taken again from the start: the line as it came, should the payout no longer be one to return.
                db.ChangeTracker.Clear();
                (row.Status, row.MatchedBy, row.LoanId, row.Note) = (status, matchedBy, loanId, note);
                if (attempt == 3)
                {
                    return Outcome.Busy;
                }
            }
        }
    }

    private async Task<Outcome> TakeOnceAsync(StatementLineRow row, StatementEntry entry, string actor, CancellationToken ct)
    {
        var candidates = PayoutReferences.In(entry.References);
        if (candidates.Count == 0)
        {
            return Outcome.NotAPayout;
        }

        var payout = await db.Set<PayoutRow>()
            .FirstOrDefaultAsync(p => candidates.Contains(p.Reference) && p.Amount == entry.Amount && p.Currency == entry.Currency && p.Status == PayoutStatus.Confirmed, ct)
            .ConfigureAwait(false);
        if (payout?.LoanId is not { } loanId)
        {
            return Outcome.NotAPayout;
        }

        row.Status = StatementLineStatus.Matched;
        row.MatchedBy = "payout-return";
        row.LoanId = loanId;
        row.Note = SuspenseNotes.PayoutReturned(payout.Reference);
        db.Set<StatementLineRow>().Add(row);
        return await ReturnAsync(payout, PayoutFailures.Returned(entry.Return?.Code, entry.Return?.Text), actor, row.EntryReference, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The provider's <c>payout.returned</c> callback on a payout it carried out: returned once (a repeat changes
    /// nothing); one arriving before the payout's own success is answered busy, for the provider to deliver it again.
    /// </summary>
    public async Task<PayoutConfirmations.Outcome> ReturnByProviderAsync(string providerName, ProviderCallback callback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(callback);
        for (var attempt = 1; ; attempt++)
        {
            var payout = await db.Set<PayoutRow>().FirstOrDefaultAsync(p => p.Reference == callback.MerchantReference && p.Provider == providerName, ct).ConfigureAwait(false);
            switch (payout?.Status)
            {
                case null:
                    return PayoutConfirmations.Outcome.Unknown;
                case PayoutStatus.Returned:
                    return PayoutConfirmations.Outcome.Repeated;
                case PayoutStatus.Pending:
                    return PayoutConfirmations.Outcome.Busy;
                case PayoutStatus.Failed:
                    return PayoutConfirmations.Outcome.Mismatch;
            }

            try
            {
                return await ReturnAsync(payout!, PayoutFailures.Returned(callback.Reason, null), $"provider:{providerName}", callback.TransactionId ?? callback.EventId, ct).ConfigureAwait(false) switch
                {
                    Outcome.Returned => PayoutConfirmations.Outcome.Failed,
                    _ => PayoutConfirmations.Outcome.Repeated,
                };
            }
            catch (LoanChangedException)
            {
                db.ChangeTracker.Clear();
                if (attempt == 3)
                {
                    return PayoutConfirmations.Outcome.Busy;
                }
            }
        }
    }

    /// <summary>Marks the confirmed payout returned and owes its money again, saving whatever else the context holds in the same transaction.</summary>
    private async Task<Outcome> ReturnAsync(PayoutRow payout, string reason, string actor, string evidence, CancellationToken ct)
    {
        var loanId = payout.LoanId ?? throw new InvalidOperationException($"confirmed payout {payout.Reference} names no loan");
        var now = time.GetUtcNow();
        payout.Status = PayoutStatus.Returned;
        payout.FailureReason = reason[..Math.Min(reason.Length, 300)];
        payout.Version++;
        var money = Money.Of(payout.Amount, Currency.FromCode(payout.Currency));
        var today = BusinessDay.Today(time);
        var returned = new { payout.Id, payout.Reference, payout.Amount, Evidence = evidence, payout.FailureReason };
        try
        {
            return payout.Purpose == PayoutPurpose.Refund
                ? await RefundOwedAgainAsync(loanId, payout.Reference, payout.Amount, today, actor, returned, now, ct).ConfigureAwait(false)
                : await DealerOwedAgainAsync(loanId, payout, money, today, actor, returned, now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            // Another import or delivery stored the same return first.
            db.ChangeTracker.Clear();
            return Outcome.AlreadySeen;
        }
    }

    private async Task<Outcome> DealerOwedAgainAsync(Guid loanId, PayoutRow payout, Money money, DateOnly today, string actor, object returned, DateTimeOffset now, CancellationToken ct)
    {
        db.JournalEntries.Add(LoanBooking.ToRow(loanId, RailPostings.DealerPayoutReturned(today, money, payout.Reference), now));
        await dealerNotices.RaiseAsync(payout, now, ct).ConfigureAwait(false);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, "payout.returned", "contract", payout.ContractId.ToString(), returned)], now, ct).ConfigureAwait(false);
        return Outcome.Returned;
    }

    /// <summary>The closed loan owes the customer the refund again; the loan's change is saved with the line and the payout.</summary>
    private async Task<Outcome> RefundOwedAgainAsync(Guid loanId, string reference, decimal amount, DateOnly today, string actor, object returned, DateTimeOffset now, CancellationToken ct)
    {
        var loan = await loans.LoadAsync(loanId, LoanLoad.ForPosting, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"the loan {loanId} of refund {reference} is not on file");
        var owed = loan.Aggregate.ReturnRefund(today, amount, reference);
        if (!owed.Succeeded)
        {
            throw new InvalidOperationException($"refund {reference} cannot be owed again: {owed.Error!.Message}");
        }

        var saved = await loans.SaveAsync(new LoanChanges(loan, owed.Entries, new LoanAudit(actor, "refund.returned", returned), now) { PostedBy = actor }, ct).ConfigureAwait(false);
        return saved == SaveOutcome.Saved ? Outcome.Returned : throw new LoanChangedException();
    }

    /// <summary>The refund's loan changed under the return: nothing was stored.</summary>
    private sealed class LoanChangedException : Exception;
}
