using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// The lending policy of one loan product: every threshold the policy rules apply, configurable per product.
/// Rates and ratios are fractions (0.80 for 80%); amounts are in <see cref="Currency"/>.
/// </summary>
/// <remarks>
/// The defaults follow China's car-loan rules as commonly applied: a new car is financed for up to 5 years and a used
/// one for up to 3 (the classic term caps); loan-to-value at most 80% for a new conventional car, 85% for a new-energy
/// vehicle and 70% for a used car (the caps of the 2017 Auto Loan Management Measures, kept by most lenders as their
/// own limits since caps became each lender's choice); the borrower at least 18 at application and at most 65 when
/// the loan ends; the new payment at most 50% of monthly income and all monthly debts with it at most 60%; a used car
/// at most 10 years old when the loan ends.
/// </remarks>
public sealed record ProductPolicy
{
    /// <summary>The policy of a standard car-loan product with the defaults above.</summary>
    public static ProductPolicy Default { get; } = new();

    public string Code { get; init; } = "car-loan";

    public string Name { get; init; } = "Car loan";

    public Currency Currency { get; init; } = Currency.Cny;

    /// <summary>The documents an application of this product must hand in (staff see which are missing).</summary>
    public IReadOnlyList<Documents.DocumentKind> RequiredDocuments { get; init; } =
        [Documents.DocumentKind.IdCardFront, Documents.DocumentKind.IdCardBack, Documents.DocumentKind.DrivingLicence, Documents.DocumentKind.VehicleInvoice, Documents.DocumentKind.IncomeProof];

    /// <summary>Which loans need a GPS tracker fitted before payout (see <see cref="GpsRequirement"/>); used cars by default.</summary>
    public GpsRequirement Gps { get; init; } = GpsRequirement.UsedCars;

    /// <summary>Whether a loan on a vehicle in this condition needs a GPS tracker before payout.</summary>
    public bool RequiresGps(VehicleCondition condition) => Gps == GpsRequirement.Always || (Gps == GpsRequirement.UsedCars && condition == VehicleCondition.Used);

    /// <summary>The vehicle conditions the product finances.</summary>
    public IReadOnlyList<VehicleCondition> Conditions { get; init; } = [VehicleCondition.New, VehicleCondition.Used];

    public int MaxTermNewMonths { get; init; } = 60;

    public int MaxTermUsedMonths { get; init; } = 36;

    /// <summary>The terms the product is sold in; a term must also be within its condition's cap.</summary>
    public IReadOnlyList<int> AllowedTerms { get; init; } = [12, 24, 36, 48, 60];

    public IReadOnlyList<RepaymentMethod> AllowedMethods { get; init; } =
        [RepaymentMethod.Annuity, RepaymentMethod.EqualPrincipal, RepaymentMethod.Balloon];

    public decimal LtvCapNewConventional { get; init; } = 0.80m;

    public decimal LtvCapNewEnergy { get; init; } = 0.85m;

    public decimal LtvCapUsed { get; init; } = 0.70m;

    /// <summary>The youngest age, in completed years, at the application date.</summary>
    public int MinAge { get; init; } = 18;

    /// <summary>The oldest age, in completed years, on the last due date.</summary>
    public int MaxAgeAtMaturity { get; init; } = 65;

    /// <summary>The highest share of monthly income the new loan's payment may take (PTI).</summary>
    public decimal MaxPaymentToIncome { get; init; } = 0.50m;

    /// <summary>The highest share of monthly income existing monthly debts plus the new payment may take (DTI).</summary>
    public decimal MaxDebtToIncome { get; init; } = 0.60m;

    public decimal MinLoanAmount { get; init; } = 10_000m;

    public decimal MaxLoanAmount { get; init; } = 2_000_000m;

    /// <summary>The oldest a vehicle may be on the last due date, in calendar years from its model year.</summary>
    public int MaxVehicleAgeAtMaturityYears { get; init; } = 10;

    /// <summary>How the product's loans are serviced: payment waterfall, late charges, accrual day count (standard unless set).</summary>
    public Products.ProductServicing Servicing { get; init; } = Products.ProductServicing.Standard;

    public int MaxTermFor(VehicleCondition condition) =>
        condition == VehicleCondition.Used ? MaxTermUsedMonths : MaxTermNewMonths;

