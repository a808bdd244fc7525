using System.Globalization;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>
/// The identity and fraud checks, in their recorded order: duplicate open application and name on file (identity);
/// velocity by national ID, mobile, device, IP and dealer; blacklisted ID, mobile and VIN; a VIN already financed;
/// income implausible for the employment type; data that contradicts itself. Blacklist and financed-VIN hits
/// decline; everything else refers to an underwriter.
/// </summary>
public static class FraudChecks
{
    public static class Codes
    {
        public const string DuplicateApplication = "identity.duplicate-open-application";
        public const string IdentityMismatch = "identity.mismatch";
        public const string VelocityNationalId = "fraud.velocity-national-id";
        public const string VelocityMobile = "fraud.velocity-mobile";
        public const string VelocityDevice = "fraud.velocity-device";
        public const string VelocityClientIp = "fraud.velocity-ip";
        public const string VelocityDealer = "fraud.velocity-dealer";
        public const string BlacklistNationalId = "fraud.blacklist-national-id";
        public const string BlacklistMobile = "fraud.blacklist-mobile";
        public const string BlacklistVin = "fraud.blacklist-vin";
        public const string VinFinanced = "fraud.vin-financed";
        public const string IncomeImplausible = "fraud.income-implausible";
        public const string Inconsistent = "fraud.inconsistent-data";
    }

    /// <summary>The checks in their recorded order, in a list with room for the screening checks a decision adds after them.</summary>
    public static async ValueTask<(List<(string Stage, RuleOutcome Outcome)> Checks, FraudFacts Facts)> RunAsync(
        IOriginationStore store, FraudSettings settings, ValidatedApplication a, LookupHashes hashes, Guid? dealerId, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var results = new List<(string, RuleOutcome)>(20);
        var windows = new Dictionary<VelocityKey, DateTimeOffset>
        {
            [VelocityKey.NationalId] = now - settings.NationalId.Window,
            [VelocityKey.Mobile] = now - settings.Mobile.Window,
        };
        if (hashes.Device is not null)
        {
            windows[VelocityKey.Device] = now - settings.Device.Window;
        }

        if (hashes.ClientIp is not null)
        {
            windows[VelocityKey.ClientIp] = now - settings.ClientIp.Window;
        }

        if (dealerId is not null)
        {
            windows[VelocityKey.Dealer] = now - settings.Dealer.Window;
        }

        var query = new FraudQuery(hashes, dealerId, windows, now - settings.DuplicateWindow) { CountCap = Caps.GetValue(settings, CapsOf) };
        var facts = await store.FraudFactsAsync(query, ct).ConfigureAwait(false);
        results.Add(("identity", Outcome(Codes.DuplicateApplication, !facts.OpenDuplicate, RuleEffect.Refer, facts.OpenDuplicate ? "an open application exists for the same person and vehicle" : "no open application for the same person and vehicle")));
        results.Add(("identity", IdentityOnFile(facts, hashes)));
        foreach (var (key, code) in VelocityChecks)
        {
            if (windows.ContainsKey(key))
            {
                results.Add(("fraud", Velocity(facts.PriorCounts.GetValueOrDefault(key), LimitOf(settings, key), code)));
            }
        }

        foreach (var (kind, code) in BlacklistChecks)
        {
            var listed = facts.BlacklistedKinds.Contains(kind);
            results.Add(("fraud", Outcome(code, !listed, RuleEffect.Decline, listed ? $"{kind} is on the blacklist" : $"{kind} not blacklisted")));
        }

        results.Add(("fraud", Outcome(Codes.VinFinanced, !facts.VinFinanced, RuleEffect.Decline, facts.VinFinanced ? "the vehicle already backs an open loan" : "the vehicle backs no open loan")));

        var maxIncome = settings.MaxPlausibleIncome.TryGetValue(a.EmploymentType, out var cap) ? cap : decimal.MaxValue;
        var plausible = a.MonthlyIncome <= maxIncome;
        results.Add(("fraud", Outcome(Codes.IncomeImplausible, plausible, RuleEffect.Refer, plausible ? "income plausible for the employment type" : "income implausible for the employment type",
            ("income", a.MonthlyIncome.ToString(CultureInfo.InvariantCulture)), ("limit", maxIncome == decimal.MaxValue ? "none" : maxIncome.ToString(CultureInfo.InvariantCulture)), ("employment", a.EmploymentType))));

        var problems = Inconsistencies(a, today);
        results.Add(("fraud", Outcome(Codes.Inconsistent, problems.Count == 0, RuleEffect.Refer, problems.Count == 0 ? "the application agrees with itself" : string.Join("; ", problems),
            ("problems", string.Join("; ", problems)))));
        return (results, facts);
    }

    private static readonly (VelocityKey Key, string Code)[] VelocityChecks =
    [
        (VelocityKey.NationalId, Codes.VelocityNationalId),
        (VelocityKey.Mobile, Codes.VelocityMobile),
        (VelocityKey.Device, Codes.VelocityDevice),
        (VelocityKey.ClientIp, Codes.VelocityClientIp),
        (VelocityKey.Dealer, Codes.VelocityDealer),
    ];

