using System.Text.Json;
using System.Text.Json.Serialization;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Artefacts;

/// <summary>Reads and writes the model artefact as indented camelCase JSON with enums as words.</summary>
public static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(ScorecardDocument document) => JsonSerializer.Serialize(document, Options);

    public static ScorecardDocument Deserialize(string json)
    {
        ScorecardDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ScorecardDocument>(json, Options);
        }
        catch (JsonException e)
        {
            throw new CreditDataException($"not a model document: {e.Message}", e);
        }

        if (document is null || document.Format != ScorecardDocument.FormatName)
        {
            throw new CreditDataException($"not a model document (expected format '{ScorecardDocument.FormatName}')");
        }

        if (document.FormatVersion > ScorecardDocument.CurrentVersion)
        {
            throw new CreditDataException($"the model document has format version {document.FormatVersion}; this build reads up to {ScorecardDocument.CurrentVersion}");
        }

        return document;
    }

    public static void Save(ScorecardDocument document, string path) => File.WriteAllText(path, Serialize(document));

    public static ScorecardDocument Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CreditDataException($"cannot read the model '{path}': {e.Message}", e);
        }

        return Deserialize(json);
    }
}