    public decimal LtvCapFor(VehicleCategory category) => category switch
    {
        VehicleCategory.NewConventional => LtvCapNewConventional,
        VehicleCategory.NewEnergy => LtvCapNewEnergy,
        VehicleCategory.Used => LtvCapUsed,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The largest loan the cap allows on a price: cap × price, rounded down to the minor unit.</summary>
    public decimal MaxLoanByLtv(VehicleCategory category, decimal vehiclePrice) =>
        Math.Round(LtvCapFor(category) * vehiclePrice, Currency.MinorUnits, MidpointRounding.ToZero);

    /// <summary>Every inconsistency in the policy's figures, each naming its field.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        // Made only at the first problem: every evaluation of a plan validates its policy first.
        List<FieldError>? errors = null;
        if (string.IsNullOrWhiteSpace(Code))
        {
            Add(ref errors, new("code", "is required"));
        }

        if (Conditions.Count == 0)
        {
            Add(ref errors, new("conditions", "must name at least one vehicle condition"));
        }

        if (MaxTermNewMonths < 1 || MaxTermNewMonths > LoanTermsValidator.MaxTermMonths)
        {
            Add(ref errors, new("maxTermNewMonths", $"must be between 1 and {LoanTermsValidator.MaxTermMonths}"));
        }

        if (MaxTermUsedMonths < 1 || MaxTermUsedMonths > LoanTermsValidator.MaxTermMonths)
        {
            Add(ref errors, new("maxTermUsedMonths", $"must be between 1 and {LoanTermsValidator.MaxTermMonths}"));
        }

        if (AllowedTerms.Count == 0 || !AllTermsInRange(AllowedTerms))
        {
            Add(ref errors, new("allowedTerms", $"must list terms between 1 and {LoanTermsValidator.MaxTermMonths} months"));
        }
        else if (HasRepeat(AllowedTerms))
        {
            Add(ref errors, new("allowedTerms", "lists a term twice", "product.terms-repeated"));
        }
        else if (!AnyTermWithin(AllowedTerms, Math.Max(MaxTermNewMonths, MaxTermUsedMonths)))
        {
            Add(ref errors, new("allowedTerms", "must list a term within the longest term allowed, or nothing can be offered", "product.terms-beyond-maximum"));
        }

        if (AllowedMethods.Count == 0)
        {
            Add(ref errors, new("allowedMethods", "must name at least one repayment method"));
        }

        ReadOnlySpan<(string Field, decimal Cap)> caps = [("ltvCapNewConventional", LtvCapNewConventional), ("ltvCapNewEnergy", LtvCapNewEnergy), ("ltvCapUsed", LtvCapUsed)];
        foreach (var (field, cap) in caps)
        {
            if (cap <= 0m || cap > 1m)
            {
                Add(ref errors, new(field, "must be above 0 and at most 1"));
            }
        }

        if (MinAge < 0 || MaxAgeAtMaturity <= MinAge)
        {
            Add(ref errors, new("maxAgeAtMaturity", "must be above the minimum age"));
        }

        if (MaxPaymentToIncome <= 0m)
        {
            Add(ref errors, new("maxPaymentToIncome", "must be above 0"));
        }

        if (MaxDebtToIncome <= 0m)
        {
            Add(ref errors, new("maxDebtToIncome", "must be above 0"));
        }

        if (MinLoanAmount < 0m || MaxLoanAmount <= MinLoanAmount)
        {
            Add(ref errors, new("maxLoanAmount", "must be above the minimum loan amount, which must not be negative"));
        }

        if (MaxVehicleAgeAtMaturityYears < 0)
        {
            Add(ref errors, new("maxVehicleAgeAtMaturityYears", "must not be negative"));
        }

        return errors ?? (IReadOnlyList<FieldError>)[];
    }

    private static void Add(ref List<FieldError>? errors, FieldError error) => (errors ??= []).Add(error);

    private static bool HasRepeat(IReadOnlyList<int> terms)
    {
        for (var i = 1; i < terms.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (terms[i] == terms[j])
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool AnyTermWithin(IReadOnlyList<int> terms, int longest)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i] <= longest)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllTermsInRange(IReadOnlyList<int> terms)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i] < 1 || terms[i] > LoanTermsValidator.MaxTermMonths)
            {
                return false;
            }
        }

        return true;
    }
}
