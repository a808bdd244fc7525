using System.Globalization;
using System.Text;
using AutoFinance.Domain.Bureau;

namespace AutoFinance.Credit.Synthetic;

/// <summary>
/// SYNTHETIC car-loan application history with a 24-month default flag, for the default model of a fresh install.
/// No public car-loan history with these application fields exists; this generator is documented in
/// docs/default-model.md and every row it writes is made up.
///
/// Each row has a credit report drawn by <see cref="SyntheticCreditReports"/> (the generator the bureau simulator
/// serves its reports with), and the row holds the report's derived figures (<see cref="BureauFeatures.Derive"/>), as
/// origination derives them from the report it pulls. A latent credit quality per applicant tilts the kind of history
/// (clean, minor lates, 30–90 day lates, 90+, thin, no hit), card use and recent inquiries, and adds risk of its own
/// that no column shows. Default risk rises with the worst status and count of lates, a late in the last six months,
/// high card use, recent loan inquiries, a thin file or no hit, an open public record, payment- and debt-to-income
/// (with the report's monthly obligations), loan-to-value, term, self-employment and vehicle age, calibrated so that
/// about 5% default, between prime (well under 2%) and subprime (above 10%) annual loss rates reported for auto ABS.
/// New-energy vehicles are about a third of new cars (CAAM, 2023); used cars are capped at 36 months and new at 60
/// (China's auto-loan rules).
/// </summary>
public static class CarLoanHistoryGenerator
{
    /// <summary>The as-of date of every synthetic report, so a seed gives the same history whatever day it runs.</summary>
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    private static readonly (string Type, double Share, double MedianIncome)[] Employment =
    [
        ("salaried", 0.60, 16_000), ("self-employed", 0.18, 20_000), ("civil-servant", 0.10, 15_000), ("retired", 0.05, 8_000), ("other", 0.07, 10_000),
    ];

    private static readonly (string Housing, double Share)[] HousingMix = [("own", 0.35), ("mortgage", 0.30), ("rent", 0.25), ("family", 0.10)];

    /// <summary>One synthetic application; <see cref="Bureau"/> is null for a no-hit (its <see cref="BureauFile"/> says so).</summary>
    public sealed record Row(
        int Age,
        string EmploymentType,
        double YearsEmployed,
        decimal MonthlyIncome,
        string Housing,
        double YearsAtAddress,
        string BureauFile,
        BureauFeatures? Bureau,
        string VehicleCondition,
        string VehicleEnergy,
        int VehicleAgeYears,
        int MileageKm,
        decimal LoanAmount,
        double Ltv,
        int TermMonths,
        double PaymentToIncome,
        double DebtToIncome,
        bool Defaulted);

