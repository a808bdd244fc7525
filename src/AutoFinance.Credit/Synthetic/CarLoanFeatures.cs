namespace AutoFinance.Credit.Synthetic;

/// <summary>
/// The names of the application characteristics the default car-loan model is trained on. Origination derives the
/// same columns from an application, so training data and live applications speak one vocabulary.
/// </summary>
public static class CarLoanFeatures
{
    public const string Age = "age";
    public const string EmploymentType = "employment_type";
    public const string YearsEmployed = "years_employed";
    public const string MonthlyIncome = "monthly_income";
    public const string Housing = "housing";
    public const string YearsAtAddress = "years_at_address";
    public const string BureauScore = "bureau_score";
    public const string Delinquencies24m = "delinquencies_24m";
    public const string Inquiries6m = "inquiries_6m";
    public const string OpenAccounts = "open_accounts";
    public const string OldestAccountMonths = "oldest_account_months";
    public const string VehicleCondition = "vehicle_condition";
    public const string VehicleEnergy = "vehicle_energy";
    public const string VehicleAgeYears = "vehicle_age_years";
    public const string MileageKm = "mileage_km";
    public const string LoanAmount = "loan_amount";
    public const string Ltv = "ltv";
    public const string TermMonths = "term_months";
    public const string PaymentToIncome = "payment_to_income";
    public const string DebtToIncome = "debt_to_income";
    public const string Defaulted = "defaulted";

    /// <summary>What an older policy decided (accepted or rejected), in a history generated with one.</summary>
    public const string PastDecision = "past_decision";

    public static readonly string[] All =
    [
        Age, EmploymentType, YearsEmployed, MonthlyIncome, Housing, YearsAtAddress, BureauScore, Delinquencies24m, Inquiries6m,
        OpenAccounts, OldestAccountMonths, VehicleCondition, VehicleEnergy, VehicleAgeYears, MileageKm, LoanAmount, Ltv, TermMonths,
        PaymentToIncome, DebtToIncome,
    ];
}
