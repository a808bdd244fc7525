using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Bureau;

namespace AutoFinance.Application.Verification;

/// <summary>
/// What the outside parties say about an applicant, asked before the decision so the decision itself stays pure:
/// the operator three-factor identity check and the credit report (with its derived features). Never throws for an
/// unavailable party: the findings say so and the decision refers.
/// </summary>
public interface IApplicantScreening
{
    Task<ScreeningFindings> ScreenAsync(ValidatedApplication application, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken);
}

public sealed record ScreeningFindings(IdentityCheckResult Identity, BureauFindings Bureau, Guid? ReportId)
{
    /// <summary>Nothing asked (a store-only decision, the benchmark): no checks are added.</summary>
    public static ScreeningFindings NotAsked { get; } = new(IdentityCheckResult.NotChecked, BureauFindings.Unavailable, null);
}
