using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Products;

/// <summary>
/// The products as the admin console sees them: each with its current terms and version history, and a change
/// proposed for a second person's approval (<see cref="ProductChanges"/> makes it a version once approved).
/// </summary>
public sealed class ProductAdministration(AutoFinanceDbContext db, ApprovalService approvals)
{
    public sealed record ProductSummary(string Code, string Name, int CurrentVersion, bool Active, DateTimeOffset? EffectiveFrom, int Promotions);

    public sealed record PromotionView(Promotion Promotion, string ConditionsZh, string ConditionsEn);

    /// <summary>A version's terms as they apply (a part the product leaves unset shown with the standard rule).</summary>
    public sealed record TermsView(
        IReadOnlyDictionary<string, decimal> GradeRates,
        PolicyLimits Limits,
        LateChargeTerms LateCharges,
        PrepaymentTerms Prepayment,
        IReadOnlyList<DueComponent> AllocationOrder,
        IReadOnlyList<DocumentKind> RequiredDocuments,
        IReadOnlyList<PromotionView> Promotions);

    public sealed record VersionView(int Version, DateTimeOffset EffectiveFrom, string ProposedBy, string? ApprovedBy, string Reason, TermsView Terms);

    public sealed record ProductDetail(string Code, string Name, int CurrentVersion, bool Active, TermsView Terms, IReadOnlyList<VersionView> Versions, Guid? PendingApprovalId);

    /// <summary>Every product, by code (nothing left out).</summary>
    public async Task<IReadOnlyList<ProductSummary>> ListAsync(CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct).ConfigureAwait(false);
        var since = await db.ProductVersions.AsNoTracking().Select(v => new { v.Code, v.Version, v.EffectiveFrom }).ToListAsync(ct).ConfigureAwait(false);
        return [.. products.Select(p =>
        {
            var settings = ProductCatalog.ToSettings(p);
            return new ProductSummary(p.Code, p.Name, p.CurrentVersion, p.Active,
                since.FirstOrDefault(v => v.Code == p.Code && v.Version == p.CurrentVersion)?.EffectiveFrom, settings.RateCard.Promotions.Count);
        })];
    }

    public async Task<ProductDetail?> FindAsync(string code, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct).ConfigureAwait(false);
        if (product is null)
        {
            return null;
        }

        var versions = await db.ProductVersions.AsNoTracking().Where(v => v.Code == code).OrderByDescending(v => v.Version).ToListAsync(ct).ConfigureAwait(false);
        var pending = await db.Approvals.AsNoTracking().Where(a => a.Action == ProductChanges.Action && a.Target == code && a.Status == Domain.Approvals.ApprovalStatus.Pending)
            .Select(a => (Guid?)a.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return new ProductDetail(product.Code, product.Name, product.CurrentVersion, product.Active, Terms(ProductCatalog.ToSettings(product)),
            [.. versions.Select(v => new VersionView(v.Version, v.EffectiveFrom, v.ProposedBy, v.ApprovedBy, v.Reason, Terms(ProductCatalog.ToSettings(v))))], pending);
    }

    /// <summary>
    /// Asks for a change of the product's terms: every problem of the change is answered at once, naming its field;
    /// a valid change waits for a second admin or manager, and becomes the next version when approved.
    /// </summary>
    public async Task<CommandResult<ApprovalService.ApprovalView>> ProposeAsync(Actor actor, string code, ProductChange change, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct).ConfigureAwait(false);
        if (product is null)
        {
            return CommandResult<ApprovalService.ApprovalView>.NotFound();
        }

        var current = ProductCatalog.ToSettings(product);
        var problems = change.Validate(current.Policy, current.RateCard).Concat(ReasonProblems(reason)).ToList();
        if (problems.Count > 0)
        {
            return CommandResult<ApprovalService.ApprovalView>.Invalid(problems);
        }

        return await approvals.RequestAsync(actor, ProductChanges.Action, code, new ProductChanges.Payload(code, product.CurrentVersion, change),
            Application.Common.RecordNote.Of($"change {code} (version {product.CurrentVersion} → {product.CurrentVersion + 1}): {Parts(change)}",
                ("code", code), ("from", Invariant(product.CurrentVersion)), ("to", Invariant(product.CurrentVersion + 1)), ("parts", string.Join(',', PartNames(change)))), reason, ct).ConfigureAwait(false);
    }

    /// <summary>Why the change is made: 3 to 300 characters, kept with the version.</summary>
    public static IEnumerable<Domain.Validation.FieldError> ReasonProblems(string? reason) =>
        reason?.Trim() is { Length: >= 3 and <= 300 } ? [] : [new("reason", "is required (3 to 300 characters)", "field.length", Domain.Validation.FieldProblems.Figures(("min", "3"), ("max", "300")))];

    /// <summary>The parts of the terms a change touches, named for the approvals queue.</summary>
    private static string Parts(ProductChange change) =>
        PartNames(change).ToList() is { Count: > 0 } parts ? string.Join(", ", parts.Select(p => p.Replace('-', ' '))) : "no terms";

    /// <summary>The parts of the terms a change touches, as language-neutral words (<c>rate-card</c>, <c>late-charges</c>, …).</summary>
    private static IEnumerable<string> PartNames(ProductChange change)
    {
        if (change.GradeRates is not null) { yield return "rate-card"; }
        if (change.Limits is not null) { yield return "policy-limits"; }
        if (change.LateCharges is not null) { yield return "late-charges"; }
        if (change.Prepayment is not null) { yield return "prepayment-fee"; }
        if (change.AllocationOrder is not null) { yield return "allocation-order"; }
        if (change.RequiredDocuments is not null) { yield return "required-documents"; }
        if (change.Promotions is not null) { yield return "promotions"; }
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static TermsView Terms(ProductSettings product)
    {
        ArgumentNullException.ThrowIfNull(product);
        var policy = product.Policy;
        var servicing = policy.Servicing.Apply(ServicingTerms.Default);
        return new TermsView(
            product.RateCard.GradeRates,
            new PolicyLimits
            {
                MinLoanAmount = policy.MinLoanAmount,
                MaxLoanAmount = policy.MaxLoanAmount,
                MaxTermNewMonths = policy.MaxTermNewMonths,
                MaxTermUsedMonths = policy.MaxTermUsedMonths,
                AllowedTerms = policy.AllowedTerms,
                LtvCapNewConventional = policy.LtvCapNewConventional,
                LtvCapNewEnergy = policy.LtvCapNewEnergy,
                LtvCapUsed = policy.LtvCapUsed,
                MaxPaymentToIncome = policy.MaxPaymentToIncome,
                MaxDebtToIncome = policy.MaxDebtToIncome,
                MinAge = policy.MinAge,
                MaxAgeAtMaturity = policy.MaxAgeAtMaturity,
            },
            servicing.LateCharges,
            servicing.Prepayment,
            servicing.Allocation.Components,
            policy.RequiredDocuments,
            [.. product.RateCard.Promotions.Select(p => new PromotionView(p, PromotionWording.Describe(p, english: false), PromotionWording.Describe(p, english: true)))]);
    }
}
