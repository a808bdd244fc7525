using System.Text.Json;
using System.Text.Json.Nodes;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.CustomerIntelligence;

namespace AutoFinance.Infrastructure.Privacy;

/// <summary>
/// The identity in a masked export, as staff see it elsewhere: national ID 110105********011X, mobile 138****8000,
/// e-mail a***@example.com, names by their first letters, dates of birth by their year. Every field of that name in a
/// stored document (an application request) is masked the same way, wherever it sits.
/// </summary>
public static class ExportMasking
{
    public static string NationalId(string value) => ResidentId.Mask(value);

    public static string Mobile(string value) => MobileNumber.Mask(value);

    public static string Name(string value) => Customer360.MaskName(value);

    public static string Email(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? new string('*', value.Length) : string.Concat(value.AsSpan(0, 1), "***", value.AsSpan(at));
    }

    public static string DateOfBirth(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length >= 4 ? string.Concat(value.AsSpan(0, 4), "-**-**") : "****";
    }

    /// <summary>A copy of <paramref name="document"/> with every identity field masked.</summary>
    public static JsonNode? Document(JsonElement document) => Mask(JsonNode.Parse(document.GetRawText()));

    private static JsonNode? Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = value is JsonValue v && v.TryGetValue<string>(out var text) && MaskerFor(name) is { } mask ? JsonValue.Create(mask(text)) : Mask(value?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Mask(array[i]?.DeepClone());
                }

                return array;
            default:
                return node;
        }
    }

    private static Func<string, string>? MaskerFor(string field) => field.ToUpperInvariant() switch
    {
        "NATIONALID" or "IDNUMBER" => NationalId,
        "MOBILE" or "PHONE" => Mobile,
        "EMAIL" => Email,
        "FULLNAME" or "NAME" or "EMPLOYERNAME" => Name,
        "DATEOFBIRTH" => DateOfBirth,
        _ => null,
    };
}
