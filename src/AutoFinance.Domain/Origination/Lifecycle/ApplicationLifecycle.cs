namespace AutoFinance.Domain.Origination.Lifecycle;

/// <summary>
/// The moves an application and its contract may make. An application is decided once (approved, referred or
/// declined); a referral is decided by an underwriter (approved or declined); only an approved application's offer is
/// accepted, and only an accepted application is disbursed. A contract is signed, paid out, then booked when the payout is confirmed.
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

    /// <summary>
    /// A signed contract's payout is instructed (payout pending); the loan is booked only when the payout is confirmed,
    /// and a failed payout takes the contract back to signed, ready to be paid out again.
    /// </summary>
    public static bool Allows(ContractStatus from, ContractStatus to) => (from, to) switch
    {
        (ContractStatus.Signed, ContractStatus.PayoutPending) => true,
        (ContractStatus.PayoutPending, ContractStatus.Booked) => true,
        (ContractStatus.PayoutPending, ContractStatus.Signed) => true,
        _ => false,
    };

    /// <summary>The status a decision leaves a new application in.</summary>
    public static ApplicationStatus Decided(DecisionStatus decision) => decision switch
    {
        DecisionStatus.Approved => ApplicationStatus.Approved,
        DecisionStatus.Referred => ApplicationStatus.Referred,
        _ => ApplicationStatus.Declined,
    };
}
