using AutoFinance.Domain.Lifecycle;

namespace AutoFinance.Domain.Origination.Lifecycle;

/// <summary>The words application and contract states are stored and shown by (<c>approved</c>, <c>signed</c>, ...; <see cref="StateWords{TState}"/>).</summary>
public static class LifecycleText
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Referred = "referred";
    public const string Declined = "declined";
    public const string Accepted = "accepted";
    public const string Disbursed = "disbursed";
    public const string Signed = "signed";
    public const string Booked = "booked";
    public const string PayoutPending = "payout-pending";

    public static string Of(ApplicationStatus status) => StateWords<ApplicationStatus>.Of(status);

    public static ApplicationStatus ApplicationOf(string text) => StateWords<ApplicationStatus>.Parse(text);

    public static string Of(ContractStatus status) => StateWords<ContractStatus>.Of(status);

    public static ContractStatus ContractOf(string text) => StateWords<ContractStatus>.Parse(text);
}
