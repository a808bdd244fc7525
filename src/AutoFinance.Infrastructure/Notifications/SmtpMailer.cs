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
    /// <summary>One e-mail of a batch.</summary>
    public sealed record Mail(Guid MessageId, string To, string Subject, string Body);

    /// <summary>
    /// Sends the mails over one connection to the server, opened once for them all (a connection per mail cost a
    /// connect and greeting each). The outcome of each, in order: null when the server took it, else why not. A mail
    /// the server refuses leaves the others to go; when the server cannot be reached, the mails not yet sent carry that.
    /// </summary>
    public async Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<Mail> mails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mails);
        var outcomes = new string?[mails.Count];
        if (mails.Count == 0)
        {
            return outcomes;
        }

        using var client = new SmtpClient { Timeout = 15_000 };
        for (var i = 0; i < mails.Count; i++)
        {
            if (!client.IsConnected)
            {
                try
                {
                    await ConnectAsync(client, ct).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Array.Fill(outcomes, e.Message, i, mails.Count - i);
                    return outcomes;
                }
            }

            try
            {
                using var message = Message(mails[i]);
                await client.SendAsync(message, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // A refused recipient leaves the connection usable; a broken one is opened again for the next mail.
                outcomes[i] = e.Message;
            }
        }

        try
        {
            await client.DisconnectAsync(true, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The mails were taken before the goodbye; a server that drops the line at the end loses none of them.
        }

        return outcomes;
    }

    private async Task ConnectAsync(SmtpClient client, CancellationToken ct)
    {
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
    }

    private MimeMessage Message(Mail mail)
    {
        var message = new MimeMessage { MessageId = $"{mail.MessageId:N}@autofinance", Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
