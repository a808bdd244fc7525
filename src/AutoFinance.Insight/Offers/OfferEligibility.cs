namespace AutoFinance.Insight.Offers;

/// <summary>The eligibility rules of each product; the first failing condition is the reason.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Refinance: no arrears in 6 months (bucket 0), at least 6 months on book, at least 12 instalments left, rate at least 1 point above the market.</item>
/// <item>Top-up: bucket 0 in 6 months, at least 12 months on book, at least 6 instalments left, loan-to-value at most 60%.</item>
/// <item>Insurance renewal: the insurance expires within 60 days (and has not expired).</item>
/// <item>Trade-in: worst bucket at most 1 in 6 months, and the vehicle is at least 4 years old or at most 6 instalments are left.</item>
/// </list>
/// </remarks>
public static class OfferEligibility
{
    /// <summary>Checks one product for one customer.</summary>
    public static Eligibility Check(OfferProduct product, OfferCustomer c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return product switch
        {
            OfferProduct.Refinance =>
                c.MaxBucketLast6Months > 0 ? Eligibility.No("in arrears within the last 6 months")
                : c.MonthsOnBook < 6 ? Eligibility.No("fewer than 6 months on book")
                : c.RemainingTermMonths < 12 ? Eligibility.No("fewer than 12 instalments left")
                : c.RateSpreadPoints < 1m ? Eligibility.No("rate less than 1 point above the market")
                : Eligibility.Yes("rate at least 1 point above the market, good standing"),
            OfferProduct.TopUp =>
                c.MaxBucketLast6Months > 0 ? Eligibility.No("in arrears within the last 6 months")
                : c.MonthsOnBook < 12 ? Eligibility.No("fewer than 12 months on book")
                : c.RemainingTermMonths < 6 ? Eligibility.No("fewer than 6 instalments left")
                : c.CurrentLoanToValue > 0.60m ? Eligibility.No("loan-to-value above 60%")
                : Eligibility.Yes("equity in the vehicle, good standing"),
            OfferProduct.InsuranceRenewal =>
                c.DaysToInsuranceExpiry is >= 0 and <= 60 ? Eligibility.Yes("insurance expires within 60 days")
                : Eligibility.No("insurance not due for renewal"),
            OfferProduct.TradeIn =>
                c.MaxBucketLast6Months > 1 ? Eligibility.No("beyond bucket 1 within the last 6 months")
                : c.VehicleAgeYears >= 4 || c.RemainingTermMonths <= 6 ? Eligibility.Yes("older vehicle or loan nearly repaid")
                : Eligibility.No("vehicle younger than 4 years and loan not near its end"),
            _ => throw new ArgumentOutOfRangeException(nameof(product), product, "Unknown product."),
        };
    }
}
