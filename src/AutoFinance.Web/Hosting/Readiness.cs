namespace AutoFinance.Web.Hosting;

/// <summary>
/// Opens once the platform can serve: the database is migrated (and seeded when demo data is on) and the credit
/// model is loaded. <c>/health/ready</c> answers from it, and background workers wait on it before their first round,
/// so none of them queries a table that is not there yet.
/// </summary>
public sealed class Readiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    public void Open() => _ready.TrySetResult();

    /// <summary>Completes when the platform is ready; cancelled with the host.</summary>
    public Task WaitAsync(CancellationToken ct) => _ready.Task.WaitAsync(ct);
}
