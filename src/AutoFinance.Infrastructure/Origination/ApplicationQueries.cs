using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>Reads of applications, always through <see cref="ApplicationAccess"/>.</summary>
public sealed class ApplicationQueries(AutoFinanceDbContext db, IPersonalDataProtector protector, TimeProvider time, ProductCatalog? catalog = null)
{
    /// <summary>The ways the application list sorts: by submission (newest first by default), reference, price or score; a leading minus reverses.</summary>
    public static readonly IReadOnlyList<string> Sorts = ["submitted", "reference", "price", "score"];

    /// <summary>One page of the applications visible to the reader (in a status, or all), with how many there are in all.</summary>
    public async Task<Search.ListPage<ApplicationSummary>> PageAsync(Actor actor, string? status, int page, int pageSize, string? sort, CancellationToken ct)
    {
        var rows = ApplicationAccess.Visible(db.Applications.AsNoTracking(), actor);
        if (!string.IsNullOrEmpty(status))
        {
            if (!Domain.Lifecycle.StateWords<ApplicationStatus>.TryParse(status, out var wanted))
            {
                return new Search.ListPage<ApplicationSummary>([], page, pageSize, 0);
            }

            rows = rows.Where(r => r.Status == wanted);
        }

        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var ordered = sort switch
        {
            "submitted" => rows.OrderBy(r => r.SubmittedAt),
            "reference" => rows.OrderBy(r => r.Reference),
            "-reference" => rows.OrderByDescending(r => r.Reference),
            "price" => rows.OrderBy(r => r.VehiclePrice),
            "-price" => rows.OrderByDescending(r => r.VehiclePrice),
            "score" => rows.OrderBy(r => r.Score),
            "-score" => rows.OrderByDescending(r => r.Score),
            _ => rows.OrderByDescending(r => r.SubmittedAt),
        };
        var found = await ordered.ThenBy(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct).ConfigureAwait(false);
        var ids = found.Select(p => p.Id).ToList();
        var contracts = await ContractsOf(ids).ToDictionaryAsync(c => c.ApplicationId, ct).ConfigureAwait(false);
        return new Search.ListPage<ApplicationSummary>([.. found.Select(r => Summary(r, contracts.GetValueOrDefault(r.Id)))], page, pageSize, total);
    }

