using System.Globalization;
using AutoFinance.Application.Origination;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// Applications for the decision benchmark: every one a different person and vehicle (so no velocity or duplicate
/// rule trips), with profiles from prime to subprime and a mix of new, new-energy and used cars, terms and methods.
/// </summary>
public static class DecisionWorkload
{
    private static readonly string[] Employment = ["salaried", "self-employed", "civil-servant", "retired", "other"];
    private static readonly string[] Housing = ["own", "mortgage", "rent", "family"];
    private static readonly int[] Terms = [12, 24, 36, 48, 60];

    public static ApplicationRequest[] Requests(int count, int seed)
    {
        var random = new Random(seed);
        var requests = new ApplicationRequest[count];
        for (var i = 0; i < count; i++)
        {
            var birth = new DateOnly(1965, 1, 1).AddDays(random.Next(0, 13_000));
            var used = random.NextDouble() < 0.3;
            var newEnergy = !used && random.NextDouble() < 0.35;
            var price = Math.Round((decimal)(80_000 + (random.NextDouble() * 220_000)), 0);
            requests[i] = new ApplicationRequest
            {
                Channel = "dealer",
                Language = i % 2 == 0 ? "zh-CN" : "en",
                Applicant = new ApplicantInput
                {
                    FullName = "Bench Applicant " + i.ToString(CultureInfo.InvariantCulture),
                    NationalId = DemoIdentities.NationalId("440305", birth, i % 1000),
                    DateOfBirth = birth,
                    Mobile = "15" + (100_000_000 + i).ToString(CultureInfo.InvariantCulture),
                    EmploymentType = Employment[random.Next(Employment.Length)],
                    YearsEmployed = random.Next(0, 20),
                    MonthlyIncome = Math.Round((decimal)(8_000 + (random.NextDouble() * 40_000)), 0),
                    MonthlyDebtPayments = Math.Round((decimal)(random.NextDouble() * 5_000), 0),
                    Housing = Housing[random.Next(Housing.Length)],
                    YearsAtAddress = random.Next(0, 15),
                },
                CreditCheck = new CreditCheckConsent { Agreed = true, TextVersion = AutoFinance.Application.Verification.CreditCheckText.CurrentVersion },
                Vehicle = new VehicleInput
                {
                    Vin = DemoIdentities.Vin("LFV2A21K", 'S', (i % 10).ToString(CultureInfo.InvariantCulture) + (i / 10 % 1_000_000).ToString("000000", CultureInfo.InvariantCulture)),
                    Condition = used ? "used" : "new",
                    Energy = newEnergy ? "new-energy" : "conventional",
                    Make = newEnergy ? "BYD" : "Volkswagen",
                    Model = newEnergy ? "Seal" : "Sagitar",
                    Year = used ? 2019 + random.Next(0, 6) : 2026,
                    MileageKm = used ? random.Next(10_000, 90_000) : 10,
                    Price = price,
                },
                DownPayment = Math.Round(price * (decimal)(0.2 + (random.NextDouble() * 0.3)), 0),
                TermMonths = used ? Terms[random.Next(0, 3)] : Terms[random.Next(Terms.Length)],
                RepaymentMethod = random.NextDouble() < 0.8 ? "annuity" : "equal-principal",
            };
        }

        return requests;
    }
}
