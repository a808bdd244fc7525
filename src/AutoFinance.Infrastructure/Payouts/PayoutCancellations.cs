using AutoFinance.Application.Common;
using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Staff stop a pending payout that has not been carried out: one the provider holds (for its review, say) or never
/// answered, or one of the file channel that no bank file carries yet. A payout at the provider is stopped only when the
/// provider confirms it cancelled it, which also makes it refuse that reference for good, so a request still on its way
/// cannot pay it later; a payout the provider carried out already is left to its callback. Stopped, it fails like any
/// payout: the contract can be paid out again (by the bank file, say), or the refund is owed again.
/// </summary>
public sealed class PayoutCancellations(AutoFinanceDbContext db, PayoutConfirmations confirmations, IPaymentProvider provider, IPlatformAddress platform)
{
    public const string NotPendingCode = "payout.not-pending";
    public const string InFileCode = "payout.in-file";
    public const string CarriedOutCode = "payout.carried-out";

    public sealed record CancelInput(string? Reason);

    /// <summary>The payout, failed as cancelled; a conflict when it is settled, in a bank file or carried out by the provider.</summary>
    /// <exception cref="PaymentProviderException">The provider could not be asked, or did not answer: nothing changed.</exception>
    public async Task<CommandResult<PayoutView>> CancelAsync(Actor actor, Guid payoutId, CancelInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        // What the provider or staff confirmed, kept with the payout's failure reason (300 characters with its prefix).
        if (input.Reason?.Trim() is not { Length: >= 3 and <= 200 } reason)
        {
            return CommandResult<PayoutView>.Invalid("reason", "must say why, in 3 to 200 characters", "field.length",
                new Dictionary<string, string> { ["min"] = "3", ["max"] = "200" });
        }

        var payout = await db.Set<PayoutRow>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == payoutId, ct).ConfigureAwait(false);
        if (payout is null)
        {
            return CommandResult<PayoutView>.NotFound();
        }

        if (payout.Status != PayoutStatus.Pending)
        {
            return CommandResult<PayoutView>.Conflict("only a pending payout can be cancelled", NotPendingCode);
        }

        if (payout.Channel == DealerPayouts.FileChannel)
        {
            if (payout.FileMessageId is not null)
            {
                return CommandResult<PayoutView>.Conflict($"the payout is in bank file {payout.FileMessageId}; only the bank can stop it now", InFileCode);
            }
        }
        else if (Payments.PaymentIntents.CallbackAddress(platform, provider.Name) is var notify
            && await provider.CancelPayoutAsync(payout.Reference, notify, ct).ConfigureAwait(false) == PayoutCancellation.CarriedOut)
        {
            // Still pending here, so its callback has not arrived (lost on the way, say): the provider is asked to send it
            // again, and that signed callback settles the payout, confirmed or failed, as any other.
            var resent = await provider.ResendPayoutNoticeAsync(payout.Reference, notify, ct).ConfigureAwait(false);
            return CommandResult<PayoutView>.Conflict(
                resent
                    ? "the payment provider carried the payout out already; it was asked to send its confirmation again, which settles the payout"
                    : "the payment provider carried the payout out already; its confirmation settles it",
                CarriedOutCode);
        }

        // A file that claimed the payout meanwhile changed its version, so it is not failed here: the bank may pay it.
        var stopped = await confirmations.FailAsync(payoutId, PayoutFailures.Cancelled(reason), actor.AuditName, inFileToo: false, ct).ConfigureAwait(false);
        var after = await db.Set<PayoutRow>().AsNoTracking().FirstAsync(p => p.Id == payoutId, ct).ConfigureAwait(false);
        return stopped == PayoutConfirmations.Outcome.Failed
            ? CommandResult<PayoutView>.Ok(PayoutView.Of(after))
            : CommandResult<PayoutView>.Conflict("the payout changed meanwhile and was not cancelled", after.FileMessageId is null ? NotPendingCode : InFileCode);
    }
}
