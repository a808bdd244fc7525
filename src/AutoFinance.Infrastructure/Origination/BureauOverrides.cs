using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// Staff record a credit report's figures themselves, with a mandatory reason, when the bureau had no record, could
/// not be reached, or its report was wrong, and the application is decided again on them
/// (<see cref="DecisionService.ReconsiderAsync"/>). Only an underwriter, a risk analyst or an admin may; only while the
/// application is decided and no offer accepted. The figures and reason are kept as the <c>bureau.override</c> check
/// (shown on the application page), the status change goes into the history, and the audit log holds who, why and what.
/// </summary>
public sealed class BureauOverrides(AutoFinanceDbContext db, IPersonalDataProtector protector, DecisionService decisions, TimeProvider time)
{
    public static readonly IReadOnlySet<string> Recorders = new HashSet<string>(StringComparer.Ordinal) { Roles.Underwriter, Roles.RiskAnalyst, Roles.Admin };

    public sealed record Result(Guid ApplicationId, string Status, double Score, string Grade, int Offers);

    public async Task<CommandResult<Result>> RecordAsync(Actor actor, Guid applicationId, BureauOverrideInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var application = await db.Applications.Include(a => a.Offers).FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (application is null)
        {
            return CommandResult<Result>.NotFound();
        }

        var (figures, reason, errors) = input.Validate();
        if (figures is null || reason is null)
        {
            return CommandResult<Result>.Invalid(errors);
        }

        if (application.Status is not (ApplicationStatus.Approved or ApplicationStatus.Referred or ApplicationStatus.Declined)
            || await db.Contracts.AnyAsync(c => c.ApplicationId == applicationId, ct).ConfigureAwait(false))
        {
            return CommandResult<Result>.Conflict("only a decided application whose offer nobody has accepted is decided again", "bureau.override-too-late");
        }

        var original = Json.Deserialize<ValidatedApplication>(protector.Unprotect(application.RequestCipher))!;
        var earlier = Json.Deserialize<List<CheckRecord>>(application.ChecksJson) ?? [];
        var record = await decisions.ReconsiderAsync(new BureauReconsideration(application.Id, application.Reference, original, earlier, figures, reason), actor, ct).ConfigureAwait(false);
        if (record is null)
        {
            return CommandResult<Result>.Conflict($"the product {application.ProductCode} is no longer on offer", "product.unknown");
        }

        var now = time.GetUtcNow();
        var status = ApplicationLifecycle.Decided(record.Status);
        application.Score = record.Score;
        application.Pd = record.Pd;
        application.ChallengerPd = record.ChallengerPd;
        application.Grade = record.Grade;
        application.ModelVersion = record.ModelVersion;
        application.DecidedAt = now;
        application.ReasonsJson = Json.Serialize(record.Reasons);
        application.ChecksJson = Json.Serialize(record.Checks);
        application.Status = status;
        application.Version++;
        db.Offers.RemoveRange(application.Offers);
        foreach (var offer in record.Offers)
        {
            var row = OfferDisclosure.ToRow(offer.OfferId, application.Id, offer.Offer);
            row.ProductVersion = record.ProductVersion;
            db.Offers.Add(row);
        }

        var open = await db.Referrals.Where(r => r.ApplicationId == applicationId && r.ResolvedAt == null).ToListAsync(ct).ConfigureAwait(false);
        if (status == ApplicationStatus.Referred && open.Count == 0)
        {
            db.Referrals.Add(new ReferralRow { Id = Guid.CreateVersion7(now), ApplicationId = applicationId, CreatedAt = now, DueAt = record.ReferralDueAt ?? now.AddHours(4) });
        }
        else if (status != ApplicationStatus.Referred)
        {
            foreach (var referral in open)
            {
                referral.ResolvedAt = now;
                referral.Resolution = DecisionService.Name(record.Status);
                referral.ResolutionReason = "decided again on credit-report figures recorded by staff: " + reason;
                referral.Version++;
            }
        }

        db.StatusChanges.Add(new StatusChangeRow { ApplicationId = applicationId, Status = status, At = now, Actor = actor.AuditName, Note = $"credit-report figures recorded: {reason}" });
        try
        {
            await AuditLog.SaveWithAsync(db, [
                new AuditEvent(actor.AuditName, "application.bureau-overridden", "application", applicationId.ToString(), new
                {
                    Reason = reason,
                    Figures = figures,
                    Status = DecisionService.Name(record.Status),
                    record.Score,
                    record.Grade,
                    Offers = record.Offers.Count,
                }),
            ], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<Result>.Conflict("the application changed meanwhile; reload it", "record.changed");
        }

        return CommandResult<Result>.Ok(new Result(applicationId, DecisionService.Name(record.Status), record.Score, record.Grade, record.Offers.Count));
    }
}
