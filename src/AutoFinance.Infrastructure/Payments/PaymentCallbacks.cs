using AutoFinance.Domain.Lifecycle;
using AutoFinance.Application.Payments;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Notifications;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// What a verified provider callback does to an intent (a payout's callback is <see cref="Payouts.PayoutConfirmations"/>'s). A success posts the money once per provider transaction id
/// (the posting's Idempotency-Key is the rail and the provider's transaction id, so five deliveries post once) and stores
/// the provider's reference; a failure or expiry is recorded for the customer to see; a repeat changes nothing.
/// </summary>
public sealed class PaymentCallbacks(AutoFinanceDbContext db, LoanPosting posting, Payouts.PayoutConfirmations payouts, Notifications.Notifier notifier, GroupCommit commits, TimeProvider time, ILogger<PaymentCallbacks> logger)
{
    public enum Outcome
    {
        Posted,
        Recorded,
        Repeated,
        Unknown,
        Mismatch,

        /// <summary>Not taken now: the loan kept changing under it. Nothing was stored; the provider delivers it again.</summary>
        Busy,
    }

    public async Task<Outcome> ReceiveAsync(string providerName, ProviderCallback callback, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (callback.Subject == "payout")
        {
            return await payouts.ReceiveAsync(providerName, callback, ct).ConfigureAwait(false) switch
            {
                Payouts.PayoutConfirmations.Outcome.Booked => Outcome.Posted,
                Payouts.PayoutConfirmations.Outcome.Failed => Outcome.Recorded,
                Payouts.PayoutConfirmations.Outcome.Repeated => Outcome.Repeated,
                Payouts.PayoutConfirmations.Outcome.Mismatch => Outcome.Mismatch,
                Payouts.PayoutConfirmations.Outcome.Busy => Outcome.Busy,
                _ => Outcome.Unknown,
            };
        }

        if (callback.Subject is not ("checkout" or "debit") || !Guid.TryParse(callback.MerchantReference, out var intentId))
        {
            return Outcome.Unknown;
        }

        return callback.Succeeded
            ? await RecordSuccessAsync(providerName, callback, intentId, together: true, ct).ConfigureAwait(false)
            : await RecordFailureAsync(providerName, callback, intentId, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A success: the money posted once and the intent settled. <paramref name="together"/>: the posting's changes and
    /// the intent's are stored in one write (group-committed with other requests'); should another change to the loan
    /// win meanwhile, the callback is taken again with the posting saved on its own first, as it always was before (and
    /// posted again should it lose again, <see cref="LoanPosting"/>). The money is never recorded as received but not
    /// posted because of such a race: a posting that keeps losing is answered busy, with nothing stored.
    /// </summary>
    private async Task<Outcome> RecordSuccessAsync(string providerName, ProviderCallback callback, Guid intentId, bool together, CancellationToken ct)
    {
        // The intent (tracked) with what the outcome needs of its loan, in one round trip.
        var found = await CallbackIntentRead.ForSuccessAsync(db, intentId, providerName, ct).ConfigureAwait(false);
        if (found is null)
        {
            return Outcome.Unknown;
        }

        var intent = found.Intent;
        if (IsMismatch(callback, intent))
        {
            return Outcome.Mismatch;
        }

        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(callback.TransactionId))
        {
            return Outcome.Mismatch;
        }

        if (intent.Status == PaymentIntentStatus.Succeeded)
        {
            return intent.ProviderTransactionId == callback.TransactionId ? Outcome.Repeated : Outcome.Mismatch;
        }

        var payer = LoanPosting.Payer(OnFile(found.Loan, intent).CustomerId, providerName);
        var deferred = new DeferredWrite();
        posting.Defer(together ? deferred : null);

        if (intent.Kind != PaymentIntents.PayoffKind && await IntentLoanRead.ForAsync(db, intent.LoanId, payer.AuditName, null, ct).ConfigureAwait(false) is { } read)
        {
            // The loan's row with its credit held and product's names in one round trip, and its customer as the intent's
            // read gave them: the posting reads only the instalments.
            posting.Preread(read.Loan, read.Known, found.Recipient is { } recipient ? new Dictionary<Guid, Recipient> { [read.Loan.CustomerId] = recipient } : []);
        }

        var arrival = new LoanPosting.Arrival(intent.Kind == DirectDebitRun.DebitKind ? PaymentChannels.DirectDebit : PaymentChannels.Provider, callback.TransactionId);
        var posted = intent.Kind == PaymentIntents.PayoffKind
            ? await posting.PayOffAsync(payer, intent.LoanId, intent.Amount, arrival, ct).ConfigureAwait(false)
            : await posting.PostAsync(payer, intent.LoanId, intent.Amount, intent.Surplus, arrival, ct).ConfigureAwait(false);
        posting.Defer(null);
        if (posted.Raced)
        {
            db.ChangeTracker.Clear();
            logger.LogWarning("Callback {Event} for intent {Intent} kept losing races to other changes of its loan; answered busy for the provider to deliver it again", callback.EventId, intentId);
            return Outcome.Busy;
        }

        var (paymentId, problem) = posted;
        // Another delivery of the same success may have settled the intent meanwhile. A posting left to be stored below
        // keeps the intent this context read; otherwise the posting was stored (or not made) and the intent is read again.
        var left = !deferred.IsEmpty;
        if (left)
        {
            if (await CallbackIntentRead.StatusAsync(db, intentId, ct).ConfigureAwait(false) == PaymentIntentStatus.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Outcome.Repeated;
            }
        }
        else
        {
            db.ChangeTracker.Clear();
            intent = await CallbackIntentRead.AfterPostingAsync(db, intentId, ct).ConfigureAwait(false);
            if (intent.Status == PaymentIntentStatus.Succeeded)
            {
                return Outcome.Repeated;
            }
        }

        intent.Status = PaymentIntentStatus.Succeeded;
        intent.ProviderTransactionId = callback.TransactionId;
        intent.PaymentId = paymentId;
        intent.FailureReason = problem is null ? null : $"received but not posted: {problem}; held in suspense for staff";
        intent.CompletedAt = now;
        var money = Money.Of(intent.Amount, Currency.FromCode(intent.Currency));
        var receipt = RailPostings.ProviderReceipt(DateOnly.FromDateTime(time.GetLocalNow().DateTime), money, $"{providerName} {callback.TransactionId}");
        if (paymentId is not null)
        {
            deferred.InsertEntry(LoanBooking.ToRow(intent.LoanId, receipt, now));
        }
        else
        {
            // Money the loan would not take (closed meanwhile, say) is never left aside: it waits in suspense on the
            // reconciliation worklist, where staff assign it to a loan or return it to the payer.
            var loan = OnFile(found.Loan, intent);
            var payerName = await db.Customers.AsNoTracking().Where(c => c.Id == loan.CustomerId).Select(c => c.FullNameCipher).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            Suspend(deferred, providerName, callback.TransactionId, intent, loan, payerName, posted, money, receipt, now);
        }

        deferred.Events.Add(new AuditEvent($"provider:{providerName}", "payment.intent.succeeded", "loan", intent.LoanId.ToString(),
            new { intent.Id, callback.EventId, callback.TransactionId, PaymentId = paymentId, problem }));
        try
        {
            await commits.SaveAsync(db, deferred, now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException) when (left)
        {
            db.ChangeTracker.Clear();
            return await RecordSuccessAsync(providerName, callback, intentId, together: false, ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return Outcome.Repeated;
        }

        if (problem is not null)
        {
            logger.LogWarning("Money received for intent {Intent} could not be posted: {Problem}", intent.Id, problem);
        }

        return Outcome.Posted;
    }

    /// <summary>
    /// A failed or expired checkout: the intent is marked so once, and a failure is told to the customer. The intent,
    /// its loan, whom the notice goes to and whether its outbox rows exist already come in one round trip.
    /// </summary>
    private async Task<Outcome> RecordFailureAsync(string providerName, ProviderCallback callback, Guid intentId, CancellationToken ct)
    {
        var key = intentId.ToString();
        // A notice's outbox keys name its event, key and channel only, so they are known before its customer is.
        var keyed = FailureNotice(Guid.Empty, intentId, key, []);
        var inApp = keyed.DedupeKey(NoticeChannel.InApp);
        var sms = keyed.DedupeKey(NoticeChannel.Sms);
        var email = keyed.DedupeKey(NoticeChannel.Email);
        var found = await CallbackIntentRead.ForFailureAsync(db, intentId, providerName, (inApp, sms, email), ct).ConfigureAwait(false);
        if (found is null)
        {
            return Outcome.Unknown;
        }

        var intent = found.Intent;
        if (IsMismatch(callback, intent))
        {
            return Outcome.Mismatch;
        }

        if (intent.Status != PaymentIntentStatus.Pending)
        {
            return Outcome.Repeated;
        }

        var now = time.GetUtcNow();
        intent.Status = callback.Outcome == StateWords<PaymentIntentStatus>.Of(PaymentIntentStatus.Expired) ? PaymentIntentStatus.Expired : PaymentIntentStatus.Failed;
        intent.FailureReason = callback.Reason ?? callback.Outcome;
        intent.CompletedAt = now;
        if (intent.Status == PaymentIntentStatus.Failed)
        {
            var loan = OnFile(found.Loan, intent);
            // A failed payment is told; an expired checkout is one the customer left, and they know it.
            var notice = FailureNotice(loan.CustomerId, intent.LoanId, key, new Dictionary<string, object>
            {
                ["loan"] = loan.Reference,
                ["amount"] = intent.Amount,
                ["paidOn"] = Application.Servicing.BusinessDay.Today(time),
            }) with { Currency = loan.Currency };
            var recipients = found.Recipient is { } recipient
                ? new Dictionary<Guid, Recipient> { [loan.CustomerId] = recipient }
                : [];
            string[] taken = [.. new[] { (found.InAppTaken, inApp), (found.SmsTaken, sms), (found.EmailTaken, email) }.Where(t => t.Item1).Select(t => t.Item2)];
            notifier.Raise([notice], recipients, taken);
        }

        await commits.SaveAsync(db, [new AuditEvent($"provider:{providerName}", $"payment.intent.{StateWords<PaymentIntentStatus>.Of(intent.Status)}", "loan", intent.LoanId.ToString(), new { intent.Id, callback.EventId, intent.FailureReason })], now, ct).ConfigureAwait(false);
        return Outcome.Recorded;
    }

    private static Notice FailureNotice(Guid customerId, Guid loanId, string intentKey, Dictionary<string, object> values) =>
        new(NoticeEvent.PaymentFailed, customerId, loanId, intentKey, values);

    private bool IsMismatch(ProviderCallback callback, PaymentIntentRow intent)
    {
        if (callback.Amount == intent.Amount && string.Equals(callback.Currency, intent.Currency, StringComparison.Ordinal))
        {
            return false;
        }

        logger.LogWarning("Callback {Event} for intent {Intent} names another amount; not taken", callback.EventId, intent.Id);
        return true;
    }

    /// <summary>The provider's money for an intent its loan would not take, as an unmatched line in suspense (Dr cash in transit / Cr suspense, through cash clearing).</summary>
    private static void Suspend(DeferredWrite deferred, string providerName, string transactionId, PaymentIntentRow intent, CallbackIntentRead.LoanNames loan, string? payerNameCipher, LoanPosting.Posted posted, Money money, JournalEntry receipt, DateTimeOffset now)
    {
        var reference = $"{providerName}:{transactionId}";
        var note = SuspenseNotes.NotPosted(providerName, loan.Reference, intent.Id, posted);
        deferred.Insert(new StatementLineRow
        {
            Id = Guid.CreateVersion7(now),
            EntryReference = reference,
            Format = "provider",
            BookingDate = receipt.BusinessDate,
            Amount = intent.Amount,
            Currency = intent.Currency,
            IsCredit = true,
            // The loan's customer paid: the name on file, as the bank's lines carry the payer's (encrypted alike).
            PayerNameCipher = payerNameCipher,
            References = $"{loan.Reference} | {intent.Id}",
            Status = StatementLineStatus.Unmatched,
            ImportedBy = $"provider:{providerName}",
            ImportedAt = now,
            Note = note,
        });
        deferred.InsertEntry(LoanBooking.ToRow(BankReconciliation.HouseBook, receipt, now));
        deferred.InsertEntry(LoanBooking.ToRow(BankReconciliation.HouseBook, RailPostings.SuspenseReceipt(receipt.BusinessDate, money, reference), now));
        deferred.Events.Add(new AuditEvent($"provider:{providerName}", "statement.line.unmatched", "loan", intent.LoanId.ToString(), new { EntryReference = reference, intent.Amount, Note = note }));
    }

    private static CallbackIntentRead.LoanNames OnFile(CallbackIntentRead.LoanNames? loan, PaymentIntentRow intent) =>
        loan ?? throw new InvalidOperationException($"the loan of payment intent {intent.Id} is not on file");
}
