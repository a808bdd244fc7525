using AutoFinance.Domain.Validation;
using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Origination.Lifecycle;
using AutoFinance.Domain.Notifications;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// What happens after the decision: the customer or dealer accepts an offer (a contract with the disclosure version
/// it was shown), signed with the code texted to the customer (<see cref="ContractSigningCodes"/>); underwriters claim and decide referrals. Paying a signed contract out is
/// <see cref="Payouts.DealerPayouts"/>'s work. Each change is one transaction with its status history and audit entries; concurrent
/// changes to the same object are caught by its version.
/// </summary>
public sealed class OriginationCommands(AutoFinanceDbContext db, IPersonalDataProtector protector, ProductCatalog products, Contracts.SignedContracts contracts, IContractSigningConfirmation signing, Notifications.Notifier notifier, TimeProvider time)
{
    public async Task<CommandResult<ContractView>> AcceptAsync(Actor actor, Guid applicationId, Guid offerId, CustomerSignature signature, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (application is null || !ApplicationAccess.CanRead(actor, application))
        {
            return CommandResult<ContractView>.NotFound();
        }

        if (!ApplicationAccess.CanAccept(actor, application))
        {
            return CommandResult<ContractView>.Conflict("only the customer or the dealer behind the application accepts an offer", "offer.not-yours");
        }

        var existing = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == applicationId, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return existing.OfferId == offerId
                ? CommandResult<ContractView>.Ok(View(existing))
                : CommandResult<ContractView>.Conflict("another offer of this application was already accepted", "offer.other-accepted");
        }

