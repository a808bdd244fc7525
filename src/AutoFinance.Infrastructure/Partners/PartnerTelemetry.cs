using Polly.Telemetry;

namespace AutoFinance.Infrastructure.Partners;

/// <summary>
/// How loud the partners' resilience events are in the log. A retry, and the failed attempt it follows, is the
/// pipeline doing its job (the SMS gateway answers "busy" now and then, and the retry gets the text through): that is
/// Information, not four warnings a text. A circuit opening, a timeout and everything else keep Polly's own severity,
/// so an outage still stands out.
/// </summary>
public static class PartnerTelemetry
{
    public static ResilienceEventSeverity Severity(SeverityProviderArguments args) => args.Event.EventName switch
    {
        "OnRetry" or "ExecutionAttempt" when args.Event.Severity > ResilienceEventSeverity.Information => ResilienceEventSeverity.Information,
        _ => args.Event.Severity,
    };
}
