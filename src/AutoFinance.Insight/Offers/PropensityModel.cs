namespace AutoFinance.Insight.Offers;

/// <summary>
/// The chance a customer takes a product up: p = 1 / (1 + e^−(b₀ + Σ wᵢ·xᵢ)), one set of weights per product.
/// </summary>
/// <remarks>The default weights are hand-set priors (signs from the business, sizes modest) until take-up data from
/// A/B tests allows fitting them; they rank products for a customer, they are not calibrated probabilities.</remarks>
public sealed class PropensityModel(IReadOnlyDictionary<OfferProduct, PropensityWeights> weights)
{
    /// <summary>The hand-set priors.</summary>
    public static PropensityModel Default { get; } = new(new Dictionary<OfferProduct, PropensityWeights>
    {
        [OfferProduct.Refinance] = new(-2.2, RateSpreadPoints: 0.9, DigitalSessions: 0.03),
        [OfferProduct.TopUp] = new(-1.6, LoanToValue: -2.5, DigitalSessions: 0.05),
        [OfferProduct.InsuranceRenewal] = new(-1.0, DigitalSessions: 0.02, InsuranceDueSoon: 1.2),
        [OfferProduct.TradeIn] = new(-3.0, VehicleAgeYears: 0.3, NearMaturity: 1.0),
    });

    /// <summary>The propensity of <paramref name="product"/> for <paramref name="customer"/>, in (0, 1).</summary>
    public double Score(OfferProduct product, OfferCustomer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (!weights.TryGetValue(product, out var w))
        {
            return 0;
        }

        var logit = w.Intercept
            + (w.RateSpreadPoints * (double)customer.RateSpreadPoints)
            + (w.LoanToValue * (double)customer.CurrentLoanToValue)
            + (w.DigitalSessions * customer.DigitalSessionsLast3Months)
            + (w.VehicleAgeYears * customer.VehicleAgeYears)
            + (customer.RemainingTermMonths <= 6 ? w.NearMaturity : 0)
            + (customer.DaysToInsuranceExpiry is >= 0 and <= 30 ? w.InsuranceDueSoon : 0);
        return 1 / (1 + Math.Exp(-logit));
    }
}
