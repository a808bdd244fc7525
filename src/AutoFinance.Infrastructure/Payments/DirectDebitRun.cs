using System.Security.Cryptography;
using System.Text;
using AutoFinance.Application.Payments;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// A business day's direct debits: for each active loan whose customer has an active mandate, what has fallen due
/// (net of held credit) is asked of the provider on the due date, and again on the retry days after it (D+1 and D+3
/// unless configured) while it stays unpaid. Each request is a pending intent; the provider's signed callback posts the
/// money or marks it failed (<see cref="PaymentCallbacks"/>), and what stays unpaid is left to collections. Running a
/// day twice asks nothing twice: a loan's request for a date has a fixed id. A request whose answer was lost stays
/// pending, since the provider may have taken it (asking anew would debit the customer twice), and each run first sends
/// such requests again under their own reference, which the provider answers once.
/// </summary>
public sealed class DirectDebitRun(AutoFinanceDbContext db, IPaymentProvider provider, IPlatformAddress platform, DirectDebitOptions options, TimeProvider time, ILogger<DirectDebitRun> logger)
{
    public const string DebitKind = "debit";

    public sealed record Result(DateOnly BusinessDate, int Requested, decimal Amount, int AlreadyRequested, int Unreachable)
    {
        /// <summary>Sent, but the provider's answer was lost: pending until its callback or the next run.</summary>
        public int Unanswered { get; init; }

        /// <summary>Unanswered requests of earlier runs sent again: taken now (or found taken), still unanswered, refused.</summary>
        public ResendRound.Tally SentAgain { get; init; } = new(0, 0, 0);
    }

