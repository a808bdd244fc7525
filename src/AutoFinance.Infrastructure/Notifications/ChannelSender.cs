using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// Delivers an outbox message on its channel: an SMS through the gateway port, an e-mail through the mail server.
/// The address is read from the customer's record (decrypted) at the moment of sending, so the outbox holds no
/// personal data and a changed number is used as soon as it is on file. The row's id goes with the message, so the
/// gateway drops a retried duplicate.
/// </summary>
public sealed class ChannelSender(AutoFinanceDbContext db, IPersonalDataProtector protector, ISmsGateway sms, SmtpMailer? mailer) : IMessageSender
{
    public async Task SendAsync(OutboxMessageRow message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var customer = message.CustomerId is { } id
            ? await db.Customers.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.MobileCipher, c.EmailCipher }).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : null;
        if (customer is null)
        {
            throw new InvalidOperationException("the message has no customer on file to send to");
        }

        switch (message.Channel)
        {
            case "sms":
                await sms.SendAsync(new SmsMessage(message.Id, protector.Unprotect(customer.MobileCipher), message.Body), ct).ConfigureAwait(false);
                break;
            case "email" when mailer is null:
                throw new InvalidOperationException("e-mail is switched off (no Notifications:Smtp:Host)");
            case "email" when customer.EmailCipher is null:
                throw new InvalidOperationException("the customer has no e-mail address on file");
            case "email":
                await mailer.SendAsync(message.Id, protector.Unprotect(customer.EmailCipher), message.Subject ?? message.Template, message.Body, ct).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"no sender for the {message.Channel} channel");
        }
    }
}
