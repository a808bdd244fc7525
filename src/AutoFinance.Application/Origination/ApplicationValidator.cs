using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Origination;

/// <summary>
/// Validation at the edge: every problem of an application at once, each naming its field by its JSON path, and
/// nothing stored when there is any.
/// </summary>
public static class ApplicationValidator
{
    public static readonly string[] Channels = ApplicationChannels.All;
    public static readonly string[] EmploymentTypes = ["salaried", "self-employed", "civil-servant", "retired", "other"];
    public static readonly string[] HousingTypes = ["own", "mortgage", "rent", "family"];
    public static readonly string[] Languages = ["zh-CN", "en"];
    private static readonly string[] Conditions = ["new", "used"];
    private static readonly string[] Energies = ["conventional", "new-energy"];

    public static (ValidatedApplication? Application, IReadOnlyList<FieldError> Errors) Validate(ApplicationRequest? request, DateOnly today, string defaultProduct)
    {
        var errors = new List<FieldError>();
        if (request is null)
        {
            return (null, [FieldProblems.Required("body", "an application is required")]);
        }

        var channel = OneOf(errors, "channel", request.Channel, Channels, required: true);
        var language = request.Language is null ? "zh-CN" : OneOf(errors, "language", request.Language, Languages, required: false);
        var applicant = request.Applicant;
        var vehicle = request.Vehicle;
        if (applicant is null)
        {
            errors.Add(FieldProblems.Required("applicant"));
        }

        if (vehicle is null)
        {
            errors.Add(FieldProblems.Required("vehicle"));
        }

        if (request.CreditCheck is not { Agreed: true })
        {
            errors.Add(new FieldError("creditCheck.agreed", "must be true: the credit report is pulled only with the applicant's authorisation", "credit-check.not-agreed"));
        }

        var creditCheckVersion = request.CreditCheck?.TextVersion?.Trim();
        if (string.IsNullOrEmpty(creditCheckVersion) || creditCheckVersion.Length > 40)
        {
            errors.Add(new FieldError("creditCheck.textVersion", "is required: the version of the authorisation text agreed to (at most 40 characters)", "credit-check.text-version"));
        }

        var fullName = Text(errors, "applicant.fullName", applicant?.FullName, 2, 60, applicant is not null);
        var nationalId = applicant?.NationalId?.Trim().ToUpperInvariant();
        if (applicant is not null && ResidentId.Check(nationalId, "applicant.nationalId") is { } idProblem)
        {
            errors.Add(idProblem);
        }

        var birth = applicant?.DateOfBirth;
        if (applicant is not null)
        {
            if (birth is null)
            {
                errors.Add(FieldProblems.Required("applicant.dateOfBirth", "is required (YYYY-MM-DD)"));
            }
            else if (birth >= today || birth < new DateOnly(1900, 1, 1))
            {
                errors.Add(FieldProblems.Of("applicant.dateOfBirth", "birth-date.range", "must be a past date after 1900"));
            }
            else if (ResidentId.IsValid(nationalId) && ResidentId.BirthDate(nationalId!) != birth)
            {
                errors.Add(FieldProblems.Of("applicant.dateOfBirth", "birth-date.id-mismatch", "does not match the birth date in the national ID"));
            }
        }

        var mobile = MobileNumber.Normalize(applicant?.Mobile);
        if (applicant is not null && mobile is null)
        {
            errors.Add(FieldProblems.Of("applicant.mobile", "mobile.format", "must be a mainland mobile number: 11 digits starting 13–19"));
        }

        var email = applicant?.Email?.Trim();
        if (!string.IsNullOrEmpty(email) && (email.Length > 120 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add(FieldProblems.Of("applicant.email", "email.format", "is not an e-mail address"));
        }

        var employment = applicant is null ? null : OneOf(errors, "applicant.employmentType", applicant.EmploymentType, EmploymentTypes, required: true);
        var employer = applicant?.EmployerName?.Trim();
        if (employer is { Length: > 100 })
        {
            errors.Add(FieldProblems.TooLong("applicant.employerName", 100));
        }

        var yearsEmployed = Range(errors, "applicant.yearsEmployed", applicant?.YearsEmployed, 0, 60, applicant is not null);
        var income = Money(errors, "applicant.monthlyIncome", applicant?.MonthlyIncome, 0.01m, 10_000_000m, applicant is not null);
        var debts = Money(errors, "applicant.monthlyDebtPayments", applicant?.MonthlyDebtPayments ?? (applicant is null ? null : 0m), 0m, 10_000_000m, applicant is not null);
        var housing = applicant is null ? null : OneOf(errors, "applicant.housing", applicant.Housing, HousingTypes, required: true);
        var yearsAtAddress = Range(errors, "applicant.yearsAtAddress", applicant?.YearsAtAddress, 0, 100, applicant is not null);

        var vin = vehicle?.Vin?.Trim().ToUpperInvariant();
        if (vehicle is not null && Vin.Check(vin, "vehicle.vin") is { } vinProblem)
        {
            errors.Add(vinProblem);
        }

        var condition = vehicle is null ? null : OneOf(errors, "vehicle.condition", vehicle.Condition, Conditions, required: true);
        var energy = vehicle is null ? null : OneOf(errors, "vehicle.energy", vehicle.Energy, Energies, required: true);
        var make = Text(errors, "vehicle.make", vehicle?.Make, 1, 40, vehicle is not null);
        var model = Text(errors, "vehicle.model", vehicle?.Model, 1, 60, vehicle is not null);
        var year = Whole(errors, "vehicle.year", vehicle?.Year, 1990, today.Year + 1, vehicle is not null);
        var mileage = Whole(errors, "vehicle.mileageKm", vehicle?.MileageKm ?? (vehicle is null ? null : 0), 0, 2_000_000, vehicle is not null);
        var price = Money(errors, "vehicle.price", vehicle?.Price, 10_000m, 10_000_000m, vehicle is not null);

        var down = Money(errors, "downPayment", request.DownPayment, 0m, 10_000_000m, required: true);
        if (down is { } d && price is { } p && d >= p)
        {
            errors.Add(FieldProblems.Of("downPayment", "down-payment.not-below-price", "must be less than the vehicle price"));
        }

        var term = Whole(errors, "termMonths", request.TermMonths, 3, 120, required: true);
        var method = Method(errors, request.RepaymentMethod);
        var balloon = 0m;
        if (method == RepaymentMethod.Balloon)
        {
            balloon = (Range(errors, "balloonPercent", request.BalloonPercent, 1, 60, required: true) ?? 0m) / 100m;
        }
        else if (request.BalloonPercent is > 0)
        {
            errors.Add(FieldProblems.Of("balloonPercent", "balloon.method", "applies only to the balloon method"));
        }

        var device = request.DeviceId?.Trim();
        if (device is { Length: > 200 })
        {
            errors.Add(FieldProblems.TooLong("deviceId", 200));
        }

        var product = string.IsNullOrWhiteSpace(request.ProductCode) ? defaultProduct : request.ProductCode.Trim();
        if (product.Length > 40)
        {
            errors.Add(FieldProblems.TooLong("productCode", 40));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ValidatedApplication
        {
            Channel = channel!,
            ProductCode = product,
            Language = language!,
            FullName = fullName!,
            NationalId = nationalId!,
            DateOfBirth = birth!.Value,
            Mobile = mobile!,
            Email = string.IsNullOrEmpty(email) ? null : email,
            EmploymentType = employment!,
            EmployerName = string.IsNullOrEmpty(employer) ? null : employer,
            YearsEmployed = yearsEmployed!.Value,
            MonthlyIncome = income!.Value,
            MonthlyDebtPayments = debts!.Value,
            Housing = housing!,
            YearsAtAddress = yearsAtAddress!.Value,
            CreditCheckTextVersion = creditCheckVersion!,
            Vin = vin!,
            Condition = condition == "new" ? VehicleCondition.New : VehicleCondition.Used,
            Energy = energy == "new-energy" ? VehicleEnergy.NewEnergy : VehicleEnergy.Conventional,
            Make = make!,
            Model = model!,
            VehicleYear = year!.Value,
            MileageKm = mileage!.Value,
            VehiclePrice = price!.Value,
            DownPayment = down!.Value,
            TermMonths = term!.Value,
            Method = method!.Value,
            BalloonFraction = balloon,
            DeviceId = string.IsNullOrEmpty(device) ? null : device,
        }, []);
    }

    private static string? OneOf(List<FieldError> errors, string field, string? value, string[] allowed, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(FieldProblems.OneOf(field, null, allowed));
            }

            return null;
        }

