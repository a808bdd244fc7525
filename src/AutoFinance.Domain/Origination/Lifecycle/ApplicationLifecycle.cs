namespace AutoFinance.Domain.Origination.Lifecycle;

/// <summary>
/// The moves an application and its contract may make. An application is decided once (approved, referred or
/// declined); a referral is decided by an underwriter (approved or declined); only an approved application's offer is
/// accepted, and only an accepted application is disbursed. A contract is signed, then booked when the loan is.
/// </summary>
public static class ApplicationLifecycle
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Moves = new()
    {
        [ApplicationStatus.Submitted] = [ApplicationStatus.Approved, ApplicationStatus.Referred, ApplicationStatus.Declined],
        [ApplicationStatus.Referred] = [ApplicationStatus.Approved, ApplicationStatus.Declined],
        [ApplicationStatus.Approved] = [ApplicationStatus.Accepted],
        [ApplicationStatus.Accepted] = [ApplicationStatus.Disbursed],
        [ApplicationStatus.Declined] = [],
        [ApplicationStatus.Disbursed] = [],
    };

    public static bool Allows(ApplicationStatus from, ApplicationStatus to) => Moves.TryGetValue(from, out var next) && next.Contains(to);

    public static bool Allows(ContractStatus from, ContractStatus to) => from == ContractStatus.Signed && to == ContractStatus.Booked;

    /// <summary>The status a decision leaves a new application in.</summary>
    public static ApplicationStatus Decided(DecisionStatus decision) => decision switch
    {
        DecisionStatus.Approved => ApplicationStatus.Approved,
        DecisionStatus.Referred => ApplicationStatus.Referred,
        _ => ApplicationStatus.Declined,
    };
}
