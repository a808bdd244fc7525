using AutoFinance.Domain.Bureau;

namespace AutoFinance.Application.Verification;

/// <summary>
/// The credit bureau: a person's report, released only against their recorded authorisation. Throws
/// <see cref="BureauUnavailableException"/> when the bureau times out or fails after the adapter's retries.
/// </summary>
public interface ICreditBureau
{
    /// <summary>The report, or null when the bureau holds no record of the person (no hit).</summary>
    Task<CreditReport?> PullAsync(string nationalId, string fullName, BureauAuthorisation authorisation, CancellationToken cancellationToken);
}

/// <summary>The applicant's authorisation to pull their report: its id, when and through which channel it was given, and the version of the text they agreed to.</summary>
public sealed record BureauAuthorisation(Guid Id, DateTimeOffset GrantedAt, string Channel, string TextVersion);

public sealed class BureauUnavailableException : Exception
{
    public BureauUnavailableException()
    {
    }

    public BureauUnavailableException(string message)
        : base(message)
    {
    }

    public BureauUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
