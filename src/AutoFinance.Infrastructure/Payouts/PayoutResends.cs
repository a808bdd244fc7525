using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Payouts the provider never answered: pending through the provider without its id, because the answer was lost
/// (<see cref="InstructionOutcome.Unanswered"/>) or the platform stopped between storing the payout and
/// sending it. Each is sent again under its own reference, which the provider answers with the payout it already took
/// or takes now: never a second payment. A refusal now fails it; no answer again leaves it for the next run
/// (<see cref="ResendRound"/>).
/// </summary>
public sealed class PayoutResends(AutoFinanceDbContext db, PayoutConfirmations confirmations, IPaymentProvider provider, IPlatformAddress platform, IPersonalDataProtector protector, TimeProvider time)
{
    /// <summary>Sends again each payout left unanswered for at least <paramref name="unansweredFor"/> (an instruction still on its way is not sent twice at once).</summary>
    public async Task<ResendRound.Tally> RunAsync(TimeSpan unansweredFor, CancellationToken ct)
    {
        var before = time.GetUtcNow() - unansweredFor;
        var waiting = await db.Set<PayoutRow>().AsNoTracking()
            .Where(PayoutRow.Unanswered).Where(p => p.Provider == provider.Name && p.CreatedAt <= before)
            .OrderBy(p => p.CreatedAt).Take(ResendRound.Batch).ToListAsync(ct).ConfigureAwait(false);
        var notifyUrl = Payments.PaymentIntents.CallbackAddress(platform, provider.Name);
        return await ResendRound.SendAsync(waiting, payout =>
        {
            var account = payout.MandateReference is null ? protector.Unprotect(payout.AccountNumberCipher) : null;
            return confirmations.InstructAtProviderAsync(provider, notifyUrl, payout, account, again: true, ct);
        }).ConfigureAwait(false);
    }
}
