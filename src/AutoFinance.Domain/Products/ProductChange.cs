using System.Globalization;
using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Products;

/// <summary>
/// A proposed change of a product's terms: the rate card by grade, policy limits, late-charge terms (the late fee and
/// penalty), prepayment-fee terms, the payment allocation order, the required documents and the promotions. A part
/// left null keeps the product's current terms. Approved, it becomes the product's next version.
/// </summary>
/// <remarks>
/// Bounds: a grade rate from 0 to 36% a year (the ceiling above which Chinese courts do not protect interest); a late
/// fee from ¥0 to ¥10,000 to the cent; 0 to 60 days of grace; penalty 0 to 3 × the contract rate and a minimum penalty
/// rate from 0 to 36%; a prepayment fee from 0 to 10% of the principal repaid early, within 1 to 120 months; the
/// allocation order names fees, penalty interest, interest and principal once each. The policy that results must pass
/// <see cref="ProductPolicy.Validate"/>.
/// </remarks>
public sealed record ProductChange
{
    public const decimal MaxAnnualRate = 0.36m;

    /// <summary>The base annual rate of each grade (A–G), as fractions; a grade left out is not offered.</summary>
    public IReadOnlyDictionary<string, decimal>? GradeRates { get; init; }

    public PolicyLimits? Limits { get; init; }

    public LateChargeTerms? LateCharges { get; init; }

    public PrepaymentTerms? Prepayment { get; init; }

    public IReadOnlyList<DueComponent>? AllocationOrder { get; init; }

    public IReadOnlyList<DocumentKind>? RequiredDocuments { get; init; }

    public IReadOnlyList<Promotion>? Promotions { get; init; }

