using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.ServiceDesk;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.ServiceDesk;

namespace AutoFinance.Infrastructure.Privacy;

/// <summary>
/// Whether a customer's data export shows their identity in full, and on what ground (<see cref="Basis"/>, a stable
/// code; <see cref="Reference"/> names the case or approval behind it). Staff see it masked unless the customer
/// recorded a data request, or a second person approved an unmasked export for the staff member asking.
/// </summary>
public sealed record ExportAccess(bool Masked, string Basis, string Because, string? Reference)
{
    public const string OwnData = "own-data";
    public const string DataSubjectRequest = "data-subject-request";
    public const string FourEyesApproval = "four-eyes-approval";
    public const string NoGround = "none";

    /// <summary>Days a customer's data request lets staff export their data unmasked (while the case is open).</summary>
    public const int DataRequestDays = 30;

    /// <summary>Hours an approved unmasked export stays open to the staff member who asked for it.</summary>
    public const int ApprovalHours = 24;

    /// <summary>The ground on which <paramref name="actor"/> reads <paramref name="customerId"/>'s export at <paramref name="now"/>.</summary>
    public static async Task<ExportAccess> OfAsync(AutoFinanceDbContext db, Actor actor, Guid customerId, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role == Roles.Customer)
        {
            return new ExportAccess(false, OwnData, "your own data", null);
        }

        var requestedSince = now.AddDays(-DataRequestDays);
        var customerPrefix = Roles.Customer + ":";
        var request = await db.ServiceCases.AsNoTracking()
            .Where(c => c.CustomerId == customerId && c.Kind == CaseVocabulary.DataRequest && c.Status != CaseStatus.Resolved && c.OpenedAt >= requestedSince && c.OpenedBy.StartsWith(customerPrefix))
            .OrderByDescending(c => c.OpenedAt).Select(c => new { c.Reference, c.OpenedAt }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (request is not null)
        {
            return new ExportAccess(false, DataSubjectRequest,
                $"the customer's data request {request.Reference} of {request.OpenedAt.UtcDateTime:yyyy-MM-dd} (open, valid {DataRequestDays} days)", request.Reference);
        }

        var approvedSince = now.AddHours(-ApprovalHours);
        var target = customerId.ToString();
        var approval = await db.Approvals.AsNoTracking()
            .Where(a => a.Action == ApprovalService.UnmaskedExport && a.Target == target && a.Status == Domain.Approvals.ApprovalStatus.Approved && a.RequestedBy == actor.AuditName && a.DecidedAt >= approvedSince)
            .OrderByDescending(a => a.DecidedAt).Select(a => new { a.Id, a.DecidedBy }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (approval is not null)
        {
            return new ExportAccess(false, FourEyesApproval, $"approval {approval.Id} by {approval.DecidedBy} (valid {ApprovalHours} hours, for you only)", approval.Id.ToString());
        }

        return new ExportAccess(true, NoGround,
            "no open data request from the customer and no approved unmasked export for you: identity masked; ask for one with POST /api/v1/customers/{id}/data/unmask-requests", null);
    }
}
