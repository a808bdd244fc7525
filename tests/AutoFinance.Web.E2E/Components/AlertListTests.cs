using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Reporting;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Operations;
using Bunit;

namespace AutoFinance.Web.E2E.Components;

/// <summary>A staff alert says what its figure is in the reader's language: the messages given up on, the score's drift.</summary>
public sealed class AlertListTests : BunitContext
{
    private static readonly StaffAlerts.AlertView[] Alerts =
    [
        new(Guid.NewGuid(), UndeliveredMessages.AlertKind, "warning", "failed=1200 attempts=5 day=2026-12-05", 1200, new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero), null, null),
        new(Guid.NewGuid(), ModelMonitoringCheck.PsiAlertKind, "critical", "psi=0.3124 model=demo scores=412", 0.31237, new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero), null, null),
    ];

    [Theory]
    [InlineData("zh", "今天首批 1,200 条消息已放弃重试；渠道恢复后，可在“未送达的消息”中重新发送", "PSI 0.312")]
    [InlineData("en", "1,200 messages given up on, the first today; send them again under Undelivered messages once the channel works", "PSI 0.312")]
    public void Each_alert_reads_its_figure_in_the_readers_language(string language, string undelivered, string drift)
    {
        var cut = Render<AlertList>(p => p.Add(c => c.Alerts, Alerts).Add(c => c.Back, "/jobs").Add(c => c.L, language == "en" ? UiLanguage.En : UiLanguage.Zh));

        var figures = cut.FindAll("[data-testid='alert-figure']").Select(e => e.TextContent.Trim().TrimStart('·').Trim()).ToList();
        Assert.Equal([undelivered, drift], figures);
    }
}
