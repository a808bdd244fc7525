using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// What an applicant asks to finance, and the facts about them and the vehicle the policy rules need. A variation of
/// the plan (another term, method or down payment) is the same request with those fields changed.
/// </summary>
public sealed record FinancingRequest
{
    public required decimal VehiclePrice { get; init; }

    public required decimal DownPayment { get; init; }

    public required int TermMonths { get; init; }

    public required RepaymentMethod Method { get; init; }

    /// <summary>The final balloon as a fraction of the loan amount (balloon method only; 0 otherwise).</summary>
    public decimal BalloonFraction { get; init; }

    public required VehicleCondition Condition { get; init; }

    public required VehicleEnergy Energy { get; init; }

    /// <summary>The manufacturer's brand, as promotions name it (compared ignoring case).</summary>
    public string Make { get; init; } = "";

    /// <summary>The model, as promotions name it (compared ignoring case); empty when not known.</summary>
    public string Model { get; init; } = "";

    /// <summary>The model year of the vehicle.</summary>
    public required int VehicleYear { get; init; }

    public required DateOnly BirthDate { get; init; }

    /// <summary>Verified gross monthly income.</summary>
    public required decimal MonthlyIncome { get; init; }

    /// <summary>Monthly payments on the applicant's existing debts (other loans, card minimums).</summary>
    public decimal MonthlyDebtPayments { get; init; }

    public required DateOnly ApplicationDate { get; init; }

    /// <summary>The amount borrowed: the price less the down payment.</summary>
    public decimal LoanAmount => VehiclePrice - DownPayment;

    /// <summary>Loan-to-value: the loan amount over the vehicle price (0 when there is no price).</summary>
    public decimal Ltv => VehiclePrice > 0m ? LoanAmount / VehiclePrice : 0m;

    public VehicleCategory Category => VehicleCategories.Of(Condition, Energy);

    /// <summary>
    /// The last due date of the plan when the loan starts on <paramref name="startDate"/> and the first instalment falls
    /// due one month later: every due date falls on the start's day of the month, clamped to shorter months
    /// (<see cref="LoanTerms.DueDay"/>).
    /// </summary>
    public DateOnly MaturityDate(DateOnly startDate) => MaturityDate(startDate, TermMonths);

    internal static DateOnly MaturityDate(DateOnly startDate, int termMonths) => startDate.AddMonths(termMonths);

    /// <summary>The loan terms of this plan at a rate, starting on <paramref name="startDate"/> with the first instalment one month later.</summary>
    public LoanTerms ToLoanTerms(decimal annualRate, DateOnly startDate, Currency currency) => ToLoanTerms(PlanVariation.Of(this), annualRate, startDate, currency);

    /// <summary>The loan terms of a variation of this plan at a rate, as <see cref="ToLoanTerms(decimal, DateOnly, Currency)"/> gives them.</summary>
    internal LoanTerms ToLoanTerms(PlanVariation plan, decimal annualRate, DateOnly startDate, Currency currency) => new()
    {
        Principal = VehiclePrice - plan.DownPayment,
        AnnualRate = annualRate,
        TermMonths = plan.TermMonths,
        Method = plan.Method,
        StartDate = startDate,
        FirstDueDate = startDate.AddMonths(1),
        Currency = currency,
        BalloonFraction = plan.Method == RepaymentMethod.Balloon ? plan.BalloonFraction : 0m,
    };

    /// <summary>Every problem that makes the request unusable, each naming its field (policy failures are not among them).</summary>
    public IReadOnlyList<FieldError> Validate(Currency currency)
    {
        // Made only at the first problem: a decision validates its plan several times, and it is nearly always valid.
        List<FieldError>? errors = null;
        if (VehiclePrice <= 0m || VehiclePrice > LoanTermsValidator.MaxPrincipal)
        {
            Add(ref errors, new("vehiclePrice", $"must be above 0 and at most {LoanTermsValidator.MaxPrincipal:N0}"));
        }
        else if (currency.Round(VehiclePrice) != VehiclePrice)
        {
            Add(ref errors, new("vehiclePrice", $"must be a whole number of minor units ({currency.MinorUnit})"));
        }

        if (DownPayment < 0m || DownPayment >= VehiclePrice)
        {
            Add(ref errors, new("downPayment", "must be at least 0 and less than the vehicle price"));
        }
        else if (currency.Round(DownPayment) != DownPayment)
        {
            Add(ref errors, new("downPayment", $"must be a whole number of minor units ({currency.MinorUnit})"));
        }

        if (TermMonths < 1 || TermMonths > LoanTermsValidator.MaxTermMonths)
        {
            Add(ref errors, new("termMonths", $"must be between 1 and {LoanTermsValidator.MaxTermMonths}"));
        }

        if (!Enum.IsDefined(Method))
        {
            Add(ref errors, new("method", "is not a repayment method"));
        }

        if (Method == RepaymentMethod.Balloon ? BalloonFraction <= 0m || BalloonFraction >= 1m : BalloonFraction != 0m)
        {
            Add(ref errors, new("balloonFraction", "must be above 0 and below 1 for a balloon plan, and 0 for any other"));
        }

        if (!Enum.IsDefined(Condition))
        {
            Add(ref errors, new("condition", "must be new or used"));
        }

        if (!Enum.IsDefined(Energy))
        {
            Add(ref errors, new("energy", "must be conventional or new-energy"));
        }

        if (VehicleYear < 1900 || VehicleYear > ApplicationDate.Year + 1)
        {
            Add(ref errors, new("vehicleYear", $"must be between 1900 and {ApplicationDate.Year + 1}"));
        }

        if (BirthDate >= ApplicationDate)
        {
            Add(ref errors, new("birthDate", "must be before the application date"));
        }

        if (MonthlyIncome < 0m || MonthlyIncome > LoanTermsValidator.MaxPrincipal)
        {
            Add(ref errors, new("monthlyIncome", $"must be at least 0 and at most {LoanTermsValidator.MaxPrincipal:N0}"));
        }

        if (MonthlyDebtPayments < 0m || MonthlyDebtPayments > LoanTermsValidator.MaxPrincipal)
        {
            Add(ref errors, new("monthlyDebtPayments", $"must be at least 0 and at most {LoanTermsValidator.MaxPrincipal:N0}"));
        }

        return errors ?? (IReadOnlyList<FieldError>)[];
    }

    private static void Add(ref List<FieldError>? errors, FieldError error) => (errors ??= []).Add(error);
}