    /// <summary>Each settings' count caps, made once: the settings are immutable and every decision's query carries them.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FraudSettings, IReadOnlyDictionary<VelocityKey, int>> Caps = new();

    private static IReadOnlyDictionary<VelocityKey, int> CapsOf(FraudSettings settings)
    {
        var caps = new Dictionary<VelocityKey, int>(VelocityChecks.Length);
        foreach (var (key, _) in VelocityChecks)
        {
            caps[key] = LimitOf(settings, key).Limit;
        }

        return caps;
    }

    private static VelocityLimit LimitOf(FraudSettings settings, VelocityKey key) => key switch
    {
        VelocityKey.NationalId => settings.NationalId,
        VelocityKey.Mobile => settings.Mobile,
        VelocityKey.Device => settings.Device,
        VelocityKey.ClientIp => settings.ClientIp,
        _ => settings.Dealer,
    };

    private static readonly (string Kind, string Code)[] BlacklistChecks =
        [("national-id", Codes.BlacklistNationalId), ("mobile", Codes.BlacklistMobile), ("vin", Codes.BlacklistVin)];

    /// <summary>Statements an application makes that cannot all be true.</summary>
    public static IReadOnlyList<string> Inconsistencies(ValidatedApplication a, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        var age = Age.InYears(a.DateOfBirth, today);
        var problems = new List<string>();
        if (a.YearsEmployed > Math.Max(0, age - 14))
        {
            problems.Add("years employed exceed working age");
        }

        if (a.YearsAtAddress > age)
        {
            problems.Add("years at address exceed age");
        }

        if (a.Condition == VehicleCondition.New && a.MileageKm > 3_000)
        {
            problems.Add("a new vehicle with more than 3,000 km");
        }

        if (a.Condition == VehicleCondition.New && a.VehicleYear < today.Year - 1)
        {
            problems.Add("a new vehicle built more than a year ago");
        }

        if (a.MonthlyDebtPayments > a.MonthlyIncome * 2)
        {
            problems.Add("monthly debt payments more than twice the income");
        }

        return problems;
    }

    private static RuleOutcome Velocity(int previous, VelocityLimit limit, string code)
    {
        var count = previous + 1;
        var passed = count <= limit.Limit;
        var texts = VelocityTexts.GetValue(limit, static l => new VelocityText(l));
        return Outcome(code, passed, RuleEffect.Refer, texts.Detail(count),
            ("count", count.ToString(CultureInfo.InvariantCulture)), ("limit", texts.Limit), ("windowHours", texts.WindowHours));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<VelocityLimit, VelocityText> VelocityTexts = new();

    /// <summary>
    /// A velocity limit's texts, made once per limit (and per count, for the counts a decision meets) instead of at
    /// every decision; a limit is immutable. The line is formatted as it always was, in the current culture, so one
    /// made under another culture is not reused.
    /// </summary>
    private sealed class VelocityText(VelocityLimit limit)
    {
        private readonly string?[] details = new string?[32];
        private readonly CultureInfo culture = CultureInfo.CurrentCulture;

        public string Limit { get; } = limit.Limit.ToString(CultureInfo.InvariantCulture);

        public string WindowHours { get; } = limit.Window.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);

        public string Detail(int count)
        {
            if (count < 0 || count >= details.Length || !ReferenceEquals(CultureInfo.CurrentCulture, culture))
            {
                return Format(count);
            }

            return details[count] ??= Format(count);
        }

        private string Format(int count) => $"{count} applications within {limit.Window.TotalHours:0.#} hours (limit {limit.Limit})";
    }

    private static RuleOutcome Outcome(string code, bool passed, RuleEffect effect, string detail, params ReadOnlySpan<(string Key, string Value)> values) =>
        new(code, passed, detail, new OrderedFigures(values)) { OnFailure = effect };

    /// <summary>
    /// The application's name and mobile against the customer on file for the national ID. The record on file is
    /// never overwritten by an application: a difference refers the application so staff see it.
    /// </summary>
    private static RuleOutcome IdentityOnFile(FraudFacts facts, LookupHashes hashes)
    {
        var differing = new List<string>(2);
        if (facts.CustomerNameHash is { } name && name != hashes.FullName)
        {
            differing.Add("name");
        }

        if (facts.CustomerMobileHash is { } mobile && mobile != hashes.Mobile)
        {
            differing.Add("mobile");
        }

        return differing.Count == 0
            ? Outcome(Codes.IdentityMismatch, true, RuleEffect.Refer, facts.CustomerId is null ? "no customer on file for this ID" : "name and mobile agree with the customer on file")
            : Outcome(Codes.IdentityMismatch, false, RuleEffect.Refer, $"{string.Join(" and ", differing)} differ from the customer on file for this ID; the record on file is kept", ("fields", string.Join(",", differing)));
    }
}
