using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Web.Tests.Origination;

/// <summary>Application bodies for tests; each call gets its own person and vehicle so tests do not trip each other's velocity rules.</summary>
internal static class Applications
{
    private static int _sequence = 100;

    /// <summary>The partner simulator's sandbox regions pick the credit report a person gets (see its <c>Scenarios</c>).</summary>
    public const string CleanRegion = DemoIdentities.SandboxRegion;

    public const string StretchedRegion = DemoIdentities.StretchedRegion;

    public const string RecentSeriousRegion = DemoIdentities.RecentSeriousRegion;

    public const string NoHitRegion = "990003";

    public static (string NationalId, DateOnly Birth, string Mobile, string Vin) NewIdentity(string region = DemoIdentities.SandboxRegion)
    {
        var n = Interlocked.Increment(ref _sequence);
        var birth = new DateOnly(1980, 1, 1).AddDays(n * 37 % 6000);
        var mobile = "135" + (10_000_000 + (n * 7919 % 89_999_999)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var vin = DemoIdentities.Vin("LFV3A28K", 'S', "9" + n.ToString("000000", System.Globalization.CultureInfo.InvariantCulture));
        return (DemoIdentities.NationalId(region, birth, n % 999), birth, mobile, vin);
    }

    /// <summary>A well-off applicant; the credit report is the simulator's for <paramref name="region"/> (a clean, long history by default).</summary>
    public static Dictionary<string, object?> Prime(string channel = "dealer", string language = "en", string region = DemoIdentities.SandboxRegion)
    {
        var (id, birth, mobile, vin) = NewIdentity(region);
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

    /// <summary>A stretched applicant whose report shows a 90+ days delinquency three months ago.</summary>
    public static Dictionary<string, object?> Subprime(string channel = "dealer")
    {
        var body = Prime(channel, region: RecentSeriousRegion);
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        applicant["monthlyIncome"] = 9000;
        applicant["monthlyDebtPayments"] = 4000;
        applicant["employmentType"] = "other";
        applicant["housing"] = "rent";
        applicant["yearsEmployed"] = 1;
        body["downPayment"] = 30000;
        body["termMonths"] = 60;
        return body;
    }

    /// <summary>A weaker applicant whose report shows 30–60 day lates, high card use and many recent inquiries.</summary>
    public static Dictionary<string, object?> NearPrime(string channel = "dealer")
    {
        var body = Prime(channel, region: StretchedRegion);
        var applicant = (Dictionary<string, object?>)body["applicant"]!;
        applicant["monthlyIncome"] = 20000;
        applicant["monthlyDebtPayments"] = 2000;
        applicant["employmentType"] = "self-employed";
        applicant["housing"] = "rent";
        applicant["yearsEmployed"] = 2;
        body["downPayment"] = 40000;
        body["termMonths"] = 48;
        return body;
    }

    public static Dictionary<string, object?> Section(this Dictionary<string, object?> body, string name) => (Dictionary<string, object?>)body[name]!;

    public static string NationalIdOf(Dictionary<string, object?> body) => (string)body.Section("applicant")["nationalId"]!;

    public static bool IsValidId(string id) => ResidentId.IsValid(id);
}
