using System.Globalization;
using System.Text.Json;
using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Products;

namespace AutoFinance.Web.Components.Products;

/// <summary>
/// The product page's change form, as typed: rates and ratios in percent, lists comma-separated. It reads into a
/// <see cref="ProductChange"/> holding only the parts that differ from the current terms; text that is not a number
/// is named beside its field.
/// </summary>
public sealed class ProductForm
{
    public string? GradeA { get; set; }
    public string? GradeB { get; set; }
    public string? GradeC { get; set; }
    public string? GradeD { get; set; }
    public string? GradeE { get; set; }
    public string? GradeF { get; set; }
    public string? GradeG { get; set; }
    public string? MinLoan { get; set; }
    public string? MaxLoan { get; set; }
    public string? MaxTermNew { get; set; }
    public string? MaxTermUsed { get; set; }
    public string? Terms { get; set; }
    public string? LtvNew { get; set; }
    public string? LtvNev { get; set; }
    public string? LtvUsed { get; set; }
    public string? Pti { get; set; }
    public string? Dti { get; set; }
    public string? MinAge { get; set; }
    public string? MaxAge { get; set; }
    public string? Grace { get; set; }
    public string? LateFee { get; set; }
    public string? Penalty { get; set; }
    public string? MinPenalty { get; set; }
    public string? PrepayFee { get; set; }
    public string? PrepayWithin { get; set; }
    public string? Allocation1 { get; set; }
    public string? Allocation2 { get; set; }
    public string? Allocation3 { get; set; }
    public string? Allocation4 { get; set; }
    public bool DocIdCardFront { get; set; }
    public bool DocIdCardBack { get; set; }
    public bool DocDrivingLicence { get; set; }
    public bool DocVehicleInvoice { get; set; }
    public bool DocRegistrationCertificate { get; set; }
    public bool DocIncomeProof { get; set; }
    public string? RemovePromotion { get; set; }
    public string? PromoCode { get; set; }
    public string? PromoName { get; set; }
    public string? PromoDiscount { get; set; }
    public string? PromoRate { get; set; }
    public bool PromoWaivesFee { get; set; }
    public string? PromoMakes { get; set; }
    public string? PromoModels { get; set; }
    public string? PromoTerms { get; set; }
    public string? PromoMaxTerm { get; set; }
    public string? PromoFrom { get; set; }
    public string? PromoTo { get; set; }
    public string? Reason { get; set; }

    public string? Grade(string grade) => grade switch
    {
        "A" => GradeA, "B" => GradeB, "C" => GradeC, "D" => GradeD, "E" => GradeE, "F" => GradeF, _ => GradeG,
    };

    public void SetGrade(string grade, string? value)
    {
        switch (grade)
        {
            case "A": GradeA = value; break;
            case "B": GradeB = value; break;
            case "C": GradeC = value; break;
            case "D": GradeD = value; break;
            case "E": GradeE = value; break;
            case "F": GradeF = value; break;
            default: GradeG = value; break;
        }
    }

    public string? Allocation(int position) => position switch { 0 => Allocation1, 1 => Allocation2, 2 => Allocation3, _ => Allocation4 };

    public void SetAllocation(int position, string? value)
    {
        switch (position)
        {
            case 0: Allocation1 = value; break;
            case 1: Allocation2 = value; break;
            case 2: Allocation3 = value; break;
            default: Allocation4 = value; break;
        }
    }

    public bool Requires(DocumentKind kind) => kind switch
    {
        DocumentKind.IdCardFront => DocIdCardFront,
        DocumentKind.IdCardBack => DocIdCardBack,
        DocumentKind.DrivingLicence => DocDrivingLicence,
        DocumentKind.VehicleInvoice => DocVehicleInvoice,
        DocumentKind.RegistrationCertificate => DocRegistrationCertificate,
        _ => DocIncomeProof,
    };

    public void SetRequires(DocumentKind kind, bool value)
    {
        switch (kind)
        {
            case DocumentKind.IdCardFront: DocIdCardFront = value; break;
            case DocumentKind.IdCardBack: DocIdCardBack = value; break;
            case DocumentKind.DrivingLicence: DocDrivingLicence = value; break;
            case DocumentKind.VehicleInvoice: DocVehicleInvoice = value; break;
            case DocumentKind.RegistrationCertificate: DocRegistrationCertificate = value; break;
            default: DocIncomeProof = value; break;
        }
    }

