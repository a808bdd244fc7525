using System.Text.Json;
using System.Text.Json.Serialization;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Application.Common;

/// <summary>A currency is written as its ISO code ("CNY") and read back to the one instance of that currency.</summary>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.GetString();
        try
        {
            return Currency.FromCode(code ?? string.Empty);
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"'{code}' is not a supported currency", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}
