namespace AutoFinance.Credit.Synthetic;

/// <summary>
/// The names of the application characteristics the default car-loan model is trained on. Origination derives the
/// same columns from an application and the credit report pulled for it (the bureau columns are
/// <c>AutoFinance.Domain.Bureau.BureauFeatures</c>), so training data and live applications speak one vocabulary.
/// A bureau column is empty when the bureau found nobody or could not be asked.
/// </summary>
public static class CarLoanFeatures
{
    public const string Age = "age";
    public const string EmploymentType = "employment_type";
    public const string YearsEmployed = "years_employed";
    public const string MonthlyIncome = "monthly_income";
    public const string Housing = "housing";
    public const string YearsAtAddress = "years_at_address";

    /// <summary>full, thin (fewer than two accounts or none older than six months) or no-hit; empty when the bureau was unavailable.</summary>
    public const string BureauFile = "bureau_file";
    public const string WorstStatus24m = "worst_status_24m";
    public const string MonthsSince30PlusLate = "months_since_30plus_late";
    public const string Count30Plus24m = "count_30plus_24m";
    public const string Count60Plus24m = "count_60plus_24m";
    public const string Count90Plus24m = "count_90plus_24m";
    public const string RevolvingUtilisation = "revolving_utilisation";
    public const string LoanInquiries1m = "loan_inquiries_1m";
    public const string LoanInquiries3m = "loan_inquiries_3m";
    public const string LoanInquiries6m = "loan_inquiries_6m";
    public const string ActiveLoans = "active_loans";
    public const string OldestAccountMonths = "oldest_account_months";
    public const string OpenPublicRecords = "open_public_records";
    public const string VehicleCondition = "vehicle_condition";
    public const string VehicleEnergy = "vehicle_energy";
    public const string VehicleAgeYears = "vehicle_age_years";
    public const string MileageKm = "mileage_km";
    public const string LoanAmount = "loan_amount";
    public const string Ltv = "ltv";
    public const string TermMonths = "term_months";
    public const string PaymentToIncome = "payment_to_income";

    /// <summary>The requested plan's payment plus the larger of the declared debts and the report's monthly obligations, over income.</summary>
    public const string DebtToIncome = "debt_to_income";
    public const string Defaulted = "defaulted";

    /// <summary>What an older policy decided (accepted or rejected), in a history generated with one.</summary>
    public const string PastDecision = "past_decision";

    public static readonly string[] Bureau =
    [
        BureauFile, WorstStatus24m, MonthsSince30PlusLate, Count30Plus24m, Count60Plus24m, Count90Plus24m, RevolvingUtilisation,
        LoanInquiries1m, LoanInquiries3m, LoanInquiries6m, ActiveLoans, OldestAccountMonths, OpenPublicRecords,
    ];

    public static readonly string[] All =
    [
        Age, EmploymentType, YearsEmployed, MonthlyIncome, Housing, YearsAtAddress, .. Bureau, VehicleCondition, VehicleEnergy, VehicleAgeYears,
        MileageKm, LoanAmount, Ltv, TermMonths, PaymentToIncome, DebtToIncome,
    ];

    /// <summary>
    /// The bureau columns of a report's derived features, in <see cref="Bureau"/>'s order: a number, a text or neither
    /// (missing). <paramref name="file"/> is full, thin or no-hit; null features with a file of no-hit or null (the
    /// bureau unavailable) leave every figure missing.
    /// </summary>
    public static IEnumerable<(string Name, double? Number, string? Text)> OfReport(AutoFinance.Domain.Bureau.BureauFeatures? f, string? file)
    {
        var features = new FeatureList(13);
        AddReport(ref features, f, file);
        return features.Items;
    }

    /// <summary>The same characteristics, handed one by one to <paramref name="sink"/> (a value, so nothing is allocated).</summary>
    public static void AddReport<TSink>(ref TSink sink, AutoFinance.Domain.Bureau.BureauFeatures? f, string? file)
        where TSink : struct, IFeatureSink
    {
        sink.Add(BureauFile, null, file);
        sink.Add(WorstStatus24m, f?.WorstStatus24m, null);
        sink.Add(MonthsSince30PlusLate, f?.MonthsSinceLast30PlusLate, null);
        sink.Add(Count30Plus24m, f?.Count30Plus, null);
        sink.Add(Count60Plus24m, f?.Count60Plus, null);
        sink.Add(Count90Plus24m, f?.Count90Plus, null);
        sink.Add(RevolvingUtilisation, f?.RevolvingUtilisation is { } u ? (double)u : null, null);
        sink.Add(LoanInquiries1m, f?.LoanInquiries1m, null);
        sink.Add(LoanInquiries3m, f?.LoanInquiries3m, null);
        sink.Add(LoanInquiries6m, f?.LoanInquiries6m, null);
        sink.Add(ActiveLoans, f?.ActiveLoans, null);
        sink.Add(OldestAccountMonths, f?.OldestAccountMonths, null);
        sink.Add(OpenPublicRecords, f?.OpenPublicRecords, null);
    }

    /// <summary>Takes characteristics one at a time: a number (null when missing) or a text.</summary>
    public interface IFeatureSink
    {
        void Add(string name, double? number, string? text);
    }

    /// <summary>A sink that keeps the characteristics in a list, in the order given.</summary>
    public readonly struct FeatureList(int capacity) : IFeatureSink
    {
        public List<(string Name, double? Number, string? Text)> Items { get; } = new(capacity);

        public void Add(string name, double? number, string? text) => Items.Add((name, number, text));
    }

    /// <summary>The <see cref="BureauFile"/> value of a report's features: thin or full; no-hit without a report.</summary>
    public static string FileOf(AutoFinance.Domain.Bureau.BureauFeatures? f) => f is null ? "no-hit" : f.ThinFile ? "thin" : "full";
}
