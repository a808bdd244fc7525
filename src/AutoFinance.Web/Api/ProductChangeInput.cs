using System.Text.Json;
using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Web.Api;

/// <summary>
/// A proposed product change as the API takes it: every part optional (left out, it keeps the product's current
/// terms), a part's fields optional too (late charges and prepayment terms keep the figures not given). Rates and
/// fractions as fractions (0.0399 for 3.99%); names in kebab case (<c>penalty-interest</c>, <c>id-card-front</c>).
/// </summary>
public sealed record ProductChangeInput(
    string? Reason,
    Dictionary<string, decimal>? GradeRates,
    PolicyLimits? Limits,
    ProductChangeInput.LateChargesInput? LateCharges,
    ProductChangeInput.PrepaymentInput? Prepayment,
    string[]? AllocationOrder,
    string[]? RequiredDocuments,
    ProductChangeInput.PromotionInput[]? Promotions)
{
    public sealed record LateChargesInput(int? GraceDays, decimal? FixedFee, decimal? PenaltyRateMultiplier, decimal? MinimumPenaltyAnnualRate);

    public sealed record PrepaymentInput(decimal? FeeFraction, int? FeeWithinMonths);

    public sealed record PromotionInput(
        string? Code, string? Name, string? Sponsor, decimal? AnnualRate, decimal? RateDiscount, int? MaxTermMonths, string[]? Makes, string[]? Models,
        int[]? Terms, DateOnly? ValidFrom, DateOnly? ValidTo, decimal? MinDownPaymentFraction, string? Energy, string? Condition, bool? WaivesPrepaymentFee = null);

    /// <summary>The domain change against the product's current terms, or the names that could not be read, each naming its field.</summary>
    public (ProductChange Change, IReadOnlyList<FieldError> Problems) ToChange(ProductSettings current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<FieldError>();
        var terms = current.Policy.Servicing.Apply(ServicingTerms.Default);
        var change = new ProductChange
        {
            GradeRates = GradeRates,
            Limits = Limits,
            LateCharges = LateCharges is { } late
                ? new LateChargeTerms(
                    late.GraceDays ?? terms.LateCharges.GraceDays,
                    late.FixedFee ?? terms.LateCharges.FixedFee,
                    late.PenaltyRateMultiplier ?? terms.LateCharges.PenaltyRateMultiplier,
                    late.MinimumPenaltyAnnualRate ?? terms.LateCharges.MinimumPenaltyAnnualRate)
                : null,
            Prepayment = Prepayment is { } prepayment
                ? terms.Prepayment with { FeeFraction = prepayment.FeeFraction ?? terms.Prepayment.FeeFraction, FeeWithinMonths = prepayment.FeeWithinMonths ?? terms.Prepayment.FeeWithinMonths }
                : null,
            AllocationOrder = AllocationOrder is null ? null : Names<DueComponent>("allocationOrder", AllocationOrder, problems),
            RequiredDocuments = RequiredDocuments is null ? null : Documents(RequiredDocuments, problems),
            Promotions = Promotions?.Select((p, i) => (p, i)).Where(x => Present(x.p, $"promotions[{x.i}]", problems)).Select(x => ToPromotion(x.p, $"promotions[{x.i}]", problems)).ToList(),
        };
        return (change, problems);
    }

    private static List<DocumentKind> Documents(string[] names, List<FieldError> problems)
    {
        var kinds = new List<DocumentKind>();
        foreach (var name in names)
        {
            if (DocumentKindNames.Parse(name) is { } kind)
            {
                kinds.Add(kind);
            }
            else
            {
                problems.Add(OneOf("requiredDocuments", name, DocumentKindNames.All.Select(k => k.ToName())));
            }
        }

        return kinds;
    }

    private static List<T> Names<T>(string field, IEnumerable<string> names, List<FieldError> problems)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var name in names)
        {
            if (Name<T>(name) is { } value)
            {
                values.Add(value);
            }
            else
            {
                problems.Add(OneOf(field, name, Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()))));
            }
        }

        return values;
    }

    private static T? Name<T>(string? name)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v!.Value.ToString()) == name);

    /// <summary>A null in the promotions list is named, not read.</summary>
    private static bool Present(PromotionInput? input, string field, List<FieldError> problems)
    {
        if (input is null)
        {
            problems.Add(new FieldError(field, "must be a promotion, not null", "field.required"));
        }

        return input is not null;
    }

    private static Promotion ToPromotion(PromotionInput input, string field, List<FieldError> problems)
    {
        VehicleEnergy? energy = null;
        if (input.Energy is not null && (energy = Name<VehicleEnergy>(input.Energy)) is null)
        {
            problems.Add(OneOf($"{field}.energy", input.Energy, ["conventional", "new-energy"]));
        }

        VehicleCondition? condition = null;
        if (input.Condition is not null && (condition = Name<VehicleCondition>(input.Condition)) is null)
        {
            problems.Add(OneOf($"{field}.condition", input.Condition, ["new", "used"]));
        }

        if (input.MaxTermMonths is null)
        {
            problems.Add(new($"{field}.maxTermMonths", "is required", "field.required"));
        }

        return new Promotion
        {
            Code = input.Code?.Trim() ?? string.Empty,
            Name = input.Name?.Trim() ?? string.Empty,
            Sponsor = string.IsNullOrWhiteSpace(input.Sponsor) ? "lender" : input.Sponsor.Trim(),
            AnnualRate = input.AnnualRate,
            RateDiscount = input.RateDiscount,
            WaivesPrepaymentFee = input.WaivesPrepaymentFee ?? false,
            MaxTermMonths = input.MaxTermMonths ?? 0,
            Makes = input.Makes?.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList(),
            Models = input.Models?.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).ToList(),
            Terms = input.Terms,
            ValidFrom = input.ValidFrom,
            ValidTo = input.ValidTo,
            MinDownPaymentFraction = input.MinDownPaymentFraction ?? 0m,
            Energy = energy,
            Condition = condition,
        };
    }

    private static FieldError OneOf(string field, string given, IEnumerable<string> allowed) =>
        new(field, $"'{given}' is not one of {string.Join(", ", allowed)}", "field.one-of", FieldProblems.Figures(("allowed", string.Join(", ", allowed))));
}