    /// <summary>The form as the current terms fill it.</summary>
    public void Fill(ProductAdministration.TermsView terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        foreach (var grade in new[] { "A", "B", "C", "D", "E", "F", "G" })
        {
            SetGrade(grade, terms.GradeRates.TryGetValue(grade, out var rate) ? Percent(rate) : null);
        }

        var limits = terms.Limits;
        MinLoan = Number(limits.MinLoanAmount);
        MaxLoan = Number(limits.MaxLoanAmount);
        MaxTermNew = limits.MaxTermNewMonths?.ToString(CultureInfo.InvariantCulture);
        MaxTermUsed = limits.MaxTermUsedMonths?.ToString(CultureInfo.InvariantCulture);
        Terms = string.Join(", ", limits.AllowedTerms ?? []);
        LtvNew = Percent(limits.LtvCapNewConventional);
        LtvNev = Percent(limits.LtvCapNewEnergy);
        LtvUsed = Percent(limits.LtvCapUsed);
        Pti = Percent(limits.MaxPaymentToIncome);
        Dti = Percent(limits.MaxDebtToIncome);
        MinAge = limits.MinAge?.ToString(CultureInfo.InvariantCulture);
        MaxAge = limits.MaxAgeAtMaturity?.ToString(CultureInfo.InvariantCulture);
        Grace = terms.LateCharges.GraceDays.ToString(CultureInfo.InvariantCulture);
        LateFee = Number(terms.LateCharges.FixedFee);
        Penalty = Number(terms.LateCharges.PenaltyRateMultiplier);
        MinPenalty = Percent(terms.LateCharges.MinimumPenaltyAnnualRate);
        PrepayFee = Percent(terms.Prepayment.FeeFraction);
        PrepayWithin = terms.Prepayment.FeeWithinMonths?.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < 4; i++)
        {
            SetAllocation(i, i < terms.AllocationOrder.Count ? Kebab(terms.AllocationOrder[i]) : null);
        }