    public async Task<Result> RunAsync(DateOnly businessDate, CancellationToken ct)
    {
        var sentAgain = await SendUnansweredAgainAsync(businessDate, ct).ConfigureAwait(false);
        var mandates = (await db.Set<MandateRow>().AsNoTracking().Where(m => m.Status == MandateStatus.Active).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(m => m.CustomerId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.ConsentedAt)!);
        var customers = mandates.Keys.ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active && customers.Contains(l.CustomerId)).ToListAsync(ct).ConfigureAwait(false);
        var ids = loans.Select(l => l.Id).ToList();
        var (installments, owed) = await OwedAsync(ids, businessDate, ct).ConfigureAwait(false);
        var pending = (await db.Set<PaymentIntentRow>().AsNoTracking().Where(i => ids.Contains(i.LoanId) && i.Kind == DebitKind && i.Status == PaymentIntentStatus.Pending)
            .Select(i => i.LoanId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        // The requests this day would make, and those a run of the same day already made, read once.
        var requestIds = loans.ToDictionary(l => l.Id, l => RequestId(l.Id, businessDate));
        var wanted = requestIds.Values.Select(id => (Guid?)id).ToList();
        var asked = (await db.Set<PaymentIntentRow>().AsNoTracking().Where(i => wanted.Contains(i.DebitRequestId))
            .Select(i => i.DebitRequestId!.Value).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        int requested = 0, already = 0, unreachable = 0, unanswered = 0;
        var total = 0m;
        foreach (var loan in loans)
        {
            var dueDates = installments[loan.Id].Where(i => !i.IsPaid).Select(i => i.DueDate).ToList();
            var amount = owed[loan.Id];
            if (amount <= 0 || pending.Contains(loan.Id) || !dueDates.Any(d => IsAttemptDay(d, businessDate)))
            {
                continue;
            }

            var requestId = requestIds[loan.Id];
            if (asked.Contains(requestId))
            {
                already++;
                continue;
            }

            switch (await RequestAsync(loan, mandates[loan.CustomerId], amount, requestId, ct).ConfigureAwait(false))
            {
                case InstructionOutcome.Taken:
                    requested++;
                    total += amount;
                    break;
                case InstructionOutcome.Unanswered:
                    unanswered++;
                    break;
                case null:
                    already++;
                    break;
                default:
                    unreachable++;
                    break;
            }
        }

        return new Result(businessDate, requested, total, already, unreachable) { Unanswered = unanswered, SentAgain = sentAgain };
    }

    /// <summary>What each loan has fallen due by the day and not paid, net of the credit it holds: what a debit asks for.</summary>
    private async Task<(ILookup<Guid, InstallmentRow> Installments, Dictionary<Guid, decimal> Owed)> OwedAsync(List<Guid> ids, DateOnly businessDate, CancellationToken ct)
    {
        var installments = (await db.Installments.AsNoTracking().Where(i => ids.Contains(i.LoanId) && i.DueDate <= businessDate).ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
        var held = await CustomerCredit.HeldAsync(db, ids, ct).ConfigureAwait(false);
        return (installments, ids.ToDictionary(id => id, id => InstallmentBook.Owing(installments[id], businessDate).Sum(o => o.Total) - held.GetValueOrDefault(id).Credit));
    }

    /// <summary>
    /// Requests of earlier runs still pending without the provider's id, sent again as they were, under the mandate they
    /// were asked under. One the customer no longer owes (the loan closed, or paid otherwise meanwhile) or whose mandate
    /// they revoked is not sent again, which could charge them for nothing: it fails, and should the provider have taken
    /// it after all, its callback still posts the money (any surplus held for the customer, as for any payment).
    /// </summary>
    private async Task<ResendRound.Tally> SendUnansweredAgainAsync(DateOnly businessDate, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var waiting = await db.Set<PaymentIntentRow>().AsNoTracking().Where(PaymentIntentRow.UnansweredDebit)
            .Where(i => i.Provider == provider.Name && i.CreatedAt < started).OrderBy(i => i.CreatedAt).Take(ResendRound.Batch).ToListAsync(ct).ConfigureAwait(false);
        if (waiting.Count == 0)
        {
            return new(0, 0, 0);
        }

        var loanIds = waiting.Select(i => i.LoanId).Distinct().ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => loanIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct).ConfigureAwait(false);
        var customerIds = loans.Values.Select(l => l.CustomerId).Distinct().ToList();
        var mandates = (await db.Set<MandateRow>().AsNoTracking().Where(m => customerIds.Contains(m.CustomerId)).ToListAsync(ct).ConfigureAwait(false)).ToLookup(m => m.CustomerId);
        var (_, owed) = await OwedAsync(loanIds, businessDate, ct).ConfigureAwait(false);
        return await ResendRound.SendAsync(waiting, async intent =>
        {
            var loan = loans[intent.LoanId];
            var mandate = mandates[loan.CustomerId].Where(m => ActiveAt(m, intent.CreatedAt)).MaxBy(m => m.ConsentedAt);
            if (mandate is not { Status: MandateStatus.Active } || loan.Status != LoanStatus.Active || owed[loan.Id] < intent.Amount)
            {
                await FailAsync(intent.Id, mandate is { Status: MandateStatus.Active } ? "no-longer-owed" : "mandate-revoked", ct).ConfigureAwait(false);
                return InstructionOutcome.Failed;
            }

            return await SendAsync(intent, loan, mandate, again: true, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The mandates a run at <paramref name="moment"/> could choose from: consented by then and not yet revoked.</summary>
    private static bool ActiveAt(MandateRow mandate, DateTimeOffset moment) =>
        mandate.ConsentedAt <= moment && (mandate.RevokedAt is null || mandate.RevokedAt > moment);

    /// <summary>The due date itself, and each configured retry day after it.</summary>
    private bool IsAttemptDay(DateOnly dueDate, DateOnly businessDate)
    {
        var late = businessDate.DayNumber - dueDate.DayNumber;
        return late == 0 || options.RetryDays.Contains(late);
    }

    /// <summary>Stores the request and sends it; null when another run of the same day stored it first (that run sends it).</summary>
    private async Task<InstructionOutcome?> RequestAsync(LoanRow loan, MandateRow mandate, decimal amount, Guid requestId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var intent = new PaymentIntentRow
        {
            Id = Guid.CreateVersion7(now),
            LoanId = loan.Id,
            Kind = DebitKind,
            Amount = amount,
            Currency = loan.Currency,
            Surplus = "hold",
            Provider = provider.Name,
            CreatedBy = "system:direct-debit",
            DebitRequestId = requestId,
            CreatedAt = now,
        };
        db.Set<PaymentIntentRow>().Add(intent);
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e, nameof(PaymentIntentRow.DebitRequestId)))
        {
            // Two runs of one day at once (a slot made up while staff run the job): the request id is unique, so only
            // one of them asks the provider.
            db.ChangeTracker.Clear();
            return null;
        }

        db.ChangeTracker.Clear();
        return await SendAsync(intent, loan, mandate, again: false, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the provider for a stored debit and keeps its id. A refusal, or a provider not reached the first time, fails
    /// the debit: nothing was charged, and the next retry day asks again. A lost answer fails nothing (see the class).
    /// </summary>
    private async Task<InstructionOutcome> SendAsync(PaymentIntentRow intent, LoanRow loan, MandateRow mandate, bool again, CancellationToken ct)
    {
        var actor = again ? "system:direct-debit-resend" : "system:direct-debit";
        try
        {
            var debit = await provider.CreateDebitAsync(new DebitOrder(intent.Id.ToString(), mandate.MandateReference, intent.Amount, intent.Currency, PaymentIntents.CallbackAddress(platform, provider.Name)), ct).ConfigureAwait(false);
            // The callback may already have settled the debit: only the provider's id is written, never over its outcome.
            await db.Set<PaymentIntentRow>().Where(i => i.Id == intent.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ProviderObjectId, debit.InstructionId), ct).ConfigureAwait(false);
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor, again ? "payment.debit.resent" : "payment.debit.requested", "loan", loan.Id.ToString(), new { intent.Id, intent.Amount, mandate.MaskedCard })],
                time.GetUtcNow(), ct).ConfigureAwait(false);
            return InstructionOutcome.Taken;
        }
        catch (PaymentProviderException e) when (e.MayHoldIt(again))
        {
            logger.LogWarning("Direct debit {Intent} for loan {Loan} got no answer from the provider; it stays pending and is sent again under the same reference: {Problem}", intent.Id, loan.Id, e.Message);
            if (!again)
            {
                await AuditLog.SaveWithAsync(db, [new AuditEvent($"provider:{provider.Name}", "payment.debit.unanswered", "loan", loan.Id.ToString(), new { intent.Id, intent.Amount, Problem = e.Message })],
                    time.GetUtcNow(), ct).ConfigureAwait(false);
            }

            return InstructionOutcome.Unanswered;
        }
        catch (PaymentProviderException e)
        {
            logger.LogWarning(e, "Direct debit {Intent} for loan {Loan} not taken by the provider", intent.Id, loan.Id);
            await FailAsync(intent.Id, again ? "provider-refused" : "provider-unavailable", ct).ConfigureAwait(false);
            return InstructionOutcome.Failed;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Fails a debit still pending (a callback may have settled it meanwhile), so the next retry day may ask again.</summary>
    private Task FailAsync(Guid intentId, string reason, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Set<PaymentIntentRow>().Where(i => i.Id == intentId && i.Status == PaymentIntentStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, PaymentIntentStatus.Failed).SetProperty(i => i.FailureReason, reason).SetProperty(i => i.CompletedAt, now), ct);
    }

    /// <summary>One id per loan and business date, so a day run twice asks the provider once.</summary>
    private static Guid RequestId(Guid loanId, DateOnly businessDate) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"direct-debit|{loanId}|{businessDate:yyyy-MM-dd}")).AsSpan(0, 16));
}

/// <summary>When failed direct debits are asked again: days after the due date.</summary>
public sealed class DirectDebitOptions
{
    public IReadOnlyList<int> RetryDays { get; set; } = [1, 3];
}