    public static IEnumerable<Row> Generate(int rows, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < rows; i++)
        {
            yield return Next(random, i);
        }
    }

    /// <summary>
    /// Writes the history as CSV. With a past policy's reject rate, a <c>past_decision</c> column says which
    /// applicants the older policy accepted, and the rejects' outcome is left empty, as a lender would hold it.
    /// </summary>
    public static void WriteCsv(TextWriter writer, int rows, int seed, double? pastPolicyRejectRate = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', CarLoanFeatures.All));
        writer.Write(',');
        writer.Write(CarLoanFeatures.Defaulted);
        writer.Write(pastPolicyRejectRate is null ? "\n" : $",{CarLoanFeatures.PastDecision}\n");
        var history = pastPolicyRejectRate is null ? Generate(rows, seed) : Generate(rows, seed).ToList();
        var accepted = pastPolicyRejectRate is { } rate ? PastPolicy.Accepted((List<Row>)history, rate, seed) : null;
        var line = new StringBuilder();
        var index = 0;
        foreach (var r in history)
        {
            line.Clear();
            var known = accepted?[index] ?? true;
            line.AppendJoin(',', [I(r.Age), r.EmploymentType, D(r.YearsEmployed), M(r.MonthlyIncome), r.Housing, D(r.YearsAtAddress)]);
            foreach (var (_, number, text) in CarLoanFeatures.OfReport(r.Bureau, r.BureauFile))
            {
                line.Append(',').Append(number is { } n ? D(n) : text ?? string.Empty);
            }

            line.Append(',').AppendJoin(',', [
                r.VehicleCondition, r.VehicleEnergy, I(r.VehicleAgeYears), I(r.MileageKm), M(r.LoanAmount), D(r.Ltv), I(r.TermMonths), D(r.PaymentToIncome),
                D(r.DebtToIncome), known ? (r.Defaulted ? "1" : "0") : string.Empty]);
            if (accepted is not null)
            {
                line.Append(',').Append(accepted[index] ? "accepted" : "rejected");
            }

            line.Append('\n');
            writer.Write(line);
            index++;
        }
    }

    private static Row Next(Random random, int index)
    {
        // The latent credit quality (higher is weaker): it shapes the report and carries risk no column shows.
        var weakness = Gaussian(random);
        var age = 21 + (int)(random.NextDouble() * random.NextDouble() * 44) + random.Next(0, 6);
        var employment = Pick(random, Employment, e => e.Share);
        var yearsEmployed = Math.Round(Math.Min(age - 18, random.NextDouble() * random.NextDouble() * 25 + 0.3), 1);
        var income = Math.Round((decimal)(employment.MedianIncome * Math.Exp(Gaussian(random) * 0.45)), 0);
        var housing = Pick(random, HousingMix, h => h.Share).Housing;
        var yearsAtAddress = Math.Round(Math.Min(age - 18, random.NextDouble() * 15 + 0.2), 1);

        var profile = SyntheticCreditReports.DrawProfile(random, weakness);
        var strain = Math.Max(0, (0.5 * weakness) + (0.4 * Gaussian(random)));
        var traits = new ReportTraits(Strain: strain, AmountScale: Math.Round(income / 90_000m, 4));
        var report = SyntheticCreditReports.Generate(random, profile, traits, $"SYN{index:0000000}", "synthetic", "synthetic", AsOf);
        var bureau = report is null ? null : BureauFeatures.Derive(report, AsOf);

        var used = random.NextDouble() < 0.30;
        var energy = !used && random.NextDouble() < 0.35 ? "new-energy" : (used && random.NextDouble() < 0.12 ? "new-energy" : "conventional");
        var vehicleAge = used ? 1 + random.Next(0, 9) : 0;
        var mileage = used ? vehicleAge * (8_000 + random.Next(0, 14_000)) : random.Next(0, 50);
        var price = Math.Round((decimal)(160_000 * Math.Exp(Gaussian(random) * 0.4) * (used ? Math.Pow(0.85, vehicleAge) : 1)), 0);
        var downShare = (used ? 0.30 : 0.15) + (random.NextDouble() * 0.35);
        var loan = Math.Round(price * (decimal)(1 - downShare), 0);
        int[] terms = used ? [12, 24, 36] : [12, 24, 36, 48, 60];
        var term = terms[random.Next(terms.Length)];
        var monthlyRate = (0.045 + Math.Max(0, weakness) * 0.02) / 12;
        var payment = (double)loan * monthlyRate / (1 - Math.Pow(1 + monthlyRate, -term));

        // Debts the report does not show (family loans, private lending) come on top of its obligations.
        var unreported = (double)income * Math.Max(0, (Gaussian(random) * 0.06) + (0.02 * weakness));
        var otherDebt = (double)(bureau?.MonthlyObligations ?? 0) + unreported;
        var pti = payment / (double)income;
        var dti = (otherDebt + payment) / (double)income;
        var ltv = (double)(loan / price);

        var logit = -4.33
            + (0.45 * weakness)
            + BureauRisk(bureau)
            + (2.2 * Math.Max(0, pti - 0.20))
            + (1.2 * Math.Max(0, Math.Min(dti, 2) - 0.40))
            + (1.6 * Math.Max(0, ltv - 0.70))
            + (0.012 * (term - 36))
            + (0.055 * vehicleAge)
            + employment.Type switch { "self-employed" => 0.30, "other" => 0.45, "civil-servant" => -0.45, "retired" => 0.10, _ => 0 }
            + housing switch { "rent" => 0.20, "family" => 0.10, "own" => -0.15, _ => 0 }
            - (0.03 * Math.Min(yearsEmployed, 10))
            + (age < 25 ? 0.3 : 0);
        var defaulted = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        return new Row(age, employment.Type, yearsEmployed, income, housing, yearsAtAddress, CarLoanFeatures.FileOf(bureau), bureau,
            used ? "used" : "new", energy, vehicleAge, mileage, loan, Math.Round(ltv, 4), term, Math.Round(pti, 4), Math.Round(dti, 4), defaulted);
    }

    /// <summary>The report's share of the log-odds of default: lates (how bad, how many, how recent), card use, recent loan inquiries, a short or missing history, public records.</summary>
    private static double BureauRisk(BureauFeatures? f)
    {
        if (f is null)
        {
            return 0.8;
        }

        var utilisation = (double)(f.RevolvingUtilisation ?? 0.3m);
        return (0.38 * f.WorstStatus24m)
            + (0.10 * Math.Min(f.Count30Plus, 6))
            + (f.MonthsSinceLast30PlusLate is < 6 ? 0.5 : 0)
            + (1.1 * Math.Max(0, utilisation - 0.5))
            + (0.14 * Math.Min(f.LoanInquiries6m, 8))
            + (0.25 * Math.Min(f.LoanInquiries1m, 3))
            + (f.ThinFile ? 0.55 : 0)
            + (0.7 * f.OpenPublicRecords)
            - (0.004 * Math.Min(f.OldestAccountMonths ?? 0, 120));
    }

    private static T Pick<T>(Random random, T[] items, Func<T, double> share)
    {
        var u = random.NextDouble() * items.Sum(share);
        foreach (var item in items)
        {
            u -= share(item);
            if (u <= 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string M(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
