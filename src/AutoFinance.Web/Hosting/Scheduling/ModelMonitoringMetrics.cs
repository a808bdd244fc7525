using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Reporting;
using Prometheus;

namespace AutoFinance.Web.Hosting.Scheduling;

/// <summary>The daily model check's figures at /metrics: score PSI, each characteristic's CSI, early delinquency by grade and alerts raised.</summary>
public sealed class ModelMonitoringMetrics : IModelMonitoringMetrics
{
    private static readonly Gauge Psi = Metrics.CreateGauge("autofinance_model_score_psi", "Score PSI of recent applications against the training distribution, by model.", "model");

    private static readonly Gauge Csi = Metrics.CreateGauge("autofinance_model_characteristic_csi", "Characteristic stability index of recent applications, by model and characteristic.", "model", "characteristic");

    private static readonly Gauge EarlyDelinquency = Metrics.CreateGauge("autofinance_early_delinquency_rate", "Share of loans booked in the last twelve months that are 30+ days past due, by grade.", "grade");

    private static readonly Counter Alerts = Metrics.CreateCounter("autofinance_model_drift_alerts_total", "Staff alerts raised because the score PSI crossed its limit, by model.", "model");

    public void Observed(ModelMonitoringCheck.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Psi is { } psi)
        {
            Psi.WithLabels(result.ModelId).Set(psi);
        }

        foreach (var characteristic in result.Characteristics)
        {
            Csi.WithLabels(result.ModelId, characteristic.Name).Set(characteristic.Csi);
        }

        foreach (var grade in result.EarlyDelinquency)
        {
            EarlyDelinquency.WithLabels(grade.Grade).Set(grade.Rate);
        }

        if (result.AlertRaised)
        {
            Alerts.WithLabels(result.ModelId).Inc();
        }
    }
}

/// <summary>The stand-in staff mailer: the alert goes to the log as a warning until a mail sender is registered.</summary>
public sealed partial class LoggedStaffAlertMailer(ILogger<LoggedStaffAlertMailer> logger) : IStaffAlertMailer
{
    public Task SendAsync(StaffAlertRow alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        Raised(alert.Kind, alert.Severity, alert.Detail);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff alert {Kind} ({Severity}): {Detail}; no staff mail sender is registered, so it is only on the jobs page")]
    private partial void Raised(string kind, string severity, string detail);
}
