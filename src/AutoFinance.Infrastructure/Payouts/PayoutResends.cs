using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Payouts the provider never answered: pending through the provider without its id, because the answer was lost
/// (<see cref="PayoutConfirmations.Instruction.Unanswered"/>) or the platform stopped between storing the payout and
/// sending it. Each is sent again under its own reference, which the provider answers with the payout it already took
/// or takes now: never a second payment. A refusal now fails it; no answer again leaves it for the next run.
/// </summary>
public sealed class PayoutResends(AutoFinanceDbContext db, PayoutConfirmations confirmations, IPaymentProvider provider, IPlatformAddress platform, IPersonalDataProtector protector, TimeProvider time)
{
    /// <summary>Payouts looked at in one run, oldest first.</summary>
    private const int Batch = 500;

    public sealed record Run(int Taken, int Unanswered, int Failed);

    /// <summary>Sends again each payout left unanswered for at least <paramref name="unansweredFor"/> (an instruction still on its way is not sent twice at once).</summary>
    public async Task<Run> RunAsync(TimeSpan unansweredFor, CancellationToken ct)
    {
        var before = time.GetUtcNow() - unansweredFor;
        var waiting = await db.Set<PayoutRow>().AsNoTracking()
            .Where(p => p.Status == PayoutStatus.Pending && p.Channel == DealerPayouts.ProviderChannel && p.Provider == provider.Name && p.ProviderObjectId == null && p.CreatedAt <= before)
            .OrderBy(p => p.CreatedAt).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
        var notifyUrl = Payments.PaymentIntents.CallbackAddress(platform, provider.Name);
        int taken = 0, unanswered = 0, failed = 0;
        foreach (var payout in waiting)
        {
            var account = payout.MandateReference is null ? protector.Unprotect(payout.AccountNumberCipher) : null;
            switch (await confirmations.InstructAtProviderAsync(provider, notifyUrl, payout, account, again: true, ct).ConfigureAwait(false))
            {
                case PayoutConfirmations.Instruction.Taken:
                    taken++;
                    break;
                case PayoutConfirmations.Instruction.Unanswered:
                    unanswered++;
                    break;
                default:
                    failed++;
                    break;
            }
        }

        return new Run(taken, unanswered, failed);
    }
}