    /// <param name="language">The reader's language for the reasons (their page's, or the one their API call names); null: the application's.</param>
    public async Task<ApplicationDetail?> GetAsync(Actor actor, Guid id, CancellationToken ct, string? language = null)
    {
        var row = await db.Applications.AsNoTracking().Include(a => a.Offers).Include(a => a.History)
            .AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct).ConfigureAwait(false);
        if (row is null || !ApplicationAccess.CanRead(actor, row))
        {
            return null;
        }

        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ApplicationId == id, ct).ConfigureAwait(false);
        var accepted = contract is null ? null : row.Offers.FirstOrDefault(o => o.Id == contract.OfferId);
        var signed = contract is null ? null : new SignedTerms(row.Id, contract.Status, accepted?.TermMonths, accepted?.DownPayment);
        var referral = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == id, ct).ConfigureAwait(false);
        var reasons = Json.Deserialize<List<ReasonRecord>>(row.ReasonsJson) ?? [];
        var status = row.Status switch { ApplicationStatus.Declined => DecisionStatus.Declined, ApplicationStatus.Referred => DecisionStatus.Referred, _ => DecisionStatus.Approved };
        return new ApplicationDetail
        {
            Summary = Summary(row, signed),
            Reasons = actor.IsStaff
                ? [.. reasons.Select(r => new ReasonView(r.Code, ReasonCatalog.Text(r, language ?? row.Language)))]
                : ReasonCatalog.ForApplicant(reasons, status, language ?? row.Language),
            Offers = await OfferViewsAsync(row, ct).ConfigureAwait(false),
            History = [.. row.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new StatusView(LifecycleText.Of(h.Status), h.At, h.Actor, actor.IsStaff || !ByStaff(h.Actor) ? h.Note : null))],
            ModelVersion = row.ModelVersion,
            DecisionMillis = row.DecisionMillis,
            Contract = contract is null ? null : await ContractViewAsync(actor, row, contract, ct).ConfigureAwait(false),
            Referral = referral is null ? null : ReferralQueries.View(referral, row, time.GetUtcNow()) is var view && !actor.IsStaff ? view with { ResolutionReason = null } : view,
            Checks = actor.IsStaff
                ? [.. (Json.Deserialize<List<CheckRecord>>(row.ChecksJson) ?? []).Select(c => new CheckView(c.Sequence, c.Stage, c.Code, c.Outcome, c.Detail, c.Values))]
                : null,
            Applicant = actor.IsStaff ? Applicant(row) : null,
        };
    }

    /// <summary>
    /// Whether a status change was made by a member of staff (an underwriter's decision, say): its note is the lender's
    /// own working record ("possible forged pension statement") and is never shown to the applicant or the dealer,
    /// who see the outcome and the reasons given for it.
    /// </summary>
    private static bool ByStaff(string auditName) =>
        Roles.Staff.Any(role => auditName.StartsWith(role + ":", StringComparison.Ordinal) || auditName == role);

    /// <summary>The contract with the loan it booked and, for those who may see its funding, its latest payout to the dealer.</summary>
    private async Task<ContractView> ContractViewAsync(Actor actor, ApplicationRow application, ContractRow contract, CancellationToken ct)
    {
        var loanId = await db.Loans.AsNoTracking().Where(l => l.ContractId == contract.Id).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var payout = ApplicationAccess.CanSeeFunding(actor, application)
            ? await db.Set<Payouts.PayoutRow>().AsNoTracking().Where(p => p.ContractId == contract.Id && p.Purpose != PayoutPurpose.Refund)
                .OrderByDescending(p => p.CreatedAt).FirstOrDefaultAsync(ct).ConfigureAwait(false)
            : null;
        return new ContractView(contract.Id, contract.Reference, contract.OfferId, LifecycleText.Of(contract.Status), contract.AcceptedAt, contract.DisbursedAt, contract.DisclosureHash)
        {
            DocumentSha256 = contract.DocumentSha256,
            LoanId = loanId,
            Payout = payout is null ? null : Payouts.PayoutView.Of(payout),
        };
    }

    public async Task<string?> DisclosureAsync(Actor actor, Guid applicationId, Guid offerId, CancellationToken ct)
    {
        var row = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (row is null || !ApplicationAccess.CanRead(actor, row))
        {
            return null;
        }

        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId && o.ApplicationId == applicationId, ct).ConfigureAwait(false);
        return offer is null ? null : (await OfferDisclosure.DocumentAsync(db, catalog ?? new ProductCatalog(), row.ProductCode, offer, ct).ConfigureAwait(false)).Json;
    }

    /// <summary>The application's offers, each promotion with its conditions as the product version that priced it set them.</summary>
    private async Task<List<OfferView>> OfferViewsAsync(ApplicationRow row, CancellationToken ct)
    {
        var views = new List<OfferView>(row.Offers.Count);
        foreach (var offer in row.Offers.OrderBy(o => o.Rank))
        {
            var view = OfferView(row.Id, offer);
            if (offer.PromotionName is { } name && catalog is not null
                && await catalog.FindVersionAsync(db, row.ProductCode, offer.ProductVersion, ct).ConfigureAwait(false) is { } product)
            {
                view = view with { PromotionConditions = PromotionConditions.Of(product.RateCard.Promotions.FirstOrDefault(p => p.Name == name)) };
            }

            views.Add(view);
        }

        return views;
    }

    public static OfferView OfferView(Guid applicationId, OfferRow o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OfferView
        {
            OfferId = o.Id,
            Rank = o.Rank,
            TermMonths = o.TermMonths,
            Method = o.Method,
            DownPayment = o.DownPayment,
            Principal = o.Principal,
            AnnualRate = Math.Round(o.AnnualRate * 100m, 4),
            Payment = o.FirstPayment,
            FirstPayment = o.FirstPayment,
            FinalPayment = Application.Origination.OfferView.FinalOf(o.Method, o.FirstPayment, o.MaxPayment),
            AnnualisedRate = Math.Round(o.AprPercent, 4),
            TotalInterest = o.TotalInterest,
            TotalFees = o.TotalFees,
            TotalRepayable = o.TotalRepayable,
            Promotion = o.PromotionName,
            IsRequestedPlan = o.IsRequestedPlan,
            DisclosureUrl = $"/api/v1/applications/{applicationId}/offers/{o.Id}/disclosure",
        };
    }

    /// <summary>An application's contract: its status, and the term and down payment of the offer it signed.</summary>
    private sealed record SignedTerms(Guid ApplicationId, ContractStatus Status, int? TermMonths, decimal? DownPayment);

    private IQueryable<SignedTerms> ContractsOf(IReadOnlyCollection<Guid> applications) =>
        from c in db.Contracts.AsNoTracking()
        where applications.Contains(c.ApplicationId)
        join o in db.Offers.AsNoTracking() on c.OfferId equals o.Id into offers
        from o in offers.DefaultIfEmpty()
        select new SignedTerms(c.ApplicationId, c.Status, o == null ? null : o.TermMonths, o == null ? null : o.DownPayment);

    /// <summary>An application as listed: once a contract is signed, the term and down payment are the accepted offer's, not the ones asked for.</summary>
    private static ApplicationSummary Summary(ApplicationRow r, SignedTerms? contract) => new(
        r.Id, r.Reference, r.Channel, LifecycleText.Of(r.Status), r.Grade, r.Score, r.SubmittedAt, $"{r.VehicleYear} {r.VehicleMake} {r.VehicleModel} ({r.VehicleCondition}, {r.VehicleEnergy})",
        r.VehiclePrice, contract?.DownPayment ?? r.DownPayment, contract?.TermMonths ?? r.TermMonths, r.DealerId, contract is null ? null : LifecycleText.Of(contract.Status))
    {
        VehicleName = $"{r.VehicleYear} {r.VehicleMake} {r.VehicleModel}",
        VehicleCondition = r.VehicleCondition,
        VehicleEnergy = r.VehicleEnergy,
    };

    private ApplicantView Applicant(ApplicationRow row)
    {
        var a = Json.Deserialize<ValidatedApplication>(protector.Unprotect(row.RequestCipher))!;
        return new ApplicantView(a.FullName, ResidentId.Mask(a.NationalId), MobileNumber.Mask(a.Mobile), a.DateOfBirth, a.EmploymentType, a.MonthlyIncome, a.MonthlyDebtPayments, row.Pd, row.ChallengerPd)
        {
            DeclaredMonthlyDebtPayments = a.DeclaredMonthlyDebtPayments,
        };
    }
}
