using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Products;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>Products with versions: list, read with the version history, and propose a change for four-eyes approval.</summary>
public static class ProductEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/admin/products").WithTags("Products").RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        group.MapList("/", BackOfficeLists.Products, ReadProducts, "Every product with its current version, state and promotions", 200);
        group.MapListExport("/export.csv", BackOfficeLists.Products, ReadProducts);
        group.MapGet("/{code}", async (string code, ProductAdministration products, CancellationToken ct) =>
                await products.FindAsync(code, ct).ConfigureAwait(false) is { } product ? Results.Ok(product) : Problems.NotFound("product"))
            .WithSummary("A product's current terms, its version history (who, when, why) and a change waiting for approval")
            .Produces<ProductAdministration.ProductDetail>().ProducesProblem(404);
        group.MapPost("/{code}/changes", async (string code, HttpContext http, ProductAdministration products, ProductCatalog catalog, AutoFinanceDbContext db, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ProductChangeInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                if (await catalog.FindAsync(db, code, ct).ConfigureAwait(false) is not { } current)
                {
                    return Problems.NotFound("product");
                }

                // Every problem at once: names that cannot be read, figures out of bounds, a missing reason.
                var (change, unread) = body.Value!.ToChange(current);
                var problems = unread.Concat(change.Validate(current.Policy, current.RateCard)).Concat(ProductAdministration.ReasonProblems(body.Value.Reason)).ToList();
                if (problems.Count > 0)
                {
                    return Problems.Validation(problems);
                }

                var asked = await products.ProposeAsync(http.User.ToActor(), code, change, body.Value.Reason, ct).ConfigureAwait(false);
                return Problems.From(asked, a => Results.Accepted($"/api/v1/approvals/{a.ApprovalId}", a), "product");
            })
            .WithSummary("Propose a change of a product's rate card, limits, late charges, prepayment fee, allocation order, required documents or promotions; it becomes the next version when a second person approves")
            .Accepts<ProductChangeInput>("application/json").Produces<ApprovalService.ApprovalView>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<IEnumerable<ProductAdministration.ProductSummary>> ReadProducts(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<ProductAdministration>().ListAsync(ct).ConfigureAwait(false);
}