    /// <summary>The policy and rate card of the next version: the current ones with this change.</summary>
    public (ProductPolicy Policy, RateCard RateCard) ApplyTo(ProductPolicy policy, RateCard rateCard)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(rateCard);
        var servicing = policy.Servicing with
        {
            LateCharges = LateCharges ?? policy.Servicing.LateCharges,
            Prepayment = Prepayment ?? policy.Servicing.Prepayment,
            AllocationOrder = AllocationOrder ?? policy.Servicing.AllocationOrder,
        };
        var changed = (Limits?.ApplyTo(policy) ?? policy) with
        {
            Servicing = servicing,
            RequiredDocuments = RequiredDocuments ?? policy.RequiredDocuments,
        };
        var card = rateCard with
        {
            GradeRates = GradeRates is null ? rateCard.GradeRates : new Dictionary<string, decimal>(GradeRates, StringComparer.Ordinal),
            Promotions = Promotions ?? rateCard.Promotions,
        };
        return (changed, card);
    }

    /// <summary>Every problem of the change against the product's current terms, each naming its field with a stable code.</summary>
    public IReadOnlyList<FieldError> Validate(ProductPolicy current, RateCard currentCard)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(currentCard);
        var errors = new List<FieldError>();
        if (this == new ProductChange())
        {
            errors.Add(new(string.Empty, "changes no terms: name the rates, limits, charges, fees, order, documents or promotions to change", "product.change-empty"));
        }

        if (GradeRates is not null)
        {
            if (GradeRates.Count == 0)
            {
                errors.Add(new("gradeRates", "must price at least one grade", "product.no-grades"));
            }

            foreach (var (grade, rate) in GradeRates)
            {
                if (grade.Length != 1 || grade[0] < 'A' || grade[0] > 'G')
                {
                    errors.Add(new($"gradeRates.{grade}", "is not a grade (A to G)", "product.grade-unknown", Figures(("grade", grade))));
                }
                else if (rate < 0m || rate > MaxAnnualRate)
                {
                    errors.Add(Between($"gradeRates.{grade}", 0m, MaxAnnualRate));
                }
            }

            errors.AddRange(GradeOrderProblems(GradeRates));
        }

        if (LateCharges is { } late)
        {
            if (late.GraceDays is < 0 or > 60)
            {
                errors.Add(Between("lateCharges.graceDays", 0, 60));
            }

            if (late.FixedFee < 0m || late.FixedFee > 10_000m)
            {
                errors.Add(Between("lateCharges.fixedFee", 0, 10_000));
            }
            else if (decimal.Round(late.FixedFee, 2) != late.FixedFee)
            {
                errors.Add(new("lateCharges.fixedFee", "is to the cent at most", "field.decimals"));
            }

            if (late.PenaltyRateMultiplier < 0m || late.PenaltyRateMultiplier > 3m)
            {
                errors.Add(Between("lateCharges.penaltyRateMultiplier", 0, 3));
            }

            if (late.MinimumPenaltyAnnualRate < 0m || late.MinimumPenaltyAnnualRate > MaxAnnualRate)
            {
                errors.Add(Between("lateCharges.minimumPenaltyAnnualRate", 0m, MaxAnnualRate));
            }
        }

        if (Prepayment is { } prepayment)
        {
            if (prepayment.FeeFraction < 0m || prepayment.FeeFraction > 0.10m)
            {
                errors.Add(Between("prepayment.feeFraction", 0m, 0.10m));
            }

            if (prepayment.FeeWithinMonths is < 1 or > 120)
            {
                errors.Add(Between("prepayment.feeWithinMonths", 1, 120));
            }
        }

        if (AllocationOrder is not null && (AllocationOrder.Count != 4 || AllocationOrder.Distinct().Count() != 4))
        {
            errors.Add(new("allocationOrder", "must name fees, penalty interest, interest and principal once each", "product.allocation-order"));
        }

        if (RequiredDocuments is not null && RequiredDocuments.Distinct().Count() != RequiredDocuments.Count)
        {
            errors.Add(new("requiredDocuments", "names a document twice", "product.documents-repeated"));
        }

        for (var i = 0; i < (Promotions?.Count ?? 0); i++)
        {
            errors.AddRange(PromotionProblems($"promotions[{i}]", Promotions![i]));
        }

        if (Promotions is { } promotions && promotions.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count() != promotions.Count)
        {
            errors.Add(new("promotions", "two promotions have the same code", "product.promotion-code-repeated"));
        }

        if (errors.Count == 0)
        {
            // The figures are each in bounds: what the policy makes of them together (a maximum above its minimum, …).
            var (policy, _) = ApplyTo(current, currentCard);
            errors.AddRange(policy.Validate().Select(e => e with { Field = "limits." + e.Field, Code = e.Code ?? "product.policy-inconsistent" }));
        }

        return errors;
    }

    /// <summary>A better grade is a lower risk, so it is never priced above a worse one (A lowest, G highest).</summary>
    private static IEnumerable<FieldError> GradeOrderProblems(IReadOnlyDictionary<string, decimal> rates)
    {
        var graded = rates.Where(r => r.Key.Length == 1 && r.Key[0] is >= 'A' and <= 'G').OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        for (var i = 1; i < graded.Count; i++)
        {
            if (graded[i].Value < graded[i - 1].Value)
            {
                yield return new($"gradeRates.{graded[i].Key}", $"must not be below grade {graded[i - 1].Key}'s rate: a worse grade is not priced lower",
                    "product.grade-order", Figures(("grade", graded[i].Key), ("better", graded[i - 1].Key)));
            }
        }
    }

    private static IEnumerable<FieldError> PromotionProblems(string field, Promotion promotion)
    {
        if (string.IsNullOrWhiteSpace(promotion.Code) || promotion.Code.Length > 40)
        {
            yield return new($"{field}.code", "is required (at most 40 characters)", "field.required-text", Figures(("max", "40")));
        }

        if (string.IsNullOrWhiteSpace(promotion.Name) || promotion.Name.Length > 100)
        {
            yield return new($"{field}.name", "is required (at most 100 characters)", "field.required-text", Figures(("max", "100")));
        }

        switch (promotion.AnnualRate, promotion.RateDiscount)
        {
            case (null, null) when !promotion.WaivesPrepaymentFee:
            case ({ }, { }):
                yield return new($"{field}.rateDiscount", "give a promotional rate or a discount off the card rate (one of them), or waive the prepayment fee", "product.promotion-rate");
                break;
            case ({ } rate, null) when rate < 0m || rate > MaxAnnualRate:
                yield return Between($"{field}.annualRate", 0m, MaxAnnualRate);
                break;
            case (null, { } discount) when discount <= 0m || discount > MaxAnnualRate:
                yield return Between($"{field}.rateDiscount", 0.0001m, MaxAnnualRate);
                break;
        }

        if (promotion.MaxTermMonths is < 1 or > 120)
        {
            yield return Between($"{field}.maxTermMonths", 1, 120);
        }

        if (promotion.Terms is { } terms && terms.Any(t => t < 1 || t > promotion.MaxTermMonths))
        {
            yield return new($"{field}.terms", "lists a term outside 1 to the promotion's longest term", "field.between", Figures(("min", "1"), ("max", promotion.MaxTermMonths.ToString(CultureInfo.InvariantCulture))));
        }

        if (promotion.ValidFrom is { } from && promotion.ValidTo is { } to && to < from)
        {
            yield return new($"{field}.validTo", "must not be before the first day", "product.promotion-dates", Figures(("validFrom", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        }

        if (promotion.MinDownPaymentFraction is < 0m or >= 1m)
        {
            yield return Between($"{field}.minDownPaymentFraction", 0m, 0.99m);
        }
    }

    private static FieldError Between(string field, decimal min, decimal max) =>
        new(field, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"), "field.between",
            Figures(("min", min.ToString(CultureInfo.InvariantCulture)), ("max", max.ToString(CultureInfo.InvariantCulture))));

    private static Dictionary<string, string> Figures(params (string Name, string Value)[] figures) =>
        figures.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
