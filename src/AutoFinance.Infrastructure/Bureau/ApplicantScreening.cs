using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Bureau;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AutoFinance.Infrastructure.Bureau;

/// <summary>
/// Asks the outside parties about an applicant before the decision: the operator three-factor check and, under the
/// authorisation the application carries (recorded here with its time, channel and text version), the credit report.
/// A report is kept encrypted and read again for <see cref="BureauOptions.CacheDays"/> days, so a second application
/// in that time neither waits for the bureau nor adds an inquiry to the person's report.
/// </summary>
public sealed class ApplicantScreening(
    AutoFinanceDbContext db,
    ILookupHasher hasher,
    IPersonalDataProtector protector,
    IIdentityVerifier identity,
    ICreditBureau bureau,
    BureauOptions options,
    GroupCommit commits,
    ILogger<ApplicantScreening> logger) : IApplicantScreening
{
    public async Task<ScreeningFindings> ScreenAsync(ValidatedApplication application, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(actor);
        var identityCheck = identity.VerifyAsync(application.FullName, application.NationalId, application.Mobile, cancellationToken);
        var (findings, reportId) = await ReportAsync(application, actor, now, today, cancellationToken).ConfigureAwait(false);
        return new ScreeningFindings(await identityCheck.ConfigureAwait(false), findings, reportId);
    }

    private async Task<(BureauFindings Findings, Guid? ReportId)> ReportAsync(ValidatedApplication a, Actor actor, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var idHash = hasher.Hash("national-id", a.NationalId);
        var authorisation = new BureauAuthorisationRow
        {
            Id = Guid.CreateVersion7(now),
            NationalIdHash = idHash,
            Channel = a.Channel,
            TextVersion = a.CreditCheckTextVersion,
            GrantedAt = now,
            RecordedBy = actor.AuditName,
        };

        // Recorded durably before the bureau is asked, committed together with other applicants' authorisations.
        await commits.InsertAsync([authorisation], ct).ConfigureAwait(false);

        var cached = await db.CreditReports.AsNoTracking()
            .Where(r => r.NationalIdHash == idHash && r.ExpiresAt > now)
            .OrderByDescending(r => r.PulledAt)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (cached is not null)
        {
            return (Findings(cached, today), cached.Id);
        }

        CreditReport? report;
        try
        {
            report = await bureau.PullAsync(a.NationalId, a.FullName, new BureauAuthorisation(authorisation.Id, now, authorisation.Channel, authorisation.TextVersion), ct).ConfigureAwait(false);
        }
        catch (BureauUnavailableException e)
        {
            logger.LogWarning(e, "Credit bureau unavailable (authorisation {AuthorisationId})", authorisation.Id);
            return (BureauFindings.Unavailable, null);
        }

        var row = new CreditReportRow
        {
            Id = Guid.CreateVersion7(now),
            NationalIdHash = idHash,
            AuthorisationId = authorisation.Id,
            PulledAt = now,
            ExpiresAt = now.AddDays(options.CacheDays),
            Outcome = report is null ? BureauPullOutcome.NoHit : BureauPullOutcome.Hit,
            ReportCipher = protector.Protect(report is null ? string.Empty : CreditReportJson.Serialize(report)),
        };
        await commits.InsertAsync([row], ct).ConfigureAwait(false);
        return (report is null ? BureauFindings.NoHit : BureauFindings.Hit(report, today), row.Id);
    }

    private BureauFindings Findings(CreditReportRow row, DateOnly today) =>
        row.Outcome == BureauPullOutcome.Hit ? BureauFindings.Hit(CreditReportJson.Deserialize(protector.Unprotect(row.ReportCipher)), today) : BureauFindings.NoHit;
}

/// <summary>Settings under <c>Bureau</c>.</summary>
public sealed class BureauOptions
{
    /// <summary>How long a pulled report is read again instead of pulled anew.</summary>
    public int CacheDays { get; set; } = 30;
}
