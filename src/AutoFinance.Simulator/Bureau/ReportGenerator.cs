using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AutoFinance.Domain.Bureau;

namespace AutoFinance.Simulator.Bureau;

/// <summary>
/// Deterministic credit reports: the same national ID gives the same report on the same day. The sandbox regions
/// (<see cref="Scenarios"/>) fix the kind of history; every other number draws one with the population shares of
/// <see cref="SyntheticCreditReports"/>, the generator the default model's synthetic history is made with.
/// </summary>
public static class ReportGenerator
{
    /// <summary>The report's JSON form as published in <c>docs/schemas/credit-report.schema.json</c>: camelCase, enums in kebab case.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static CreditReport? Generate(string idNumber, string name, DateOnly today)
    {
        var region = Scenarios.Region(idNumber);
        var sandbox = region.StartsWith("99", StringComparison.Ordinal);

        // Every sandbox person of one region gets the same history, so a test or a demo story reads the same figures
        // whoever it invents; everyone else gets a history of their own.
        var random = new Random(Seed(sandbox ? region : idNumber));
        var profile = region switch
        {
            Scenarios.NoHit => ReportProfile.NoHit,
            Scenarios.Clean or Scenarios.MobileNotTheirs => ReportProfile.Clean,
            Scenarios.Recent90Plus => ReportProfile.Recent90Plus,
            Scenarios.ThinFile => ReportProfile.Thin,
            Scenarios.Stretched => ReportProfile.Stretched,
            _ => SyntheticCreditReports.DrawProfile(random),
        };

        // The sandbox people (99xxxx) keep small obligations: their loans are repaid and their cards little used,
        // so what a test reads is the scenario, not a debt-to-income side effect.
        var traits = new ReportTraits(Modest: sandbox);
        var reportId = $"SIM{today:yyyyMMdd}{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idNumber)))[..12]}";
        return SyntheticCreditReports.Generate(random, profile, traits, reportId, name, idNumber, today);
    }

    private static int Seed(string idNumber) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes("bureau:" + idNumber)), 0);
}
