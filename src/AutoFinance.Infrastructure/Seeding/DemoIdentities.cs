using System.Globalization;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Infrastructure.Seeding;

/// <summary>Made-up but well-formed identity numbers and VINs for demo data (valid check characters, no real person or car).</summary>
public static class DemoIdentities
{
    /// <summary>
    /// The region code of the demo people: <c>990000</c> is no mainland region, and the partner simulator's bureau and
    /// identity service answer it as a sandbox person with a clean, long credit history (see its <c>Scenarios</c>).
    /// </summary>
    public const string SandboxRegion = "990000";

    /// <summary>A sandbox person whose report shows 30–60 day lates, high card use and many recent inquiries: a weaker file.</summary>
    public const string StretchedRegion = "990007";

    /// <summary>A sandbox person whose report shows a 90+ days delinquency three months ago.</summary>
    public const string RecentSeriousRegion = "990001";

    public static string NationalId(string region, DateOnly birth, int sequence)
    {
        var first17 = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>A VIN with the given world manufacturer prefix and serial, its 9th character computed.</summary>
    public static string Vin(string wmiAndDescriptor, char modelYear, string plantAndSerial)
    {
        var draft = wmiAndDescriptor + "0" + modelYear + plantAndSerial;
        for (var digit = 0; digit <= 10; digit++)
        {
            var candidate = string.Concat(draft.AsSpan(0, 8), digit == 10 ? "X" : digit.ToString(CultureInfo.InvariantCulture), draft.AsSpan(9));
            if (Domain.Origination.Vin.IsValid(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no check digit fits");
    }
}
