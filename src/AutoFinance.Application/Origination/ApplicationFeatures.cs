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
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(bureau);
        var loan = a.VehiclePrice - a.DownPayment;
        yield return (CarLoanFeatures.Age, Age.InYears(a.DateOfBirth, today), null);
        yield return (CarLoanFeatures.EmploymentType, null, a.EmploymentType);
        yield return (CarLoanFeatures.YearsEmployed, (double)a.YearsEmployed, null);
        yield return (CarLoanFeatures.MonthlyIncome, (double)a.MonthlyIncome, null);
        yield return (CarLoanFeatures.Housing, null, a.Housing);
        yield return (CarLoanFeatures.YearsAtAddress, (double)a.YearsAtAddress, null);
        foreach (var feature in CarLoanFeatures.OfReport(bureau.Features, File(bureau)))
        {
            yield return feature;
        }

        yield return (CarLoanFeatures.VehicleCondition, null, a.Condition == VehicleCondition.New ? "new" : "used");
        yield return (CarLoanFeatures.VehicleEnergy, null, a.Energy == VehicleEnergy.NewEnergy ? "new-energy" : "conventional");
        yield return (CarLoanFeatures.VehicleAgeYears, Math.Max(0, today.Year - a.VehicleYear), null);
        yield return (CarLoanFeatures.MileageKm, a.MileageKm, null);
        yield return (CarLoanFeatures.LoanAmount, (double)loan, null);
        yield return (CarLoanFeatures.Ltv, (double)(loan / a.VehiclePrice), null);
        yield return (CarLoanFeatures.TermMonths, a.TermMonths, null);
        yield return (CarLoanFeatures.PaymentToIncome, (double)(assessedPayment / a.MonthlyIncome), null);
        yield return (CarLoanFeatures.DebtToIncome, (double)((Math.Max(a.MonthlyDebtPayments, bureau.Features?.MonthlyObligations ?? 0m) + assessedPayment) / a.MonthlyIncome), null);
    }

    public static void Fill(ApplicantValues values, ValidatedApplication a, BureauFindings bureau, DateOnly today, decimal assessedPayment)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        foreach (var (name, number, text) in Of(a, bureau, today, assessedPayment))
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

    /// <summary>The challenger's inputs, as a one-row dataset of the application would give them.</summary>
    public static void Fill(ChallengerApplicant values, ValidatedApplication a, BureauFindings bureau, DateOnly today, decimal assessedPayment)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        foreach (var (name, number, text) in Of(a, bureau, today, assessedPayment))
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
