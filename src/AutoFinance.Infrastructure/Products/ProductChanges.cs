using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Products;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Products;

/// <summary>
/// Makes an approved product change the product's next version: a new immutable version row, the product's current
/// terms and version number moved to it, in the approval's transaction. Offers and loans made before keep theirs.
/// </summary>
public sealed class ProductChanges(AutoFinanceDbContext db, ProductCatalog catalog, TimeProvider time)
{
    /// <summary>The approval kind of a product change.</summary>
    public const string Action = "product.change";

    /// <summary>What waits for approval: the change and the version it was proposed against.</summary>
    public sealed record Payload(string Code, int BaseVersion, ProductChange Change);

    /// <summary>Carries out an approved change as <paramref name="approver"/>, saving the approval with it; null when done, or why not.</summary>
    public async Task<string?> ApplyAsync(ApprovalRow approval, string payloadJson, Actor approver, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(approver);
        var payload = Json.Deserialize<Payload>(payloadJson) ?? throw new InvalidOperationException("a product change without its payload");
        var product = await db.Products.FirstOrDefaultAsync(p => p.Code == payload.Code, ct).ConfigureAwait(false);
        if (product is null)
        {
            return "the product no longer exists";
        }

        if (product.CurrentVersion != payload.BaseVersion)
        {
            // Approving would silently undo the change made in between: the proposal must be made again on the new terms.
            return $"the product changed since this was proposed (now version {product.CurrentVersion}, proposed on {payload.BaseVersion})";
        }

        var current = ProductCatalog.ToSettings(product);
        if (payload.Change.Validate(current.Policy, current.RateCard) is { Count: > 0 } problems)
        {
            return string.Join("; ", problems);
        }

        var (policy, rateCard) = payload.Change.ApplyTo(current.Policy, current.RateCard);
        var next = current with { Policy = policy, RateCard = rateCard, Version = current.Version + 1 };
        var now = time.GetUtcNow();
        db.ProductVersions.Add(ProductCatalog.ToVersionRow(next, product.Id, now, approval.RequestedBy, approver.AuditName, approval.Reason));
        product.PolicyJson = Json.Serialize(policy);
        product.RateCardJson = Json.Serialize(rateCard);
        product.CurrentVersion = next.Version;
        approval.Record(Application.Common.RecordNote.Of($"{payload.Code} version {next.Version}", ("code", payload.Code), ("version", next.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await AuditLog.SaveWithAsync(db, [new AuditEvent(approver.AuditName, "product.versioned", "product", payload.Code, new { ApprovalId = approval.Id, next.Version, approval.RequestedBy })], now, ct).ConfigureAwait(false);
        catalog.Forget(payload.Code);
        return null;
    }
}
