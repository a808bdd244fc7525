using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Bureau;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Bureau;

/// <summary>
/// The credit report an application was decided on, for underwriters: found through the application's
/// <c>bureau.report</c> check, decrypted, with the figures derived from it as of the decision day. Every reading is
/// audited (the report is the applicant's personal data).
/// </summary>
public sealed class CreditReportQueries(AutoFinanceDbContext db, IPersonalDataProtector protector, TimeProvider time)
{
    public static readonly string[] Readers = [Roles.Underwriter, Roles.Manager, Roles.Admin];

    public sealed record CreditReportView(Guid ApplicationId, Guid ReportId, DateTimeOffset PulledAt, DateTimeOffset ExpiresAt, BureauPullOutcome Outcome, BureauFeatures? Features, CreditReport? Report);

    public async Task<CreditReportView?> ForApplicationAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var application = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => new { a.ChecksJson, a.SubmittedAt }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (application is null || ReportIdOf(application.ChecksJson) is not { } reportId)
        {
            return null;
        }

        var row = await db.CreditReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var report = row.Outcome == BureauPullOutcome.Hit ? Masked(CreditReportJson.Deserialize(protector.Unprotect(row.ReportCipher))) : null;
        var decidedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(application.SubmittedAt, China).DateTime);
        await Audit.AuditLog.SaveWithAsync(db, [new Audit.AuditEvent(actor.AuditName, "credit-report.read", "application", applicationId.ToString(), new { ReportId = reportId })], time.GetUtcNow(), ct).ConfigureAwait(false);
        return new CreditReportView(applicationId, row.Id, row.PulledAt, row.ExpiresAt, row.Outcome, report is null ? null : BureauFeatures.Derive(report, decidedOn), report);
    }

    /// <summary>Staff see identities masked, in the report as everywhere else.</summary>
    private static CreditReport Masked(CreditReport report) => report with
    {
        Identity = report.Identity with
        {
            NationalId = Domain.Origination.ResidentId.Mask(report.Identity.NationalId),
            Mobile = report.Identity.Mobile is { } mobile ? Domain.Origination.MobileNumber.Mask(mobile) : null,
        },
    };

    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static Guid? ReportIdOf(string checksJson)
    {
        var checks = Json.Deserialize<List<CheckRecord>>(checksJson) ?? [];
        var report = checks.FirstOrDefault(c => c.Code == ScreeningChecks.Report);
        return report?.Values.TryGetValue("reportId", out var id) == true && Guid.TryParse(id, out var guid) ? guid : null;
    }
}
