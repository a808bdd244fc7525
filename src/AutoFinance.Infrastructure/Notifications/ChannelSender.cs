using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Polly.CircuitBreaker;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// Delivers outbox messages on their channels: texts through the gateway port, a few side by side, and e-mails to the
/// mail server over one connection a batch. The addresses are read from the customers' records (decrypted), or for a
/// dealer's e-mail from the dealer's, at the moment of sending, in one query a batch each, so the outbox holds no
/// personal data and a changed number or address is used as soon as it is on file. The row's id goes with the message, so the gateway drops a retried duplicate.
/// </summary>
public sealed class ChannelSender(AutoFinanceDbContext db, IPersonalDataProtector protector, ISmsGateway sms, SmtpMailer? mailer) : IMessageSender
{
    /// <summary>
    /// Texts in flight at once. Each waits tens of milliseconds on the gateway's answer, and a retried one hundreds:
    /// sent one after the other, a batch's texts took seconds (gateways take far more at once than this).
    /// </summary>
    private const int TextsAtOnce = 64;

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutboxMessageRow> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var outcomes = new SendOutcome[messages.Count];
        Array.Fill(outcomes, SendOutcome.Delivered);
        var customerIds = messages.Where(m => m.CustomerId is not null).Select(m => m.CustomerId!.Value).Distinct().ToList();
        var contacts = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.MobileCipher, c.EmailCipher }).ToDictionaryAsync(c => c.Id, ct).ConfigureAwait(false);
        var dealerIds = messages.Where(m => m.DealerId is not null).Select(m => m.DealerId!.Value).Distinct().ToList();
        Dictionary<Guid, string?> dealerEmails = dealerIds.Count == 0 ? [] : await db.Dealers.AsNoTracking().Where(d => dealerIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Email, ct).ConfigureAwait(false);
        var texts = new List<(int Index, SmsMessage Text)>();
        var mails = new List<(int Index, SmtpMailer.Mail Mail)>();
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message.DealerId is { } dealerId)
            {
                outcomes[i] = ToDealer(message, dealerEmails.GetValueOrDefault(dealerId), mails, i);
                continue;
            }

            var contact = message.CustomerId is { } id ? contacts.GetValueOrDefault(id) : null;
            if (contact is null)
            {
                outcomes[i] = SendOutcome.Failed("the message has no customer on file to send to");
                continue;
            }

            try
            {
                switch (message.Channel)
                {
                    case "sms":
                        texts.Add((i, new SmsMessage(message.Id, protector.Unprotect(contact.MobileCipher), message.Body)));
                        break;
                    case "email" when mailer is null:
                        outcomes[i] = SendOutcome.Failed("e-mail is switched off (no Notifications:Smtp:Host)");
                        break;
                    case "email" when contact.EmailCipher is null:
                        outcomes[i] = SendOutcome.Failed("the customer has no e-mail address on file");
                        break;
                    case "email":
                        mails.Add((i, new SmtpMailer.Mail(message.Id, protector.Unprotect(contact.EmailCipher), message.Subject ?? message.Template, message.Body)));
                        break;
                    default:
                        outcomes[i] = SendOutcome.Failed($"no sender for the {message.Channel} channel");
                        break;
                }
            }
#pragma warning disable CA1031 // An address that cannot be read fails its own message only.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                outcomes[i] = SendOutcome.Failed(e.Message);
            }
        }

        await Task.WhenAll(SendTextsAsync(texts, outcomes, ct), SendMailsAsync(mails, outcomes, ct)).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>A dealer is written to by e-mail only (its texts go to its inbox): the mail queued, or why not.</summary>
    private SendOutcome ToDealer(OutboxMessageRow message, string? email, List<(int Index, SmtpMailer.Mail Mail)> mails, int index)
    {
        switch (message.Channel)
        {
            case "email" when mailer is null:
                return SendOutcome.Failed("e-mail is switched off (no Notifications:Smtp:Host)");
            case "email" when email is null:
                return SendOutcome.Failed("the dealer has no e-mail address on file");
            case "email":
                mails.Add((index, new SmtpMailer.Mail(message.Id, email, message.Subject ?? message.Template, message.Body)));
                return SendOutcome.Delivered;
            default:
                return SendOutcome.Failed($"no sender for a dealer's {message.Channel} message");
        }
    }

    private async Task SendTextsAsync(List<(int Index, SmsMessage Text)> texts, SendOutcome[] outcomes, CancellationToken ct) =>
        await Parallel.ForEachAsync(texts, new ParallelOptions { MaxDegreeOfParallelism = TextsAtOnce, CancellationToken = ct }, async (text, token) =>
        {
            try
            {
                await sms.SendAsync(text.Text, token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever stopped one text fails that text only; the batch's others go.
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
#pragma warning restore CA1031
            {
                // A gateway the circuit breaker rests was not called: the text keeps its attempts for the next run.
                outcomes[text.Index] = e.InnerException is BrokenCircuitException ? SendOutcome.NotTried(e.Message) : SendOutcome.Failed(e.Message);
            }
        }).ConfigureAwait(false);

    private async Task SendMailsAsync(List<(int Index, SmtpMailer.Mail Mail)> mails, SendOutcome[] outcomes, CancellationToken ct)
    {
        if (mails.Count == 0)
        {
            return;
        }

        var sent = await mailer!.SendAsync([.. mails.Select(m => m.Mail)], ct).ConfigureAwait(false);
        for (var i = 0; i < mails.Count; i++)
        {
            outcomes[mails[i].Index] = sent[i] is { } error ? SendOutcome.Failed(error) : SendOutcome.Delivered;
        }
    }
}