        foreach (var kind in DocumentKindNames.All)
        {
            SetRequires(kind, terms.RequiredDocuments.Contains(kind));
        }
    }

    /// <summary>The change the form asks for against the current terms (null when it changes nothing), or the text it could not read.</summary>
    public (ProductChange? Change, IReadOnlyList<FieldError> Problems) ToChange(ProductAdministration.TermsView current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new List<FieldError>();
        var reader = new Reader(problems);

        var grades = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var grade in new[] { "A", "B", "C", "D", "E", "F", "G" })
        {
            if (reader.Fraction($"gradeRates.{grade}", Grade(grade)) is { } rate)
            {
                grades[grade] = rate;
            }
        }

        var limits = new PolicyLimits
        {
            MinLoanAmount = reader.Decimal("limits.minLoanAmount", MinLoan),
            MaxLoanAmount = reader.Decimal("limits.maxLoanAmount", MaxLoan),
            MaxTermNewMonths = reader.Whole("limits.maxTermNewMonths", MaxTermNew),
            MaxTermUsedMonths = reader.Whole("limits.maxTermUsedMonths", MaxTermUsed),
            AllowedTerms = reader.Wholes("limits.allowedTerms", Terms),
            LtvCapNewConventional = reader.Fraction("limits.ltvCapNewConventional", LtvNew),
            LtvCapNewEnergy = reader.Fraction("limits.ltvCapNewEnergy", LtvNev),
            LtvCapUsed = reader.Fraction("limits.ltvCapUsed", LtvUsed),
            MaxPaymentToIncome = reader.Fraction("limits.maxPaymentToIncome", Pti),
            MaxDebtToIncome = reader.Fraction("limits.maxDebtToIncome", Dti),
            MinAge = reader.Whole("limits.minAge", MinAge),
            MaxAgeAtMaturity = reader.Whole("limits.maxAgeAtMaturity", MaxAge),
        };
        var late = new LateChargeTerms(
            reader.Whole("lateCharges.graceDays", Grace) ?? current.LateCharges.GraceDays,
            reader.Decimal("lateCharges.fixedFee", LateFee) ?? current.LateCharges.FixedFee,
            reader.Decimal("lateCharges.penaltyRateMultiplier", Penalty) ?? current.LateCharges.PenaltyRateMultiplier,
            reader.Fraction("lateCharges.minimumPenaltyAnnualRate", MinPenalty) ?? current.LateCharges.MinimumPenaltyAnnualRate);
        var prepayment = current.Prepayment with
        {
            FeeFraction = reader.Fraction("prepayment.feeFraction", PrepayFee) ?? 0m,
            FeeWithinMonths = reader.Whole("prepayment.feeWithinMonths", PrepayWithin),
        };
        var allocation = Enumerable.Range(0, 4).Select(Allocation)
            .Select(name => Enum.GetValues<DueComponent>().Cast<DueComponent?>().FirstOrDefault(c => Kebab(c!.Value) == name))
            .Where(c => c is not null).Select(c => c!.Value).ToList();
        var documents = DocumentKindNames.All.Where(Requires).ToList();
        var promotions = current.Promotions.Select(p => p.Promotion).Where(p => p.Code != RemovePromotion).ToList();
        if (!string.IsNullOrWhiteSpace(PromoCode) || !string.IsNullOrWhiteSpace(PromoName))
        {
            promotions.Add(new Promotion
            {
                Code = PromoCode?.Trim() ?? string.Empty,
                Name = PromoName?.Trim() ?? string.Empty,
                Sponsor = "lender",
                RateDiscount = reader.Fraction("newPromotion.rateDiscount", PromoDiscount),
                AnnualRate = reader.Fraction("newPromotion.annualRate", PromoRate),
                WaivesPrepaymentFee = PromoWaivesFee,
                MaxTermMonths = reader.Whole("newPromotion.maxTermMonths", PromoMaxTerm) ?? 60,
                Makes = List(PromoMakes),
                Models = List(PromoModels),
                Terms = reader.Wholes("newPromotion.terms", PromoTerms),
                ValidFrom = reader.Date("newPromotion.validFrom", PromoFrom),
                ValidTo = reader.Date("newPromotion.validTo", PromoTo),
            });
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var limitsNow = current.Limits;
        var change = new ProductChange
        {
            GradeRates = SameGrades(grades, current.GradeRates) ? null : grades,
            Limits = limits == limitsNow || Same(limits, limitsNow) ? null : limits,
            LateCharges = late == current.LateCharges ? null : late,
            Prepayment = prepayment == current.Prepayment ? null : prepayment,
            AllocationOrder = allocation.SequenceEqual(current.AllocationOrder) ? null : allocation,
            RequiredDocuments = documents.SequenceEqual(current.RequiredDocuments) ? null : documents,
            Promotions = promotions.Count == current.Promotions.Count && promotions.SequenceEqual(current.Promotions.Select(p => p.Promotion)) ? null : promotions,
        };
        return change == new ProductChange() ? (null, []) : (change, []);
    }

    /// <summary>A problem of the change as the form names its field: the added promotion is the form's new promotion.</summary>
    public static FieldError FormField(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Field.StartsWith("promotions[", StringComparison.Ordinal) && error.Field.Contains("].", StringComparison.Ordinal)
            ? error with { Field = "newPromotion." + error.Field[(error.Field.IndexOf("].", StringComparison.Ordinal) + 2)..] }
            : error;
    }

    private static bool SameGrades(Dictionary<string, decimal> a, IReadOnlyDictionary<string, decimal> b) =>
        a.Count == b.Count && a.All(g => b.TryGetValue(g.Key, out var rate) && rate == g.Value);

    private static bool Same(PolicyLimits a, PolicyLimits b) =>
        a with { AllowedTerms = null } == b with { AllowedTerms = null } && (a.AllowedTerms ?? []).SequenceEqual(b.AllowedTerms ?? []);

    private static List<string>? List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : [.. text.Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Kebab(DueComponent component) => JsonNamingPolicy.KebabCaseLower.ConvertName(component.ToString());

    private static string? Percent(decimal? fraction) => fraction is { } f ? (f * 100m).ToString("0.####", CultureInfo.InvariantCulture) : null;

    private static string? Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Reads the typed text, naming each field whose text is not what it should be.</summary>
    private sealed class Reader(List<FieldError> problems)
    {
        public decimal? Decimal(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new(field, "is not a number", "field.number"));
            return null;
        }

        /// <summary>A percentage typed (3.99) as the fraction the domain keeps (0.0399).</summary>
        public decimal? Fraction(string field, string? text) => Decimal(field, text) / 100m;

        public int? Whole(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new(field, "is not a whole number", "field.whole"));
            return null;
        }

        public List<int>? Wholes(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var values = new List<int>();
            foreach (var part in text.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
                {
                    problems.Add(new(field, "is not a list of whole numbers", "field.whole"));
                    return null;
                }

                values.Add(value);
            }

            return values;
        }

        public DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add(new(field, "is not a date", "field.date"));
            return null;
        }
    }
}
