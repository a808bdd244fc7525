using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The servicing rules of a loan's product: the loan's application names the product, the product's policy carries
/// them (<see cref="ProductServicing"/>); a product not found (retired) services by the standard rules.
/// </summary>
public static class ProductTerms
{
    public static async Task<ProductServicing> OfAsync(AutoFinanceDbContext db, ProductCatalog catalog, LoanRow loan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(loan);
        var code = await db.Applications.AsNoTracking().Where(a => a.Id == loan.ApplicationId).Select(a => a.ProductCode).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var product = code is null ? null : await catalog.FindAsync(db, code, ct).ConfigureAwait(false);
        return product?.Policy.Servicing ?? ProductServicing.Standard;
    }

    /// <summary>The terms a loan of the product is serviced by.</summary>
    public static ServicingTerms Servicing(ProductServicing product) => (product ?? ProductServicing.Standard).Apply(ServicingTerms.Default);
}
