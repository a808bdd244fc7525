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
/// day twice asks nothing twice: a loan's request for a date has a fixed id.
/// </summary>
public sealed class DirectDebitRun(AutoFinanceDbContext db, IPaymentProvider provider, IPlatformAddress platform, DirectDebitOptions options, TimeProvider time, ILogger<DirectDebitRun> logger)
{
    public const string DebitKind = "debit";

    public sealed record Result(DateOnly BusinessDate, int Requested, decimal Amount, int AlreadyRequested, int Unreachable);

    public async Task<Result> RunAsync(DateOnly businessDate, CancellationToken ct)
    {
        var mandates = (await db.Set<MandateRow>().AsNoTracking().Where(m => m.Status == MandateStatus.Active).ToListAsync(ct).ConfigureAwait(false))
            .GroupBy(m => m.CustomerId).ToDictionary(g => g.Key, g => g.MaxBy(m => m.ConsentedAt)!);
        var customers = mandates.Keys.ToList();
        var loans = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active && customers.Contains(l.CustomerId)).ToListAsync(ct).ConfigureAwait(false);
        var ids = loans.Select(l => l.Id).ToList();
        var installments = (await db.Installments.AsNoTracking().Where(i => ids.Contains(i.LoanId) && i.DueDate <= businessDate).ToListAsync(ct).ConfigureAwait(false)).ToLookup(i => i.LoanId);
        var held = await CustomerCredit.HeldAsync(db, ids, ct).ConfigureAwait(false);
        var pending = (await db.Set<PaymentIntentRow>().AsNoTracking().Where(i => ids.Contains(i.LoanId) && i.Kind == DebitKind && i.Status == PaymentIntentStatus.Pending)
            .Select(i => i.LoanId).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        // The requests this day would make, and those a run of the same day already made, read once.
        var requestIds = loans.ToDictionary(l => l.Id, l => RequestId(l.Id, businessDate));
        var wanted = requestIds.Values.Select(id => (Guid?)id).ToList();
        var asked = (await db.Set<PaymentIntentRow>().AsNoTracking().Where(i => wanted.Contains(i.DebitRequestId))
            .Select(i => i.DebitRequestId!.Value).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
        int requested = 0, already = 0, unreachable = 0;
        var total = 0m;
        foreach (var loan in loans)
        {
            var owing = InstallmentBook.Owing(installments[loan.Id], businessDate).ToList();
            var dueDates = installments[loan.Id].Where(i => !i.IsPaid).Select(i => i.DueDate).ToList();
            var amount = owing.Sum(o => o.Total) - held.GetValueOrDefault(loan.Id).Credit;
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

            if (await RequestAsync(loan, mandates[loan.CustomerId], amount, requestId, ct).ConfigureAwait(false))
            {
                requested++;
                total += amount;
            }
            else
            {
                unreachable++;
            }
        }

        return new Result(businessDate, requested, total, already, unreachable);
    }

    /// <summary>The due date itself, and each configured retry day after it.</summary>
    private bool IsAttemptDay(DateOnly dueDate, DateOnly businessDate)
    {
        var late = businessDate.DayNumber - dueDate.DayNumber;
        return late == 0 || options.RetryDays.Contains(late);
    }

    private async Task<bool> RequestAsync(LoanRow loan, MandateRow mandate, decimal amount, Guid requestId, CancellationToken ct)
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
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        try
        {
            var debit = await provider.CreateDebitAsync(new DebitOrder(intent.Id.ToString(), mandate.MandateReference, amount, loan.Currency, PaymentIntents.CallbackAddress(platform, provider.Name)), ct).ConfigureAwait(false);
            intent.ProviderObjectId = debit.InstructionId;
            await AuditLog.SaveWithAsync(db, [new AuditEvent("system:direct-debit", "payment.debit.requested", "loan", loan.Id.ToString(), new { intent.Id, amount, mandate.MaskedCard })], now, ct).ConfigureAwait(false);
            return true;
        }
        catch (PaymentProviderException e)
        {
            // The provider did not take it: the attempt is recorded as failed so the next retry day asks again.
            logger.LogWarning(e, "Direct debit for loan {Loan} not taken by the provider", loan.Id);
            intent.Status = PaymentIntentStatus.Failed;
            intent.FailureReason = "provider-unavailable";
            intent.CompletedAt = now;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
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
