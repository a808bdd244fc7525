using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// Sends e-mail over SMTP with MailKit. The message id is the outbox row's, so a mail server or client that sees the
/// same message twice (a retry after a lost answer) can tell it is one message.
/// </summary>
public sealed class SmtpMailer(SmtpSettings settings)
{
    public async Task SendAsync(Guid messageId, string to, string subject, string body, CancellationToken ct)
    {
        using var message = new MimeMessage();
        message.MessageId = $"{messageId:N}@autofinance";
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient { Timeout = 15_000 };
        var security = settings.Security switch
        {
            "tls" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(settings.Host, settings.Port, security, ct).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(settings.User))
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct).ConfigureAwait(false);
        }

        await client.SendAsync(message, ct).ConfigureAwait(false);
        await client.DisconnectAsync(true, ct).ConfigureAwait(false);
    }
}
