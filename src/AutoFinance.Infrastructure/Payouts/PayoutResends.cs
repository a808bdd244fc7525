using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Payouts the provider never answered: pending through the provider without its id, because the answer was lost
/// (<see cref="PayoutConfirmations.Instruction.Unanswered"/>) or the platform stopped between storing the payout and
/// sending it. Each is sent again under its own reference, which the provider answers with the payout it already took
/// or takes now: never a second payment. A refusal now fails it; no answer again leaves it for the next run, and three
/// in a row end the run.
/// </summary>
public sealed class PayoutResends(AutoFinanceDbContext db, PayoutConfirmations confirmations, IPaymentProvider provider, IPlatformAddress platform, IPersonalDataProtector protector, TimeProvider time)
{
    /// <summary>Payouts looked at in one run, oldest first.</summary>
    private const int Batch = 500;

    /// <summary>
    /// Unanswered again this many times in a row, the provider is taken to be down and the run ends: each request may
    /// wait out the client's whole timeout, and the next run asks again.
    /// </summary>
    private const int UnansweredInARow = 3;

    public sealed record Run(int Taken, int Unanswered, int Failed);

    /// <summary>Sends again each payout left unanswered for at least <paramref name="unansweredFor"/> (an instruction still on its way is not sent twice at once).</summary>
    public async Task<Run> RunAsync(TimeSpan unansweredFor, CancellationToken ct)
    {
        var before = time.GetUtcNow() - unansweredFor;
        var waiting = await db.Set<PayoutRow>().AsNoTracking()
            .Where(PayoutRow.Unanswered).Where(p => p.Provider == provider.Name && p.CreatedAt <= before)
            .OrderBy(p => p.CreatedAt).Take(Batch).ToListAsync(ct).ConfigureAwait(false);
        var notifyUrl = Payments.PaymentIntents.CallbackAddress(platform, provider.Name);
        int taken = 0, unanswered = 0, failed = 0, inARow = 0;
        foreach (var payout in waiting)
        {
            if (inARow == UnansweredInARow)
            {
                unanswered += waiting.Count - taken - unanswered - failed;
                break;
            }

            var account = payout.MandateReference is null ? protector.Unprotect(payout.AccountNumberCipher) : null;
            switch (await confirmations.InstructAtProviderAsync(provider, notifyUrl, payout, account, again: true, ct).ConfigureAwait(false))
            {
                case PayoutConfirmations.Instruction.Taken:
                    taken++;
                    inARow = 0;
                    break;
                case PayoutConfirmations.Instruction.Unanswered:
                    unanswered++;
                    inARow++;
                    break;
                default:
                    failed++;
                    inARow = 0;
                    break;
            }
        }

        return new Run(taken, unanswered, failed);
    }
}
