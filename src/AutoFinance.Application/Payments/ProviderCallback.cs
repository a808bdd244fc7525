namespace AutoFinance.Application.Payments;

/// <summary>
/// What a provider reports, once its signature is verified: an event (its own id, so a repeat is recognised), its type
/// (<c>checkout.succeeded</c>, <c>checkout.failed</c>, <c>checkout.expired</c>, <c>payout.succeeded</c>, <c>payout.failed</c>,
/// <c>payout.returned</c> (carried out, then sent back by the payee's bank), <c>debit.succeeded</c>, <c>debit.failed</c>), the platform's reference it concerns, the provider's transaction id
/// and the amount.
/// </summary>
public sealed record ProviderCallback(
    string EventId, string Type, string ObjectId, string MerchantReference, string? TransactionId, decimal Amount, string Currency, string? Reason, DateTimeOffset OccurredAt)
{
    public bool Succeeded => Type.EndsWith(".succeeded", StringComparison.Ordinal);

    /// <summary>What the event is about: checkout, payout or debit.</summary>
    public string Subject => Type.Split('.')[0];

    /// <summary>succeeded, failed, expired or returned.</summary>
    public string Outcome => Type.Split('.') is [_, var outcome] ? outcome : Type;
}

/// <summary>Reads a callback body; null when it is not one (a field missing or of the wrong kind).</summary>
public static class ProviderCallbackReader
{
    public static ProviderCallback? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body);
            using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
            if (Text("eventId") is not { Length: > 0 } eventId || Text("type") is not { Length: > 0 } type || Text("objectId") is not { } objectId
                || Text("merchantReference") is not { } reference || Text("currency") is not { } currency
                || !decimal.TryParse(Text("amount"), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                || !root.TryGetProperty("occurredAt", out var at) || !at.TryGetDateTimeOffset(out var occurredAt))
            {
                return null;
            }

            return new ProviderCallback(eventId, type, objectId, reference, Text("transactionId"), amount, currency, Text("reason"), occurredAt);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
