using System.Globalization;
using System.Text;

namespace AutoFinance.Credit.Synthetic;

/// <summary>
/// SYNTHETIC car-loan application history with a 24-month default flag, for the default model of a fresh install.
/// No public car-loan history with these application fields exists; this generator is documented in
/// docs/default-model.md and every row it writes is made up.
///
/// The mix follows published figures where they exist: credit tiers in the proportions of US auto originations
/// (Experian, State of the Automotive Finance Market: deep subprime 300–500, subprime 501–600, near prime 601–660,
/// prime 661–780, super prime 781–850, with subprime and deep subprime about a fifth of originations); new-energy
/// vehicles about a third of new cars (CAAM, 2023); used cars capped at 36 months and new at 60 (China's auto-loan
/// rules). Default risk rises with a lower bureau score, past delinquencies, recent inquiries, payment- and
/// debt-to-income, loan-to-value, term, self-employment and vehicle age, calibrated so that about 5% default,
/// between prime (well under 2%) and subprime (above 10%) annual loss rates reported for auto ABS.
/// </summary>
public static class CarLoanHistoryGenerator
{
    private static readonly (int Low, int High, double Share)[] Tiers =
    [
        (300, 500, 0.03), (501, 600, 0.18), (601, 660, 0.19), (661, 780, 0.38), (781, 850, 0.22),
    ];

    private static readonly (string Type, double Share, double MedianIncome)[] Employment =
    [
        ("salaried", 0.60, 16_000), ("self-employed", 0.18, 20_000), ("civil-servant", 0.10, 15_000), ("retired", 0.05, 8_000), ("other", 0.07, 10_000),
    ];

    private static readonly (string Housing, double Share)[] HousingMix = [("own", 0.35), ("mortgage", 0.30), ("rent", 0.25), ("family", 0.10)];

    public sealed record Row(
        int Age,
        string EmploymentType,
        double YearsEmployed,
        decimal MonthlyIncome,
        string Housing,
        double YearsAtAddress,
        int BureauScore,
        int Delinquencies24m,
        int Inquiries6m,
        int OpenAccounts,
        int OldestAccountMonths,
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
            yield return Next(random);
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
            line.AppendJoin(',', [
                I(r.Age), r.EmploymentType, D(r.YearsEmployed), M(r.MonthlyIncome), r.Housing, D(r.YearsAtAddress), I(r.BureauScore),
                I(r.Delinquencies24m), I(r.Inquiries6m), I(r.OpenAccounts), I(r.OldestAccountMonths), r.VehicleCondition, r.VehicleEnergy,
                I(r.VehicleAgeYears), I(r.MileageKm), M(r.LoanAmount), D(r.Ltv), I(r.TermMonths), D(r.PaymentToIncome), D(r.DebtToIncome),
                known ? (r.Defaulted ? "1" : "0") : string.Empty]);
            if (accepted is not null)
            {
                line.Append(',').Append(accepted[index] ? "accepted" : "rejected");
            }

            line.Append('\n');
            writer.Write(line);
            index++;
        }
    }

    private static Row Next(Random random)
    {
        var tier = Pick(random, Tiers, t => t.Share);
        var score = random.Next(tier.Low, tier.High + 1);
        var weakness = (700 - score) / 100.0;
        var delinquencies = Poisson(random, Math.Max(0.05, 0.3 + (0.6 * weakness)));
        var inquiries = Poisson(random, Math.Max(0.3, 1.0 + (0.8 * weakness)));
        var age = 21 + (int)(random.NextDouble() * random.NextDouble() * 44) + random.Next(0, 6);
        var employment = Pick(random, Employment, e => e.Share);
        var yearsEmployed = Math.Round(Math.Min(age - 18, random.NextDouble() * random.NextDouble() * 25 + 0.3), 1);
        var income = Math.Round((decimal)(employment.MedianIncome * Math.Exp(Gaussian(random) * 0.45)), 0);
        var housing = Pick(random, HousingMix, h => h.Share).Housing;
        var yearsAtAddress = Math.Round(Math.Min(age - 18, random.NextDouble() * 15 + 0.2), 1);
        var openAccounts = 1 + Poisson(random, 3);
        var oldest = Math.Min((age - 18) * 12, 6 + (int)(random.NextDouble() * 200));
        var used = random.NextDouble() < 0.30;
        var energy = !used && random.NextDouble() < 0.35 ? "new-energy" : (used && random.NextDouble() < 0.12 ? "new-energy" : "conventional");
        var vehicleAge = used ? 1 + random.Next(0, 9) : 0;
        var mileage = used ? vehicleAge * (8_000 + random.Next(0, 14_000)) : random.Next(0, 50);
        var price = Math.Round((decimal)(160_000 * Math.Exp(Gaussian(random) * 0.4) * (used ? Math.Pow(0.85, vehicleAge) : 1)), 0);
        var downShare = (used ? 0.30 : 0.15) + (random.NextDouble() * 0.35);
        var loan = Math.Round(price * (decimal)(1 - downShare), 0);
        int[] terms = used ? [12, 24, 36] : [12, 24, 36, 48, 60];
        var term = terms[random.Next(terms.Length)];
        var monthlyRate = (0.045 + Math.Max(0, weakness) * 0.04) / 12;
        var payment = (double)loan * monthlyRate / (1 - Math.Pow(1 + monthlyRate, -term));
        var otherDebt = (double)income * Math.Max(0, 0.12 + (Gaussian(random) * 0.1) + (0.05 * weakness));
        var pti = payment / (double)income;
        var dti = (otherDebt + payment) / (double)income;
        var ltv = (double)(loan / price);

        var logit = -5.0
            - (1.35 * (score - 680) / 100.0)
            + (0.32 * delinquencies)
            + (0.11 * inquiries)
            + (2.2 * Math.Max(0, pti - 0.20))
            + (1.2 * Math.Max(0, dti - 0.40))
            + (1.6 * Math.Max(0, ltv - 0.70))
            + (0.012 * (term - 36))
            + (0.055 * vehicleAge)
            + employment.Type switch { "self-employed" => 0.30, "other" => 0.45, "civil-servant" => -0.45, "retired" => 0.10, _ => 0 }
            + housing switch { "rent" => 0.20, "family" => 0.10, "own" => -0.15, _ => 0 }
            - (0.03 * Math.Min(yearsEmployed, 10))
            + (age < 25 ? 0.3 : 0);
        var defaulted = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        return new Row(age, employment.Type, yearsEmployed, income, housing, yearsAtAddress, score, delinquencies, inquiries, openAccounts, oldest,
            used ? "used" : "new", energy, vehicleAge, mileage, loan, Math.Round(ltv, 4), term, Math.Round(pti, 4), Math.Round(dti, 4), defaulted);
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

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }

    internal static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string M(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
