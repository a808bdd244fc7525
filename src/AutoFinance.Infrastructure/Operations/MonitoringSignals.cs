namespace AutoFinance.Infrastructure.Operations;

/// <summary>Where the daily model check's figures go besides its run record: the host's metrics (Prometheus at /metrics).</summary>
public interface IModelMonitoringMetrics
{
    void Observed(Reporting.ModelMonitoringCheck.Result result);
}

/// <summary>
/// Tells staff by e-mail that an alert was raised. The platform has no staff mail sender yet: the default writes a
/// warning to the log, and a host with a mail server registers its own implementation in its place.
/// </summary>
public interface IStaffAlertMailer
{
    Task SendAsync(StaffAlertRow alert, CancellationToken ct);
}
