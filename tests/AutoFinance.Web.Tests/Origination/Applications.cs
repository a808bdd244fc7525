using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Web.Tests.Origination;

/// <summary>Application bodies for tests; each call gets its own person and vehicle so tests do not trip each other's velocity rules.</summary>
internal static class Applications
{
    private static int _sequence = 100;

    public static (string NationalId, DateOnly Birth, string Mobile, string Vin) NewIdentity()
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1980, 1, 1).AddDays(n * 37 % 6000);
        var mobile = "135" + (10_000_000 + (n * 7919 % 89_999_999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var vin = DemoIdentities.Vin("LFV3A28K", 'S', "9" + n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture));
        return (DemoIdentities.NationalId(DemoIdentities.SandboxRegion, birth, n % 999), birth, mobile, vin);
    }

    public static Dictionary<string, object?> Prime(string channel = "dealer", string language = "en")
    {
        var (id, birth, mobile, vin) = NewIdentity();
        return new Dictionary<string, object?>
        {
            ["channel"] = channel,
            ["language"] = language,
            ["applicant"] = new Dictionary<string, object?>
            {
                ["fullName"] = "Test Applicant",
                ["nationalId"] = id,
                ["dateOfBirth"] = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["mobile"] = mobile,
                ["email"] = "applicant@example.com",
                ["employmentType"] = "salaried",
                ["employerName"] = "Example Co.",
                ["yearsEmployed"] = 8,
                ["monthlyIncome"] = 32000,
                ["monthlyDebtPayments"] = 1500,
                ["housing"] = "own",
                ["yearsAtAddress"] = 6,
            },
            ["bureau"] = new Dictionary<string, object?> { ["score"] = 790, ["delinquencies24m"] = 0, ["inquiries6m"] = 1, ["openAccounts"] = 3, ["oldestAccountMonths"] = 120 },
            ["creditCheck"] = new Dictionary<string, object?> { ["agreed"] = true, ["textVersion"] = "credit-check-2026-01" },
            ["vehicle"] = new Dictionary<string, object?>
            {
                ["vin"] = vin, ["condition"] = "new", ["energy"] = "conventional", ["make"] = "Volkswagen", ["model"] = "Sagitar", ["year"] = 2026, ["mileageKm"] = 10, ["price"] = 168000,
            },
            ["downPayment"] = 60000,
            ["termMonths"] = 36,
            ["repaymentMethod"] = "annuity",
        };
    }

    public static Dictionary<string, object?> Subprime(string channel = "dealer")
    {
        var body = Prime(channel);
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        applicant["monthlyIncome"] = 9000;
        applicant["monthlyDebtPayments"] = 4000;
        applicant["employmentType"] = "other";
        applicant["housing"] = "rent";
        applicant["yearsEmployed"] = 1;
        body["bureau"] = new Dictionary<string, object?> { ["score"] = 525, ["delinquencies24m"] = 4, ["inquiries6m"] = 9, ["openAccounts"] = 7, ["oldestAccountMonths"] = 20 };
        body["downPayment"] = 30000;
        body["termMonths"] = 60;
        return body;
    }

    public static Dictionary<string, object?> NearPrime(string channel = "dealer")
    {
        var body = Prime(channel);
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        applicant["monthlyIncome"] = 14000;
        applicant["monthlyDebtPayments"] = 3500;
        applicant["employmentType"] = "self-employed";
        applicant["housing"] = "rent";
        applicant["yearsEmployed"] = 2;
        body["bureau"] = new Dictionary<string, object?> { ["score"] = 628, ["delinquencies24m"] = 1, ["inquiries6m"] = 4, ["openAccounts"] = 5, ["oldestAccountMonths"] = 40 };
        body["downPayment"] = 40000;
        body["termMonths"] = 48;
        return body;
    }

    public static Dictionary<string, object?> Section(this Dictionary<string, object?> body, string name) => (Dictionary<string, object?>)body[name]!;

    public static string NationalIdOf(Dictionary<string, object?> body) => (string)body.Section("applicant")["nationalId"]!;

    public static bool IsValidId(string id) => ResidentId.IsValid(id);
}
