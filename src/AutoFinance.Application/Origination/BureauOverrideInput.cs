using AutoFinance.Domain.Bureau;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Origination;

/// <summary>
/// The body of <c>POST /api/v1/applications/{id}/bureau-override</c>: the figures of a credit report staff obtained
/// another way (the bureau had no record, was unavailable, or its report was wrong), and the mandatory reason.
/// Every field is optional in the type so that each missing or out-of-range figure is reported by name.
/// </summary>
public sealed record BureauOverrideInput
{
    public string? Reason { get; init; }

    public BureauFiguresInput? Figures { get; init; }

    /// <summary>The figures as <see cref="BureauFeatures"/>, or every problem at once, each naming its field.</summary>
    public (BureauFeatures? Figures, string? Reason, IReadOnlyList<FieldError> Errors) Validate()
    {
        var errors = new List<FieldError>();
        var reason = Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(FieldProblems.Required("reason", "is required: say where the figures come from and why the bureau's are not used"));
        }
        else if (reason.Length > 500)
        {
            errors.Add(FieldProblems.TooLong("reason", 500));
        }

        var f = Figures;
        if (f is null)
        {
            errors.Add(FieldProblems.Required("figures"));
            return (null, reason, errors);
        }

        int? Whole(string name, int? value, int max, bool required = true)
        {
            if (value is null)
            {
                if (required)
                {
                    errors.Add(FieldProblems.Required("figures." + name));
                }

                return null;
            }

            if (value < 0 || value > max)
            {
                errors.Add(FieldProblems.Between("figures." + name, 0, max));
                return null;
            }

            return value;
        }

        var worst = Whole("worstStatus24m", f.WorstStatus24m, 7);
        var since30 = Whole("monthsSinceLast30PlusLate", f.MonthsSinceLast30PlusLate, 23, required: false);
        var since90 = Whole("monthsSinceLast90PlusLate", f.MonthsSinceLast90PlusLate, 23, required: false);
        var c30 = Whole("count30Plus", f.Count30Plus, 24 * 50);
        var c60 = Whole("count60Plus", f.Count60Plus, 24 * 50);
        var c90 = Whole("count90Plus", f.Count90Plus, 24 * 50);
        var q1 = Whole("loanInquiries1m", f.LoanInquiries1m, 500);
        var q3 = Whole("loanInquiries3m", f.LoanInquiries3m, 500);
        var q6 = Whole("loanInquiries6m", f.LoanInquiries6m, 500);
        var loans = Whole("activeLoans", f.ActiveLoans, 500);
        var oldest = Whole("oldestAccountMonths", f.OldestAccountMonths, 1200, required: false);
        var records = Whole("openPublicRecords", f.OpenPublicRecords, 500);
        if (f.RevolvingUtilisation is < 0 or > 10)
        {
            errors.Add(FieldProblems.Between("figures.revolvingUtilisation", 0, 10));
        }

        if (f.MonthlyObligations is null)
        {
            errors.Add(FieldProblems.Required("figures.monthlyObligations"));
        }
        else if (f.MonthlyObligations is < 0 or > 10_000_000m)
        {
            errors.Add(FieldProblems.Between("figures.monthlyObligations", 0, 10_000_000m));
        }

        if (c90 > c60 || c60 > c30)
        {
            errors.Add(FieldProblems.Of("figures.count90Plus", "bureau.figures-inconsistent", "90+ months are among the 60+ months, and those among the 30+ months: count90Plus ≤ count60Plus ≤ count30Plus"));
        }

        if (errors.Count > 0)
        {
            return (null, reason, errors);
        }

        var figures = new BureauFeatures
        {
            WorstStatus24m = worst!.Value,
            MonthsSinceLast30PlusLate = since30,
            Count30Plus = c30!.Value,
            Count60Plus = c60!.Value,
            Count90Plus = c90!.Value,
            MonthsSinceLast90PlusLate = since90,
            RevolvingUtilisation = f.RevolvingUtilisation,
            LoanInquiries1m = q1!.Value,
            LoanInquiries3m = q3!.Value,
            LoanInquiries6m = q6!.Value,
            ActiveLoans = loans!.Value,
            MonthlyObligations = f.MonthlyObligations!.Value,
            OldestAccountMonths = oldest,
            OpenPublicRecords = records!.Value,
            ThinFile = f.ThinFile ?? oldest is null or < 6,
        };
        return (figures, reason, errors);
    }
}

/// <summary>The derived figures of a credit report as staff read them (see <see cref="BureauFeatures"/> for each rule).</summary>
public sealed record BureauFiguresInput
{
    public int? WorstStatus24m { get; init; }

    public int? MonthsSinceLast30PlusLate { get; init; }

    public int? Count30Plus { get; init; }

    public int? Count60Plus { get; init; }

    public int? Count90Plus { get; init; }

    public int? MonthsSinceLast90PlusLate { get; init; }

    public decimal? RevolvingUtilisation { get; init; }

    public int? LoanInquiries1m { get; init; }

    public int? LoanInquiries3m { get; init; }

    public int? LoanInquiries6m { get; init; }

    public int? ActiveLoans { get; init; }

    public decimal? MonthlyObligations { get; init; }

    public int? OldestAccountMonths { get; init; }

    public int? OpenPublicRecords { get; init; }

    public bool? ThinFile { get; init; }
}
