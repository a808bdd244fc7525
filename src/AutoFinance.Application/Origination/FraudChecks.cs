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
        public const string NameMismatch = "identity.name-mismatch";
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

    public static async Task<IReadOnlyList<(string Stage, RuleOutcome Outcome)>> RunAsync(
        IOriginationStore store, FraudSettings settings, ValidatedApplication a, LookupHashes hashes, Guid? dealerId, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var results = new List<(string, RuleOutcome)>();
        var duplicate = await store.HasOpenApplicationAsync(hashes.NationalId, hashes.Vin, now - settings.DuplicateWindow, ct).ConfigureAwait(false);
        results.Add(("identity", Outcome(Codes.DuplicateApplication, !duplicate, RuleEffect.Refer, duplicate ? "an open application exists for the same person and vehicle" : "no open application for the same person and vehicle")));
        var nameOnFile = await store.CustomerNameHashAsync(hashes.NationalId, ct).ConfigureAwait(false);
        var nameMatches = nameOnFile is null || nameOnFile == hashes.FullName;
        results.Add(("identity", Outcome(Codes.NameMismatch, nameMatches, RuleEffect.Refer, nameMatches ? "name agrees with the customer on file" : "name differs from the customer on file for this ID")));

        results.Add(("fraud", await Velocity(store, VelocityKey.NationalId, hashes.NationalId, settings.NationalId, Codes.VelocityNationalId, now, ct).ConfigureAwait(false)));
        results.Add(("fraud", await Velocity(store, VelocityKey.Mobile, hashes.Mobile, settings.Mobile, Codes.VelocityMobile, now, ct).ConfigureAwait(false)));
        if (hashes.Device is { } device)
        {
            results.Add(("fraud", await Velocity(store, VelocityKey.Device, device, settings.Device, Codes.VelocityDevice, now, ct).ConfigureAwait(false)));
        }

        if (hashes.ClientIp is { } ip)
        {
            results.Add(("fraud", await Velocity(store, VelocityKey.ClientIp, ip, settings.ClientIp, Codes.VelocityClientIp, now, ct).ConfigureAwait(false)));
        }

        if (dealerId is { } dealer)
        {
            results.Add(("fraud", await Velocity(store, VelocityKey.Dealer, dealer.ToString(), settings.Dealer, Codes.VelocityDealer, now, ct).ConfigureAwait(false)));
        }

        foreach (var (kind, hash, code) in new[] { ("national-id", hashes.NationalId, Codes.BlacklistNationalId), ("mobile", hashes.Mobile, Codes.BlacklistMobile), ("vin", hashes.Vin, Codes.BlacklistVin) })
        {
            var listed = await store.IsBlacklistedAsync(kind, hash, ct).ConfigureAwait(false);
            results.Add(("fraud", Outcome(code, !listed, RuleEffect.Decline, listed ? $"{kind} is on the blacklist" : $"{kind} not blacklisted")));
        }

        var financed = await store.IsVinFinancedAsync(hashes.Vin, ct).ConfigureAwait(false);
        results.Add(("fraud", Outcome(Codes.VinFinanced, !financed, RuleEffect.Decline, financed ? "the vehicle already backs an open loan" : "the vehicle backs no open loan")));

        var maxIncome = settings.MaxPlausibleIncome.TryGetValue(a.EmploymentType, out var cap) ? cap : decimal.MaxValue;
        var plausible = a.MonthlyIncome <= maxIncome;
        results.Add(("fraud", Outcome(Codes.IncomeImplausible, plausible, RuleEffect.Refer, plausible ? "income plausible for the employment type" : "income implausible for the employment type",
            ("income", a.MonthlyIncome.ToString(CultureInfo.InvariantCulture)), ("limit", maxIncome == decimal.MaxValue ? "none" : maxIncome.ToString(CultureInfo.InvariantCulture)), ("employment", a.EmploymentType))));

        var problems = Inconsistencies(a, today);
        results.Add(("fraud", Outcome(Codes.Inconsistent, problems.Count == 0, RuleEffect.Refer, problems.Count == 0 ? "the application agrees with itself" : string.Join("; ", problems),
            ("problems", string.Join("; ", problems)))));
        return results;
    }

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

        if (a.OldestAccountMonths > Math.Max(0, age - 16) * 12)
        {
            problems.Add("oldest credit account older than the applicant's adult life");
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

    private static async Task<RuleOutcome> Velocity(IOriginationStore store, VelocityKey key, string value, VelocityLimit limit, string code, DateTimeOffset now, CancellationToken ct)
    {
        var previous = await store.CountSinceAsync(key, value, now - limit.Window, ct).ConfigureAwait(false);
        var count = previous + 1;
        var passed = count <= limit.Limit;
        return Outcome(code, passed, RuleEffect.Refer, $"{count} applications within {limit.Window.TotalHours:0.#} hours (limit {limit.Limit})",
            ("count", count.ToString(CultureInfo.InvariantCulture)), ("limit", limit.Limit.ToString(CultureInfo.InvariantCulture)), ("windowHours", limit.Window.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)));
    }

    private static RuleOutcome Outcome(string code, bool passed, RuleEffect effect, string detail, params (string Key, string Value)[] values) =>
        new(code, passed, detail, values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal)) { OnFailure = effect };
}
