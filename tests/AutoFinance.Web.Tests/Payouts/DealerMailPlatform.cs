using AutoFinance.Web.Tests.Notifications;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>A platform whose e-mail goes to a mail server in the test process, on the real clock the payment provider's callbacks keep.</summary>
public interface IDealerMailPlatform
{
    SmtpInbox Mail { get; }
}

/// <summary>The platform on SQLite, mailed.</summary>
public sealed class DealerMailPlatform : SqlitePlatform, IDealerMailPlatform, IDisposable
{
    public SmtpInbox Mail { get; } = SmtpInbox.Start();

    protected override IEnumerable<string> Arguments => Mailed.Arguments(Mail);

    public void Dispose() => Mail.Dispose();
}

/// <summary>The platform on PostgreSQL, mailed.</summary>
public sealed class DealerMailPostgresPlatform : PostgresPlatform, IDealerMailPlatform, IDisposable
{
    public SmtpInbox Mail { get; } = SmtpInbox.Start();

    protected override IEnumerable<string> Arguments => Mailed.Arguments(Mail);

    public void Dispose() => Mail.Dispose();
}
