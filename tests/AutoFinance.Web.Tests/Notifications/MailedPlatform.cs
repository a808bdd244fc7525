using AutoFinance.Web.Tests.Servicing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Notifications;

/// <summary>The platform on SQLite with a movable clock and e-mail going to a mail server in the test process.</summary>
public sealed class MailedPlatform : SqlitePlatform, IClockedPlatform, IDisposable
{
    public MovableClock Clock { get; } = MovableClock.Start();

    public SmtpInbox Mail { get; } = SmtpInbox.Start();

    protected override IEnumerable<string> Arguments => ["--Notifications:Smtp:Host=127.0.0.1", $"--Notifications:Smtp:Port={Mail.Port}", "--Notifications:Smtp:From=AutoFinance <notices@autofinance.test>"];

    public void Dispose() => Mail.Dispose();

    protected override void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Clock);
    }
}