        string? match = null;
        foreach (var candidate in allowed)
        {
            if (string.Equals(candidate, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                match = candidate;
                break;
            }
        }

        if (match is null)
        {
            errors.Add(FieldProblems.OneOf(field, trimmed, allowed));
        }

        return match;
    }

    private static string? Text(List<FieldError> errors, string field, string? value, int min, int max, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(FieldProblems.Required(field));
            }

            return null;
        }

        if (trimmed.Length < min || trimmed.Length > max || HasControl(trimmed))
        {
            errors.Add(FieldProblems.Length(field, min, max));
        }

        return trimmed;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static decimal? Money(List<FieldError> errors, string field, decimal? value, decimal min, decimal max, bool required)
    {
        var checkedValue = Range(errors, field, value, min, max, required);
        if (checkedValue is { } v && decimal.Round(v, 2) != v)
        {
            errors.Add(FieldProblems.Decimals(field));
            return null;
        }

        return checkedValue;
    }

    private static decimal? Range(List<FieldError> errors, string field, decimal? value, decimal min, decimal max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(FieldProblems.Required(field));
            }

            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(FieldProblems.Between(field, min, max));
            return null;
        }

        return value;
    }

    private static int? Whole(List<FieldError> errors, string field, int? value, int min, int max, bool required) =>
        (int?)Range(errors, field, value, min, max, required);

    private static RepaymentMethod? Method(List<FieldError> errors, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(FieldProblems.OneOf("repaymentMethod", null, RepaymentMethodNames.All.Split('|')));
            return null;
        }

        if (RepaymentMethodNames.Parse(text) is { } method)
        {
            return method;
        }

        errors.Add(FieldProblems.OneOf("repaymentMethod", text.Trim(), RepaymentMethodNames.All.Split('|')));
        return null;
    }
}
