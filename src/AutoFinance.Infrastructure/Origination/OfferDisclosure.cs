using AutoFinance.Application.Common;
using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Products;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>
/// An offer's rows and its disclosure. The disclosure is rebuilt from the stored terms by the same exact,
/// deterministic engine that priced the offer, so it is the document that was offered; its SHA-256 is fixed in the
/// contract at acceptance.
/// </summary>
public static class OfferDisclosure
{
    public static OfferRow ToRow(Guid offerId, Guid applicationId, LoanOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var terms = offer.Schedule.Terms;
        return new OfferRow
        {
            Id = offerId,
            ApplicationId = applicationId,
            Rank = offer.Rank,
            TermMonths = offer.TermMonths,
            Method = offer.Method.ToName(),
            DownPayment = offer.DownPayment,
            Principal = offer.Principal,
            AnnualRate = offer.AnnualRate,
            CardRate = offer.CardRate,
            PromotionName = offer.PromotionName,
            Subsidy = offer.Subsidy,
            FirstPayment = offer.FirstPayment,
            MaxPayment = offer.MaxPayment,
            TotalInterest = offer.TotalInterest,
            TotalFees = offer.TotalFees,
            TotalRepayable = offer.TotalRepayable,
            AprPercent = Math.Round(offer.AprPercent, Persistence.AutoFinanceDbContext.RateScale),
            IsRequestedPlan = offer.IsRequestedPlan,
            BalloonFraction = terms.BalloonFraction,
            StartDate = terms.StartDate,
            Currency = terms.Currency.Code,
        };
    }

    /// <summary>The disclosure with the late-charge and prepayment terms given (the standard ones when none are: a calculator's illustration).</summary>
    public static LoanDisclosure Build(OfferRow row, ProductServicing? product = null) =>
        DisclosureBuilder.Build(Schedule(row), product?.LateCharges, product?.Prepayment);

    /// <summary>
    /// The offer's disclosure in the words of its own product version: that version's late-charge terms, and its
    /// prepayment terms unless the offer's promotion waives the fee. A later change of the product never reaches an
    /// offer already made.
    /// </summary>
    public static async Task<LoanDisclosure> BuildAsync(AutoFinanceDbContext db, ProductCatalog catalog, string productCode, OfferRow row, CancellationToken ct) =>
        Build(row, await ServicingAsync(db, catalog, productCode, row, ct).ConfigureAwait(false));

    /// <summary>The disclosure document of <see cref="BuildAsync"/> as JSON, with its SHA-256.</summary>
    public static async Task<(string Json, string Hash)> DocumentAsync(AutoFinanceDbContext db, ProductCatalog catalog, string productCode, OfferRow row, CancellationToken ct)
    {
        var json = Json.Serialize(await BuildAsync(db, catalog, productCode, row, ct).ConfigureAwait(false));
        return (json, Json.Sha256(json));
    }

    private static async Task<ProductServicing?> ServicingAsync(AutoFinanceDbContext db, ProductCatalog catalog, string productCode, OfferRow row, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(row);
        var product = await catalog.FindVersionAsync(db, productCode, row.ProductVersion, ct).ConfigureAwait(false);
        if (product is null)
        {
            return null;
        }

        var servicing = product.Policy.Servicing;
        var waived = row.PromotionName is { } promotion && product.RateCard.Promotions.Any(p => p.Name == promotion && p.WaivesPrepaymentFee);
        return waived ? servicing with { Prepayment = PrepaymentTerms.None } : servicing;
    }

    /// <summary>The offer's schedule, rebuilt from its stored terms.</summary>
    public static RepaymentSchedule Schedule(OfferRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var terms = new LoanTerms
        {
            Principal = row.Principal,
            AnnualRate = row.AnnualRate,
            TermMonths = row.TermMonths,
            Method = RepaymentMethodNames.Parse(row.Method) ?? throw new InvalidOperationException($"offer {row.Id} has an unknown method {row.Method}"),
            StartDate = row.StartDate,
            BalloonFraction = row.BalloonFraction,
            Currency = Currency.FromCode(row.Currency),
        };
        return ScheduleBuilder.Build(terms);
    }

}
