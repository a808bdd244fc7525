namespace AutoFinance.Application.Verification;

/// <summary>
/// The operator three-factor check (运营商三要素核验): does the mobile operator hold this number for this name and
/// national ID? Answers <see cref="IdentityMatch.Unavailable"/> rather than throwing when the service cannot answer.
/// </summary>
public interface IIdentityVerifier
{
    Task<IdentityCheckResult> VerifyAsync(string fullName, string nationalId, string mobile, CancellationToken cancellationToken);
}

public enum IdentityMatch
{
    Consistent,
    Inconsistent,
    Unavailable,
}

/// <summary>The operator's answer: consistent, or which factor does not agree with its record.</summary>
public sealed record IdentityCheckResult(IdentityMatch Match, bool? NameMatches, bool? NationalIdMatches)
{
    public static IdentityCheckResult NotChecked { get; } = new(IdentityMatch.Unavailable, null, null);
}
