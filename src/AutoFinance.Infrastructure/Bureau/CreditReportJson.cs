using System.Text.Json;
using System.Text.Json.Serialization;
using AutoFinance.Domain.Bureau;

namespace AutoFinance.Infrastructure.Bureau;

/// <summary>The report's JSON form, as published in <c>docs/schemas/credit-report.schema.json</c>: camelCase names, enums in kebab case, dates as yyyy-MM-dd.</summary>
public static class CreditReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(CreditReport report) => JsonSerializer.Serialize(report, Options);

    public static CreditReport Deserialize(string json) => JsonSerializer.Deserialize<CreditReport>(json, Options) ?? throw new JsonException("an empty credit report");
}
