using System.Globalization;
using AutoFinance.Application.Origination;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Web.Components.Origination;

/// <summary>
/// The application form as posted by the pages: every field as the text the person typed, so that a figure that is
/// not a number is named beside its field like every other problem. <see cref="ToRequest"/> turns it into the API's
/// <see cref="ApplicationRequest"/>, which the same validator and decision then take.
/// </summary>
public sealed class ApplicationForm
{
    public int Step { get; set; } = 1;

    public string? Action { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? Consent { get; set; }

    public string? Condition { get; set; } = "new";

    public string? Energy { get; set; } = "conventional";

    public string? Make { get; set; }

    public string? Model { get; set; }

    public string? Year { get; set; }

    public string? MileageKm { get; set; }

    public string? Price { get; set; }

    public string? Vin { get; set; }

    public string? DownPayment { get; set; }

    public string? TermMonths { get; set; } = "36";

    public string? RepaymentMethod { get; set; } = "annuity";

    public string? BalloonPercent { get; set; }

    public string? FullName { get; set; }

    public string? NationalId { get; set; }

    public string? DateOfBirth { get; set; }

    public string? Mobile { get; set; }

    public string? Email { get; set; }

    public string? EmploymentType { get; set; } = "salaried";

    public string? EmployerName { get; set; }

    public string? YearsEmployed { get; set; }

    public string? MonthlyIncome { get; set; }

    public string? MonthlyDebtPayments { get; set; } = "0";

    public string? Housing { get; set; } = "own";

    public string? YearsAtAddress { get; set; }

    /// <summary>The request, and the fields whose text is not a number or date at all.</summary>
    public (ApplicationRequest Request, IReadOnlyList<FieldError> Unreadable) ToRequest(string channel, string language)
    {
        var unreadable = new List<FieldError>();
        decimal? Dec(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text.Trim().Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            unreadable.Add(FieldProblems.NotANumber(field));
            return null;
        }

        int? Int(string field, string? text)
        {
            var value = Dec(field, text);
            if (value is null)
            {
                return null;
            }

            if (value != decimal.Truncate(value.Value) || value > int.MaxValue || value < int.MinValue)
            {
                unreadable.Add(FieldProblems.NotWhole(field));
                return null;
            }

            return (int)value.Value;
        }

        DateOnly? Date(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            unreadable.Add(FieldProblems.NotADate(field));
            return null;
        }

        var request = new ApplicationRequest
        {
            Channel = channel,
            Language = language,
            Applicant = new ApplicantInput
            {
                FullName = FullName,
                NationalId = NationalId,
                DateOfBirth = Date("applicant.dateOfBirth", DateOfBirth),
                Mobile = Mobile,
                Email = Email,
                EmploymentType = EmploymentType,
                EmployerName = EmployerName,
                YearsEmployed = Dec("applicant.yearsEmployed", YearsEmployed),
                MonthlyIncome = Dec("applicant.monthlyIncome", MonthlyIncome),
                MonthlyDebtPayments = Dec("applicant.monthlyDebtPayments", MonthlyDebtPayments),
                Housing = Housing,
                YearsAtAddress = Dec("applicant.yearsAtAddress", YearsAtAddress),
            },
            // The confirmation ticked on the last step is the credit-report authorisation, of the current text.
            CreditCheck = new CreditCheckConsent { Agreed = Consent == "yes", TextVersion = AutoFinance.Application.Verification.CreditCheckText.CurrentVersion },
            Vehicle = new VehicleInput
            {
                Vin = Vin,
                Condition = Condition,
                Energy = Energy,
                Make = Make,
                Model = Model,
                Year = Int("vehicle.year", Year),
                MileageKm = Int("vehicle.mileageKm", MileageKm),
                Price = Dec("vehicle.price", Price),
            },
            DownPayment = Dec("downPayment", DownPayment),
            TermMonths = Int("termMonths", TermMonths),
            RepaymentMethod = RepaymentMethod,
            BalloonPercent = RepaymentMethod == "balloon" ? Dec("balloonPercent", BalloonPercent) : null,
        };
        return (request, unreadable);
    }
}
