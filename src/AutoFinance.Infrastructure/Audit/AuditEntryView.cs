using System.Text.Json;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>One entry of the audit log as a reader sees it: its place in the chain, when, who, what, on which object, and its figures as JSON.</summary>
public sealed record AuditEntryView(long Sequence, DateTimeOffset At, string Actor, string Action, string EntityType, string EntityId, JsonElement Data)
{
    internal static AuditEntryView Of(AuditEntryRow row) => new(row.Sequence, row.At, row.Actor, row.Action, row.EntityType, row.EntityId, DataOf(row.DataJson));

    /// <summary>The entry's figures; an entry whose data is not JSON (none is written so) is shown as the text it holds.</summary>
    private static JsonElement DataOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json);
        }
    }
}
