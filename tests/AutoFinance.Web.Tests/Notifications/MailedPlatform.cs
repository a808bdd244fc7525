using AutoFinance.Web.Tests.Servicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Notifications;

/// <summary>A platform with a movable clock whose e-mail goes to a mail server in the test process.</summary>
public interface IMailedPlatform : IClockedPlatform
{
    SmtpInbox Mail { get; }
}

/// <summary>The platform on SQLite, clocked and mailed.</summary>
public sealed class MailedPlatform : SqlitePlatform, IMailedPlatform, IDisposable
{
    public MovableClock Clock { get; } = MovableClock.Start();

    public SmtpInbox Mail { get; } = SmtpInbox.Start();

    protected override IEnumerable<string> Arguments => Mailed.Arguments(Mail);

    public void Dispose() => Mail.Dispose();

    protected override void Configure(WebApplicationBuilder builder) => Mailed.UseClock(builder, Clock);
}

/// <summary>The platform on PostgreSQL, clocked and mailed.</summary>
public sealed class MailedPostgresPlatform : PostgresPlatform, IMailedPlatform, IDisposable
{
    public MovableClock Clock { get; } = MovableClock.Start();

    public SmtpInbox Mail { get; } = SmtpInbox.Start();

    protected override IEnumerable<string> Arguments => Mailed.Arguments(Mail);

    public void Dispose() => Mail.Dispose();

    protected override void Configure(WebApplicationBuilder builder) => Mailed.UseClock(builder, Clock);
}

internal static class Mailed
{
    public static string[] Arguments(SmtpInbox mail) =>
        ["--Notifications:Smtp:Host=127.0.0.1", $"--Notifications:Smtp:Port={mail.Port}", "--Notifications:Smtp:From=AutoFinance <notices@autofinance.test>"];

    public static void UseClock(WebApplicationBuilder builder, MovableClock clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(clock);
    }
}
