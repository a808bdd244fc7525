using AutoFinance.Infrastructure.Notifications;

namespace AutoFinance.Web.Hosting;

/// <summary>Says at start whether e-mail notices go out, and through which server, so a missing mail server is noticed, not guessed at.</summary>
public sealed partial class MailSettingsReport(NotificationOptions notifications, ILogger<MailSettingsReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (notifications.Smtp is { } smtp)
        {
            EmailOn(logger, smtp.Host, smtp.Port);
        }
        else
        {
            EmailOff(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail notices are switched off: no mail server is configured (set Notifications:Smtp:Host, and Port, From, User, Password, Security); notices go to the inbox and by SMS only")]
    private static partial void EmailOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail notices go out through the mail server at {Host}:{Port}")]
    private static partial void EmailOn(ILogger logger, string host, int port);
}
