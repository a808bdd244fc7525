namespace AutoFinance.Infrastructure.Bureau;

/// <summary>
/// An applicant's authorisation to pull their credit report: when, through which channel, which version of the
/// authorisation text they agreed to, and who recorded it. No report is pulled without one.
/// </summary>
public sealed class BureauAuthorisationRow
{
    public Guid Id { get; set; }

    public required string NationalIdHash { get; set; }

    public required string Channel { get; set; }

    public required string TextVersion { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>
/// A credit report as the bureau answered it, encrypted, kept until <see cref="ExpiresAt"/> so a second application
/// within the window reads it again instead of pulling (and adding an inquiry) anew.
/// </summary>
public sealed class CreditReportRow
{
    public Guid Id { get; set; }

    public required string NationalIdHash { get; set; }

    public Guid AuthorisationId { get; set; }

    public DateTimeOffset PulledAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public required BureauPullOutcome Outcome { get; set; }

    public required string ReportCipher { get; set; }
}
