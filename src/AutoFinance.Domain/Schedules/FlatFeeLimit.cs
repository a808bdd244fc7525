using System.Globalization;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Schedules;

/// <summary>
/// The most a flat fee stated for a loan may charge. Kept apart from <see cref="LoanTermsValidator"/>, which also checks
/// the terms a booked loan is re-expressed in after a prepayment or a hardship plan: there what is left of the fee is
/// a share of a smaller principal and may rightly exceed this.
/// </summary>
public static class FlatFeeLimit
{
    /// <summary>
    /// 18% of the principal a year of the term (1.5% a month). The fee is charged on the whole principal while the
    /// balance falls, so its true APR is about 2n/(n+1) times this yearly share (n monthly instalments): at 18% a spread
    /// fee stays within the 36% a year above which Chinese courts do not protect interest
    /// (<see cref="ProductChange.MaxAnnualRate"/>). Car lenders' flat fees are far below it (0.3–0.8% a month).
    /// </summary>
    public const decimal MaxYearlyFraction = ProductChange.MaxAnnualRate / 2m;

    public const string AboveLimitCode = "flatFee.above-limit";

    /// <summary>The problem of a flat fee above the limit, naming the field <c>flatFee</c>; null when within it or not a flat-fee loan.</summary>
    public static FieldError? Check(LoanTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return terms.FlatFee is { } fee ? Check(fee, terms.TermMonths, "flatFee") : null;
    }

    /// <summary>The problem of a flat fee above the limit over <paramref name="termMonths"/>, naming <paramref name="field"/>; null when within it.</summary>
    public static FieldError? Check(FlatFee fee, int termMonths, string field)
    {
        ArgumentNullException.ThrowIfNull(fee);
        if (termMonths < 1 || fee.TotalFraction * 12m <= MaxYearlyFraction * termMonths)
        {
            return null;
        }

        var figures = FieldProblems.Figures(
            ("yearly", Percent(MaxYearlyFraction)),
            ("monthly", Percent(MaxYearlyFraction / 12m)),
            ("total", Percent(MaxYearlyFraction * termMonths / 12m)),
            ("term", termMonths.ToString(CultureInfo.InvariantCulture)),
            ("ceiling", Percent(ProductChange.MaxAnnualRate)));
        var limit = fee.MonthlyFraction is null
            ? $"must be at most {figures["total"]}% over {figures["term"]} months ({figures["yearly"]}% of the principal a year)"
            : $"must be at most {figures["monthly"]}% a month";
        return new FieldError(field, $"{limit}: a higher flat fee costs more than the {figures["ceiling"]}% a year Chinese courts protect", AboveLimitCode, figures);
    }

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture);
}
