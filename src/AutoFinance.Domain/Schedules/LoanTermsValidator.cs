using AutoFinance.Domain.Validation;

namespace AutoFinance.Domain.Schedules;

/// <summary>Checks loan terms before a schedule is built and names every problem at once.</summary>
public static class LoanTermsValidator
{
    public const int MaxTermMonths = 120;

    /// <summary>The largest principal accepted: far above any car, small enough for exact integer arithmetic.</summary>
    public const decimal MaxPrincipal = 1_000_000_000m;

    /// <summary>The longest first period accepted: two months after disbursement.</summary>
    public const int MaxFirstPeriodMonths = 2;

    public static IReadOnlyList<FieldError> Validate(LoanTerms terms)
    {
        // Made only at the first problem: terms are validated before every schedule, and nearly all are valid.
        List<FieldError>? errors = null;
        if (terms.Principal <= 0m)
        {
            Add(ref errors, new("principal", "must be greater than zero"));
        }
        else if (terms.Principal > MaxPrincipal)
        {
            Add(ref errors, new("principal", $"must not exceed {MaxPrincipal:N0}"));
        }
        else if (terms.Currency.Round(terms.Principal) != terms.Principal)
        {
            Add(ref errors, new("principal", $"must be a whole number of minor units ({terms.Currency.MinorUnit})"));
        }

        if (terms.AnnualRate < 0m)
        {
            Add(ref errors, new("annualRate", "must not be negative"));
        }
        else if (terms.AnnualRate > 1m)
        {
            Add(ref errors, new("annualRate", "must not exceed 100%"));
        }
        else if (terms.AnnualRate.Scale > 12)
        {
            Add(ref errors, new("annualRate", "must have at most 10 decimal places as a percentage"));
        }

        if (terms.TermMonths < 1 || terms.TermMonths > MaxTermMonths)
        {
            Add(ref errors, new("term", $"must be between 1 and {MaxTermMonths} months"));
        }

        var firstDue = terms.EffectiveFirstDueDate;
        if (firstDue <= terms.StartDate)
        {
            Add(ref errors, new("firstDue", "must be after the start date"));
        }
        else if (firstDue > terms.StartDate.AddMonths(MaxFirstPeriodMonths))
        {
            Add(ref errors, new("firstDue", $"must be at most {MaxFirstPeriodMonths} months after the start date"));
        }

        ValidateMethod(terms, ref errors);

        if (terms.UpfrontFee < 0m)
        {
            Add(ref errors, new("upfrontFee", "must not be negative"));
        }
        else if (terms.Principal > 0m && terms.PrepaidFinanceCharges >= terms.LoanPrincipal)
        {
            Add(ref errors, new("upfrontFee", "up-front charges must be less than the principal"));
        }

        foreach (var bundle in terms.Bundles)
        {
            if (string.IsNullOrWhiteSpace(bundle.Name))
            {
                Add(ref errors, new("bundles.name", "is required"));
            }

            if (bundle.Price <= 0m)
            {
                Add(ref errors, new("bundles.price", $"of '{bundle.Name}' must be greater than zero"));
            }
        }

        if (terms.FixedInstallment is { } fixedInstallment && fixedInstallment <= 0m)
        {
            Add(ref errors, new("fixedInstallment", "must be greater than zero"));
        }

        return errors ?? (IReadOnlyList<FieldError>)[];
    }

    private static void Add(ref List<FieldError>? errors, FieldError error) => (errors ??= []).Add(error);

    private static void ValidateMethod(LoanTerms terms, ref List<FieldError>? errors)
    {
        if (terms.Method == RepaymentMethod.Balloon)
        {
            if (terms.BalloonFraction <= 0m)
            {
                Add(ref errors, new("balloonPercent", "is required for a balloon loan and must be greater than 0%"));
            }
            else if (terms.BalloonFraction >= 1m)
            {
                Add(ref errors, new("balloonPercent", "must be less than 100% of the principal"));
            }
        }
        else if (terms.BalloonFraction != 0m)
        {
            Add(ref errors, new("balloonPercent", "applies only to the balloon method"));
        }

        if (terms.Method == RepaymentMethod.FlatFee)
        {
            if (terms.FlatFee is null)
            {
                Add(ref errors, new("flatFee", "a flat-fee loan needs a total fee percent or a monthly fee rate"));
            }
            else if (terms.FlatFee.TotalFraction < 0m || terms.FlatFee.MonthlyFraction < 0m)
            {
                Add(ref errors, new("flatFee", "fee rate must not be negative"));
            }
            else if (terms.FlatFee.TotalFraction >= 10m)
            {
                Add(ref errors, new("flatFee", "total fee must be less than 1000% of the principal"));
            }
        }
        else if (terms.FlatFee is not null)
        {
            Add(ref errors, new("flatFee", "applies only to the flat-fee method"));
        }
    }
}
