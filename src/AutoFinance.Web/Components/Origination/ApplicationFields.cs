using AutoFinance.Application.Origination;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Web.Components.Origination;

/// <summary>One field of the application form: its JSON path (as the validator names it), step, input kind and choices.</summary>
public sealed record ApplicationField(
    string Path,
    string Name,
    int Step,
    string Kind,
    Func<ApplicationForm, string?> Get,
    IReadOnlyList<string>? Choices = null,
    string? ChoicePrefix = null,
    bool Optional = false);

/// <summary>The fields of the application form by step: 1 the car and the plan, 2 the applicant, 3 the credit report summary.</summary>
public static class ApplicationFields
{
    public const int Steps = 3;

    public static readonly IReadOnlyList<ApplicationField> All =
    [
        new("vehicle.condition", nameof(ApplicationForm.Condition), 1, "select", f => f.Condition, ["new", "used"], "vehicle."),
        new("vehicle.energy", nameof(ApplicationForm.Energy), 1, "select", f => f.Energy, ["conventional", "new-energy"], "vehicle."),
        new("vehicle.make", nameof(ApplicationForm.Make), 1, "text", f => f.Make),
        new("vehicle.model", nameof(ApplicationForm.Model), 1, "text", f => f.Model),
        new("vehicle.year", nameof(ApplicationForm.Year), 1, "number", f => f.Year),
        new("vehicle.mileageKm", nameof(ApplicationForm.MileageKm), 1, "number", f => f.MileageKm),
        new("vehicle.vin", nameof(ApplicationForm.Vin), 1, "text", f => f.Vin),
        new("vehicle.price", nameof(ApplicationForm.Price), 1, "money", f => f.Price),
        new("downPayment", nameof(ApplicationForm.DownPayment), 1, "money", f => f.DownPayment),
        new("termMonths", nameof(ApplicationForm.TermMonths), 1, "select", f => f.TermMonths, ["12", "24", "36", "48", "60"], "term."),
        new("repaymentMethod", nameof(ApplicationForm.RepaymentMethod), 1, "select", f => f.RepaymentMethod, [.. Enum.GetValues<RepaymentMethod>().Where(m => m != RepaymentMethod.FlatFee).Select(m => m.ToName())], "method."),
        new("balloonPercent", nameof(ApplicationForm.BalloonPercent), 1, "number", f => f.BalloonPercent, Optional: true),
        new("applicant.fullName", nameof(ApplicationForm.FullName), 2, "text", f => f.FullName),
        new("applicant.nationalId", nameof(ApplicationForm.NationalId), 2, "text", f => f.NationalId),
        new("applicant.dateOfBirth", nameof(ApplicationForm.DateOfBirth), 2, "date", f => f.DateOfBirth),
        new("applicant.mobile", nameof(ApplicationForm.Mobile), 2, "tel", f => f.Mobile),
        new("applicant.email", nameof(ApplicationForm.Email), 2, "email", f => f.Email, Optional: true),
        new("applicant.employmentType", nameof(ApplicationForm.EmploymentType), 2, "select", f => f.EmploymentType, ApplicationValidator.EmploymentTypes, "employment."),
        new("applicant.employerName", nameof(ApplicationForm.EmployerName), 2, "text", f => f.EmployerName, Optional: true),
        new("applicant.yearsEmployed", nameof(ApplicationForm.YearsEmployed), 2, "number", f => f.YearsEmployed),
        new("applicant.monthlyIncome", nameof(ApplicationForm.MonthlyIncome), 2, "money", f => f.MonthlyIncome),
        new("applicant.monthlyDebtPayments", nameof(ApplicationForm.MonthlyDebtPayments), 2, "money", f => f.MonthlyDebtPayments),
        new("applicant.housing", nameof(ApplicationForm.Housing), 2, "select", f => f.Housing, ApplicationValidator.HousingTypes, "housing."),
        new("applicant.yearsAtAddress", nameof(ApplicationForm.YearsAtAddress), 2, "number", f => f.YearsAtAddress),
    ];

    /// <summary>The step a validation problem belongs to (its field's step; the review step for anything else).</summary>
    public static int StepOf(string path) => All.FirstOrDefault(f => f.Path == path)?.Step ?? Steps;
}
