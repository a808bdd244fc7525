using System.Text;
using System.Text.Json;

namespace AutoFinance.Web.Components.Audit;

/// <summary>How the audit page shows an entry's object and figures: a link to the object's own page when it has one, and the figures on one short line.</summary>
public static class AuditEntryText
{
    private const int Longest = 240;

    /// <summary>The page of a loan, application, customer or case the entry names; null for any other object.</summary>
    public static string? Href(string entityType, string entityId) => Guid.TryParse(entityId, out var id)
        ? entityType switch
        {
            "loan" => $"/loans/{id}",
            "application" => $"/applications/{id}",
            "customer" => $"/customers/{id}",
            "case" => $"/cases/{id}",
            _ => null,
        }
        : null;

    /// <summary>An object's figures as <c>name: value · name: value</c> (nested values as compact JSON), cut at a readable length.</summary>
    public static string Compact(JsonElement data)
    {
        var text = data.ValueKind == JsonValueKind.Object ? Fields(data) : Value(data);
        return text.Length <= Longest ? text : string.Concat(text.AsSpan(0, Longest), "…");
    }

    private static string Fields(JsonElement data)
    {
        var line = new StringBuilder();
        foreach (var field in data.EnumerateObject().Where(f => f.Value.ValueKind != JsonValueKind.Null))
        {
            line.Append(line.Length == 0 ? string.Empty : " · ").Append(field.Name).Append(": ").Append(Value(field.Value));
        }

        return line.ToString();
    }

    private static string Value(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
}
