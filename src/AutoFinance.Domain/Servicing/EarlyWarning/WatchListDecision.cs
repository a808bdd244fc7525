namespace AutoFinance.Domain.Servicing.EarlyWarning;

/// <summary>Whether an account goes on the watch list, and every reason (see <see cref="EarlyWarningCodes"/>) in rule order.</summary>
public sealed record WatchListDecision(IReadOnlyList<string> Reasons)
{
    public bool OnWatch => Reasons.Count > 0;
}
