using AutoFinance.Application.Origination;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The servicing rules of a loan's product: the loan's application names the product and the loan the product version
/// it was made under; that version's policy carries them (<see cref="ProductServicing"/>), so a later change of the
/// product never reaches a loan already made. A product not found services by the standard rules.
/// </summary>
public static class ProductTerms
{
    public static async Task<ProductServicing> OfAsync(AutoFinanceDbContext db, ProductCatalog catalog, LoanRow loan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(loan);
        // The product's code and the accepted offer's promotion in one round trip.
        var named = await db.Applications.AsNoTracking().Where(a => a.Id == loan.ApplicationId)
            .Select(a => new
            {
                a.ProductCode,
                Promotion = db.Contracts.Where(c => c.Id == loan.ContractId).Join(db.Offers, c => c.OfferId, o => o.Id, (c, o) => o.PromotionName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return await OfAsync(db, catalog, loan, named?.ProductCode, named?.Promotion, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// The same for a caller that read the product's code (null when the loan's application is not on file) and the
    /// accepted offer's promotion with the loan's row.
    /// </summary>
    public static async Task<ProductServicing> OfAsync(AutoFinanceDbContext db, ProductCatalog catalog, LoanRow loan, string? productCode, string? promotion, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loan);
        if (productCode is not { } code)
        {
            return ProductServicing.Standard;
        }

        var servicing = await ServicingOfAsync(db, catalog, code, loan.ProductVersion, ct).ConfigureAwait(false);
        return await WaivesPrepaymentFeeAsync(db, catalog, code, loan, promotion, ct).ConfigureAwait(false)
            ? servicing with { Prepayment = Domain.Products.PrepaymentTerms.None }
            : servicing;
    }

    /// <summary>Whether the promotion the loan's accepted offer was priced with waives the prepayment fee.</summary>
    private static async Task<bool> WaivesPrepaymentFeeAsync(AutoFinanceDbContext db, ProductCatalog catalog, string code, LoanRow loan, string? promotion, CancellationToken ct)
    {
        if (promotion is null)
        {
            return false;
        }

        var product = await catalog.FindVersionAsync(db, code, loan.ProductVersion, ct).ConfigureAwait(false);
        return product?.RateCard.Promotions.Any(p => p.Name == promotion && p.WaivesPrepaymentFee) == true;
    }

    /// <summary>The servicing rules of a product version; the product's current ones if that version is not found, the standard ones if the product is gone.</summary>
    public static async Task<ProductServicing> ServicingOfAsync(AutoFinanceDbContext db, ProductCatalog catalog, string code, int version, CancellationToken ct) =>
        (await VersionOrCurrentAsync(db, catalog, code, version, ct).ConfigureAwait(false))?.Policy.Servicing ?? ProductServicing.Standard;

    /// <summary>A product version a loan was made under; the product's current terms if that version is not found; null if the product is gone.</summary>
    public static async Task<ProductSettings?> VersionOrCurrentAsync(AutoFinanceDbContext db, ProductCatalog catalog, string code, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return await catalog.FindVersionAsync(db, code, version, ct).ConfigureAwait(false)
            ?? await catalog.FindAsync(db, code, ct).ConfigureAwait(false);
    }

    /// <summary>The terms a loan of the product is serviced by.</summary>
    public static ServicingTerms Servicing(ProductServicing product) => (product ?? ProductServicing.Standard).Apply(ServicingTerms.Default);
}
