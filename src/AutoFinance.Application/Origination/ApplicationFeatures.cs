using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Synthetic;
using AutoFinance.Domain.Bureau;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>
/// Derives the model's characteristics from an application and the credit report pulled for it, in the vocabulary the
/// default model was trained on (<see cref="CarLoanFeatures"/>). The bureau characteristics are the report's derived
/// features (<see cref="BureauFeatures"/>), or a staff override of them; with no hit or the bureau unavailable they are
/// missing, which the scorecard scores in its missing bins. Payment-to-income uses the requested plan's payment at a
/// fixed reference rate, so the score never depends on the price it will set; debt-to-income counts the larger of the
/// declared debts and the report's monthly obligations.
/// </summary>
public static class ApplicationFeatures
{
    public const decimal ReferenceAnnualRate = 0.06m;

    public static IEnumerable<(string Name, double? Number, string? Text)> Of(ValidatedApplication a, BureauFindings bureau, DateOnly today, decimal assessedPayment)
    {
        var features = new CarLoanFeatures.FeatureList(32);
        Add(ref features, a, bureau, today, assessedPayment);
        return features.Items;
    }

    public static void Fill(ApplicantValues values, ValidatedApplication a, BureauFindings bureau, DateOnly today, decimal assessedPayment)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        var sink = new ScorecardInputs(values);
        Add(ref sink, a, bureau, today, assessedPayment);
    }

    /// <summary>The challenger's inputs, as a one-row dataset of the application would give them.</summary>
    public static void Fill(ChallengerApplicant values, ValidatedApplication a, BureauFindings bureau, DateOnly today, decimal assessedPayment)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        var sink = new ChallengerInputs(values);
        Add(ref sink, a, bureau, today, assessedPayment);
    }

    /// <summary>Every characteristic, in the model's vocabulary and a fixed order, handed to <paramref name="sink"/>.</summary>
    private static void Add<TSink>(ref TSink sink, ValidatedApplication a, BureauFindings bureau, DateOnly today, decimal assessedPayment)
        where TSink : struct, CarLoanFeatures.IFeatureSink
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(bureau);
        var loan = a.VehiclePrice - a.DownPayment;
        sink.Add(CarLoanFeatures.Age, Age.InYears(a.DateOfBirth, today), null);
        sink.Add(CarLoanFeatures.EmploymentType, null, a.EmploymentType);
        sink.Add(CarLoanFeatures.YearsEmployed, (double)a.YearsEmployed, null);
        sink.Add(CarLoanFeatures.MonthlyIncome, (double)a.MonthlyIncome, null);
        sink.Add(CarLoanFeatures.Housing, null, a.Housing);
        sink.Add(CarLoanFeatures.YearsAtAddress, (double)a.YearsAtAddress, null);
        CarLoanFeatures.AddReport(ref sink, bureau.Features, File(bureau));
        sink.Add(CarLoanFeatures.VehicleCondition, null, a.Condition == VehicleCondition.New ? "new" : "used");
        sink.Add(CarLoanFeatures.VehicleEnergy, null, a.Energy == VehicleEnergy.NewEnergy ? "new-energy" : "conventional");
        sink.Add(CarLoanFeatures.VehicleAgeYears, Math.Max(0, today.Year - a.VehicleYear), null);
        sink.Add(CarLoanFeatures.MileageKm, a.MileageKm, null);
        sink.Add(CarLoanFeatures.LoanAmount, (double)loan, null);
        sink.Add(CarLoanFeatures.Ltv, (double)(loan / a.VehiclePrice), null);
        sink.Add(CarLoanFeatures.TermMonths, a.TermMonths, null);
        sink.Add(CarLoanFeatures.PaymentToIncome, (double)(assessedPayment / a.MonthlyIncome), null);
        sink.Add(CarLoanFeatures.DebtToIncome, (double)((Math.Max(a.MonthlyDebtPayments, bureau.Features?.MonthlyObligations ?? 0m) + assessedPayment) / a.MonthlyIncome), null);
    }

    private readonly struct ScorecardInputs(ApplicantValues values) : CarLoanFeatures.IFeatureSink
    {
        public void Add(string name, double? number, string? text)
        {
            if (number is { } n)
            {
                values.Set(name, n);
            }
            else
            {
                values.Set(name, text);
            }
        }
    }

    private readonly struct ChallengerInputs(ChallengerApplicant values) : CarLoanFeatures.IFeatureSink
    {
        public void Add(string name, double? number, string? text)
        {
            if (number is { } n)
            {
                values.Set(name, n);
            }
            else
            {
                values.Set(name, text);
            }
        }
    }

    /// <summary>The bureau file characteristic: full or thin from a report, no-hit, or missing when the bureau was unavailable.</summary>
    public static string? File(BureauFindings bureau)
    {
        ArgumentNullException.ThrowIfNull(bureau);
        return bureau.Outcome switch
        {
            BureauOutcome.Hit => CarLoanFeatures.FileOf(bureau.Features),
            BureauOutcome.NoHit => CarLoanFeatures.FileOf(null),
            _ => null,
        };
    }
}
