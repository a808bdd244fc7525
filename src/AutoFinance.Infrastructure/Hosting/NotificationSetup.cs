using System.Globalization;
using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Hosting;

/// <summary>Registers notices: the options from <c>Notifications:*</c>, the notifier, the channel senders and the preferences.</summary>
public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = Options(configuration);
        services.AddSingleton(options);
        if (options.Smtp is { } smtp)
        {
            services.AddSingleton(new SmtpMailer(smtp));
        }

        services.AddScoped<Notifier>();
        services.AddScoped<NotificationPreferencesService>();
        services.AddScoped<SmsReplies>();
        services.AddScoped<IMessageSender>(sp => new ChannelSender(
            sp.GetRequiredService<Persistence.AutoFinanceDbContext>(),
            sp.GetRequiredService<Application.Security.IPersonalDataProtector>(),
            sp.GetRequiredService<Application.Verification.ISmsGateway>(),
            sp.GetService<SmtpMailer>()));
        return services;
    }

    public static NotificationOptions Options(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var quiet = configuration.GetSection("Notifications:QuietHours");
        var hours = new QuietHours(
            Time(quiet["Start"], QuietHours.Default.Start),
            Time(quiet["End"], QuietHours.Default.End),
            quiet["UtcOffset"] is { Length: > 0 } offset ? TimeSpan.Parse(offset, CultureInfo.InvariantCulture) : QuietHours.Default.UtcOffset);
        var smtp = configuration.GetSection("Notifications:Smtp");
        var host = smtp["Host"];
        return new NotificationOptions
        {
            QuietHours = hours,
            Smtp = string.IsNullOrWhiteSpace(host) ? null : new SmtpSettings(
                host.Trim(),
                smtp.GetValue("Port", 25),
                smtp["From"] ?? "AutoFinance <noreply@autofinance.local>",
                smtp["User"],
                smtp["Password"],
                (smtp["Security"] ?? "none").Trim().ToLowerInvariant()),
        };
    }

    private static TimeOnly Time(string? text, TimeOnly fallback) =>
        string.IsNullOrWhiteSpace(text) ? fallback : TimeOnly.Parse(text, CultureInfo.InvariantCulture);
}
