using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Tells the dealer that a payout to it failed or came back: which application, contract and customer (the ID as
/// masked on file), the amount, why in plain words (<see cref="PayoutReasonWords"/>), and what to do — give a new
/// settlement account when the account is at fault, else nothing, the lender pays again. The notice goes to the
/// dealer's inbox (the outbox's in-app channel, read by the dealer's users) and, when the dealer has an e-mail on file
/// and e-mail is on, to that address too; both in the dealer's language. They are added to the caller's unit of work,
/// saved with the payout's change, and keyed by the payout and the channel: one of each per failure or return however
/// often the provider or the bank says it. The address is read when the e-mail is sent, so the outbox holds none.
/// </summary>
public sealed class DealerPayoutNotices(AutoFinanceDbContext db, NotificationOptions options)
{
    private static readonly NoticeText NewAccount = new(
        "问题出在您的收款账户，用同一账户重新付款仍会失败。请联系贷款机构更换结算账户（经双人复核后生效），之后会重新付款。",
        "The problem is your receiving account, so paying the same account again would fail. Ask the lender to change your settlement account (a second person approves it); the payout is then made again.");

    private static readonly NoticeText NothingToDo = new("您无需做什么，贷款机构核对后会重新付款。", "Nothing to do: the lender will check and pay it again.");

    /// <summary>
    /// Adds the notice of <paramref name="payout"/>'s failure or return, just marked so in this context. Nothing for a
    /// refund (the customer's), for a payout staff cancelled (the lender stopped it to pay it another way), or for a
    /// contract without a dealer.
    /// </summary>
    public async Task RaiseAsync(PayoutRow payout, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(payout);
        if (payout.Purpose == PayoutPurpose.Refund || payout.FailureReason is not { } reason
            || PayoutFailures.Read(reason) is not { Kind: not PayoutFailures.Kind.Cancelled } reading)
        {
            return;
        }

        var about = await (
            from c in db.Contracts.AsNoTracking()
            where c.Id == payout.ContractId
            join a in db.Applications.AsNoTracking() on c.ApplicationId equals a.Id
            join customer in db.Customers.AsNoTracking() on a.CustomerId equals customer.Id
            join dealer in db.Dealers.AsNoTracking() on a.DealerId equals dealer.Id
            select new { Contract = c.Reference, Application = a.Reference, DealerId = dealer.Id, a.CustomerId, customer.NationalIdMasked, HasEmail = dealer.Email != null, dealer.Language })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (about is null)
        {
            return;
        }

        var notice = new Notice(payout.Status == PayoutStatus.Returned ? NoticeEvent.DealerPayoutReturned : NoticeEvent.DealerPayoutFailed, about.CustomerId, null, payout.Id.ToString(),
            new Dictionary<string, object>
            {
                ["application"] = about.Application,
                ["contract"] = about.Contract,
                ["customer"] = about.NationalIdMasked,
                ["amount"] = payout.Amount,
                ["reason"] = PayoutReasonWords.Describe(reading),
                ["action"] = PayoutFailures.PayeeAccountAtFault(reading) ? NewAccount : NothingToDo,
            }) { Currency = payout.Currency };
        // A failure told before (on either channel) is told nothing more: an address put on file since then does not
        // bring an old failure's e-mail with a repeated callback.
        var keys = new[] { NoticeChannel.InApp, NoticeChannel.Email }.Select(notice.DedupeKey).ToList();
        if (db.Outbox.Local.Any(m => keys.Contains(m.DedupeKey)) || await db.Outbox.AsNoTracking().AnyAsync(m => keys.Contains(m.DedupeKey), ct).ConfigureAwait(false))
        {
            return;
        }

        NoticeChannel[] channels = about.HasEmail && options.EmailEnabled ? [NoticeChannel.InApp, NoticeChannel.Email] : [NoticeChannel.InApp];
        foreach (var channel in channels)
        {
            var rendered = NoticeTemplateFiles.All.Render(notice, channel, about.Language);
            db.Outbox.Add(new OutboxMessageRow
            {
                Id = Guid.CreateVersion7(now),
                DedupeKey = notice.DedupeKey(channel),
                DealerId = about.DealerId,
                Channel = channel.ToName(),
                Language = rendered.Language,
                Template = notice.Event.ToName(),
                TemplateVersion = rendered.TemplateVersion,
                Purpose = notice.Event.PurposeOf().ToName(),
                Subject = rendered.Subject,
                Body = channel == NoticeChannel.InApp ? $"{rendered.Subject}\n{rendered.Text}" : rendered.Text,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
