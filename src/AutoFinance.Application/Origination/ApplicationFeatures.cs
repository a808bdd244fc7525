using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Synthetic;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>
/// Derives the model's characteristics from an application, in the vocabulary the default model was trained on
/// (<see cref="CarLoanFeatures"/>). Payment-to-income uses the requested plan's payment at a fixed reference rate, so
/// the score never depends on the price it will set.
/// </summary>
public static class ApplicationFeatures
{
    public const decimal ReferenceAnnualRate = 0.06m;

    public static IEnumerable<(string Name, double? Number, string? Text)> Of(ValidatedApplication a, DateOnly today, decimal assessedPayment)
    {
        ArgumentNullException.ThrowIfNull(a);
        var loan = a.VehiclePrice - a.DownPayment;
        yield return (CarLoanFeatures.Age, Age.InYears(a.DateOfBirth, today), null);
        yield return (CarLoanFeatures.EmploymentType, null, a.EmploymentType);
        yield return (CarLoanFeatures.YearsEmployed, (double)a.YearsEmployed, null);
        yield return (CarLoanFeatures.MonthlyIncome, (double)a.MonthlyIncome, null);
        yield return (CarLoanFeatures.Housing, null, a.Housing);
        yield return (CarLoanFeatures.YearsAtAddress, (double)a.YearsAtAddress, null);
        yield return (CarLoanFeatures.BureauScore, a.BureauScore, null);
        yield return (CarLoanFeatures.Delinquencies24m, a.Delinquencies24m, null);
        yield return (CarLoanFeatures.Inquiries6m, a.Inquiries6m, null);
        yield return (CarLoanFeatures.OpenAccounts, a.OpenAccounts, null);
        yield return (CarLoanFeatures.OldestAccountMonths, a.OldestAccountMonths, null);
        yield return (CarLoanFeatures.VehicleCondition, null, a.Condition == VehicleCondition.New ? "new" : "used");
        yield return (CarLoanFeatures.VehicleEnergy, null, a.Energy == VehicleEnergy.NewEnergy ? "new-energy" : "conventional");
        yield return (CarLoanFeatures.VehicleAgeYears, Math.Max(0, today.Year - a.VehicleYear), null);
        yield return (CarLoanFeatures.MileageKm, a.MileageKm, null);
        yield return (CarLoanFeatures.LoanAmount, (double)loan, null);
        yield return (CarLoanFeatures.Ltv, (double)(loan / a.VehiclePrice), null);
        yield return (CarLoanFeatures.TermMonths, a.TermMonths, null);
        yield return (CarLoanFeatures.PaymentToIncome, (double)(assessedPayment / a.MonthlyIncome), null);
        yield return (CarLoanFeatures.DebtToIncome, (double)((a.MonthlyDebtPayments + assessedPayment) / a.MonthlyIncome), null);
    }

    public static void Fill(ApplicantValues values, ValidatedApplication a, DateOnly today, decimal assessedPayment)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        foreach (var (name, number, text) in Of(a, today, assessedPayment))
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
    public static void Fill(ChallengerApplicant values, ValidatedApplication a, DateOnly today, decimal assessedPayment)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.Clear();
        foreach (var (name, number, text) in Of(a, today, assessedPayment))
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
}