        if (!ApplicationLifecycle.Allows(application.Status, ApplicationStatus.Accepted))
        {
            return CommandResult<ContractView>.Conflict($"the application is {LifecycleText.Of(application.Status)}; only an approved application's offer can be accepted", "offer.not-approved");
        }

        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.ApplicationId == applicationId, ct).ConfigureAwait(false);
        if (offer is null)
        {
            return CommandResult<ContractView>.NotFound();
        }

        if (await signing.ProblemAsync(application.CustomerId, offerId, signature, ct).ConfigureAwait(false) is { } unsigned)
        {
            return CommandResult<ContractView>.Invalid([unsigned]);
        }

        var now = time.GetUtcNow();
        var (_, disclosureHash) = await OfferDisclosure.DocumentAsync(db, products, application.ProductCode, offer, ct).ConfigureAwait(false);
        var contract = new ContractRow
        {
            Id = Guid.CreateVersion7(now),
            Reference = "CT" + application.Reference[2..],
            ApplicationId = applicationId,
            OfferId = offerId,
            CustomerId = application.CustomerId,
            VinHash = application.VinHash,
            DisclosureHash = disclosureHash,
            DisclosureVersion = Domain.Disclosure.DisclosureBuilder.SchemaVersion,
            AcceptedAt = now,
            AcceptedBy = actor.AuditName,
            Status = ContractStatus.Signed,
        };
        contract.DocumentSha256 = await contracts.IssueAsync(contract, application, offer, ct).ConfigureAwait(false);
        await notifier.RaiseAsync([
            new Notice(NoticeEvent.OfferAccepted, application.CustomerId, null, contract.Id.ToString(), new Dictionary<string, object> { ["reference"] = application.Reference, ["contract"] = contract.Reference }),
            new Notice(NoticeEvent.ContractSigned, application.CustomerId, null, contract.Id.ToString(), new Dictionary<string, object> { ["contract"] = contract.Reference }),
        ], ct).ConfigureAwait(false);
        var saved = await SaveAsync(application, ApplicationStatus.Accepted, actor, $"offer {offer.Rank} accepted", now, [
            new AuditEvent(actor.AuditName, "offer.accepted", "application", applicationId.ToString(), new { OfferId = offerId, offer.Rank, DisclosureHash = disclosureHash, ContractId = contract.Id, SignedWith = signature.Method }),
            new AuditEvent(actor.AuditName, "contract.sealed", "contract", contract.Id.ToString(), new { contract.Reference, DocumentSha256 = contract.DocumentSha256, DisclosureHash = disclosureHash }),
        ], () => db.Contracts.Add(contract), ct).ConfigureAwait(false);
        if (!saved)
        {
            var winner = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == applicationId, ct).ConfigureAwait(false);
            return winner?.OfferId == offerId ? CommandResult<ContractView>.Ok(View(winner)) : CommandResult<ContractView>.Conflict("the application changed meanwhile; reload it", "record.changed");
        }

        return CommandResult<ContractView>.Ok(View(contract));
    }

    public async Task<CommandResult<ReferralView>> ClaimAsync(Actor actor, Guid referralId, CancellationToken ct)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct).ConfigureAwait(false);
        if (referral is null)
        {
            return CommandResult<ReferralView>.NotFound();
        }

        if (referral.ResolvedAt is not null)
        {
            return CommandResult<ReferralView>.Conflict("the referral is already decided", "referral.decided");
        }

        if (referral.ClaimedBy is { } owner && owner != actor.UserId)
        {
            return CommandResult<ReferralView>.Conflict("another underwriter has claimed this referral", "referral.claimed");
        }

        var application = await db.Applications.FirstAsync(a => a.Id == referral.ApplicationId, ct).ConfigureAwait(false);
        if (OwnApplication(actor, application) is { } own)
        {
            return own;
        }

        var now = time.GetUtcNow();
        referral.ClaimedBy = actor.UserId;
        referral.ClaimedAt ??= now;
        referral.Version++;
        var saved = await SaveAsync(application, null, actor, null, now, [
            new AuditEvent(actor.AuditName, "referral.claimed", "referral", referral.Id.ToString(), new { referral.ApplicationId }),
        ], null, ct).ConfigureAwait(false);
        return saved ? CommandResult<ReferralView>.Ok(ReferralQueries.View(referral, application, now)) : CommandResult<ReferralView>.Conflict("another underwriter claimed it first", "referral.claimed");
    }

    /// <summary>
    /// Four eyes: whoever submitted an application (a member of staff keying it in for a walk-in customer, say) may
    /// neither claim nor decide its referral; another underwriter does.
    /// </summary>
    private static CommandResult<ReferralView>? OwnApplication(Actor actor, ApplicationRow application) =>
        actor.UserId is { } user && application.SubmittedByUserId == user
            ? CommandResult<ReferralView>.Conflict("you submitted this application: another underwriter decides its referral", "referral.own-application")
            : null;

    public sealed record ReferralDecision(string? Decision, string? Reason, int? TermMonths, decimal? DownPayment);

    public async Task<CommandResult<ReferralView>> DecideAsync(Actor actor, Guid referralId, ReferralDecision input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Decision is not ("approve" or "decline"))
        {
            return CommandResult<ReferralView>.Invalid("decision", "must be approve or decline", "field.one-of");
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 500)
        {
            return CommandResult<ReferralView>.Invalid("reason", "is required (at most 500 characters)", "field.required-text", FieldProblems.Figures(("max", "500")));
        }

        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct).ConfigureAwait(false);
        if (referral is null)
        {
            return CommandResult<ReferralView>.NotFound();
        }

        if (referral.ResolvedAt is not null)
        {
            return CommandResult<ReferralView>.Conflict("the referral is already decided", "referral.decided");
        }

        if (referral.ClaimedBy != actor.UserId)
        {
            return CommandResult<ReferralView>.Conflict("claim the referral before deciding it", "referral.claim-first");
        }

        var application = await db.Applications.Include(a => a.Offers).FirstAsync(a => a.Id == referral.ApplicationId, ct).ConfigureAwait(false);
        if (OwnApplication(actor, application) is { } own)
        {
            return own;
        }

        var now = time.GetUtcNow();
        var approve = input.Decision == "approve";
        if (approve && (input.TermMonths is not null || input.DownPayment is not null || application.Offers.Count == 0))
        {
            var restructured = await RestructureAsync(application, input, now, ct).ConfigureAwait(false);
            if (restructured is not null)
            {
                return CommandResult<ReferralView>.Invalid([restructured with { Code = restructured.Code ?? TermsRefused }]) with { Code = TermsRefused };
            }
        }

        referral.ResolvedAt = now;
        referral.Resolution = input.Decision;
        referral.ResolutionReason = input.Reason.Trim();
        referral.Version++;
        var status = approve ? ApplicationStatus.Approved : ApplicationStatus.Declined;
        if (!approve)
        {
            db.Offers.RemoveRange(application.Offers);
        }

        await notifier.RaiseAsync(new Notice(approve ? NoticeEvent.DecisionApproved : NoticeEvent.DecisionDeclined, application.CustomerId, null, application.Id.ToString(),
            new Dictionary<string, object> { ["reference"] = application.Reference }), ct).ConfigureAwait(false);
        var saved = await SaveAsync(application, status, actor, $"underwriter: {input.Reason.Trim()}", now, [
            new AuditEvent(actor.AuditName, approve ? "referral.approved" : "referral.declined", "referral", referral.Id.ToString(), new { referral.ApplicationId, Reason = input.Reason.Trim(), input.TermMonths, input.DownPayment }),
        ], null, ct).ConfigureAwait(false);
        return saved ? CommandResult<ReferralView>.Ok(ReferralQueries.View(referral, application, now)) : CommandResult<ReferralView>.Conflict("the referral changed meanwhile; reload it", "record.changed");
    }

    /// <summary>The refusal of terms an underwriter gives that the product cannot offer.</summary>
    private const string TermsRefused = "referral.terms";

    private async Task<FieldError?> RestructureAsync(ApplicationRow application, ReferralDecision input, DateTimeOffset now, CancellationToken ct)
    {
        var original = Json.Deserialize<ValidatedApplication>(protector.Unprotect(application.RequestCipher))!;
        var changed = original with { TermMonths = input.TermMonths ?? original.TermMonths, DownPayment = input.DownPayment ?? original.DownPayment };
        if (changed.DownPayment < 0 || changed.DownPayment >= changed.VehiclePrice)
        {
            return new FieldError("downPayment", "must be at least 0 and less than the vehicle price");
        }

        var product = await products.FindAsync(db, application.ProductCode, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"product {application.ProductCode} is gone");
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var request = changed.ToFinancingRequest(today);
        if (request.Validate(product.Policy.Currency).FirstOrDefault(e => e.Field is "termMonths" or "downPayment") is { } invalid)
        {
            return new FieldError(invalid.Field, invalid.Message);
        }

        var offers = OfferBuilder.Build(request, application.Grade ?? "E", product.Policy, product.RateCard, today);
        // Terms the underwriter gives are the plan offered: one the product cannot offer is refused, not swapped for others.
        var asked = input.TermMonths is not null || input.DownPayment is not null;
        if (offers.Count == 0 || (asked && !offers.Any(o => o.TermMonths == changed.TermMonths && o.DownPayment == changed.DownPayment)))
        {
            return FailedRule(request, application.Grade ?? "E", product, today, input);
        }

        db.Offers.RemoveRange(application.Offers);
        foreach (var offer in offers)
        {
            var row = OfferDisclosure.ToRow(Guid.CreateVersion7(now), application.Id, offer);
            row.ProductVersion = product.Version;
            db.Offers.Add(row);
        }

        return null;
    }

    /// <summary>
    /// Which policy rule the underwriter's terms break, on the field that breaks it: a loan-to-value cap is the down
    /// payment's, a term cap the term's ("referral.terms.ltv-cap" with the cap and the most that can be lent). Terms
    /// that pass every rule yet are not priced are refused on the term, or on the down payment when only it was given.
    /// </summary>
    private static FieldError FailedRule(FinancingRequest request, string grade, ProductSettings product, DateOnly today, ReferralDecision input)
    {
        var failed = OfferBuilder.CheckRequestedPlan(request, grade, product.Policy, product.RateCard, today).FirstOrDefault(o => o.Evaluated && !o.Passed);
        var field = failed?.Code switch
        {
            ReasonCodes.LtvCap or ReasonCodes.LoanAmount => "downPayment",
            ReasonCodes.TermCap or ReasonCodes.TermAllowed or ReasonCodes.MaxAgeAtMaturity or ReasonCodes.VehicleAgeAtMaturity => "termMonths",
            _ => input.TermMonths is not null || input.DownPayment is null ? "termMonths" : "downPayment",
        };
        return failed is null
            ? new FieldError(field, "no plan with these terms passes the policy rules", TermsRefused)
            : new FieldError(field, $"no plan with these terms passes the policy rules: {failed.Detail}", $"{TermsRefused}.{failed.Code["policy.".Length..]}", failed.Values);
    }

    /// <summary>Saves the change with its status history and audit entries in one transaction; false on a concurrent change.</summary>
    private async Task<bool> SaveAsync(ApplicationRow application, ApplicationStatus? newStatus, Actor actor, string? note, DateTimeOffset now, IReadOnlyList<AuditEvent> events, Action? add, CancellationToken ct)
    {
        try
        {
            if (newStatus is not null)
            {
                application.Status = newStatus.Value;
                application.Version++;
                db.StatusChanges.Add(new StatusChangeRow { ApplicationId = application.Id, Status = newStatus.Value, At = now, Actor = actor.AuditName, Note = note });
            }

            add?.Invoke();
            await AuditLog.SaveWithAsync(db, events, now, ct).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static ContractView View(ContractRow c) => new(c.Id, c.Reference, c.OfferId, LifecycleText.Of(c.Status), c.AcceptedAt, c.DisbursedAt, c.DisclosureHash) { DocumentSha256 = c.DocumentSha256 };
}
