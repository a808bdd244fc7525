using Prometheus;

namespace AutoFinance.Web.Hosting;

/// <summary>The origination funnel and time to decision, exposed at /metrics in Prometheus text.</summary>
public sealed class OriginationMetrics
{
    private static readonly Counter Decisions = Metrics.CreateCounter(
        "autofinance_applications_decided_total", "Applications decided, by outcome and channel.", "status", "channel");

    private static readonly Histogram DecisionTime = Metrics.CreateHistogram(
        "autofinance_decision_milliseconds", "Time to decision inside the request, in milliseconds.",
        new HistogramConfiguration { Buckets = [0.5, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233] });

    private static readonly Counter Funnel = Metrics.CreateCounter(
        "autofinance_funnel_total", "Applications reaching each stage of the funnel.", "stage");

    public void Decided(string status, string channel, double milliseconds)
    {
        Funnel.WithLabels("submitted").Inc();
        Funnel.WithLabels("decided").Inc();
        Decisions.WithLabels(status, channel).Inc();
        DecisionTime.Observe(milliseconds);
    }

    public void Reached(string stage) => Funnel.WithLabels(stage).Inc();
}
