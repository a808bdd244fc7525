using System.Text.Json;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Notifications;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// A customer's reply to one of the platform's texts, as the SMS gateway reports it. An unsubscribe word ("TD", which
/// every marketing text offers; see <see cref="SmsReplyWords"/>) withdraws marketing consent on every channel for each
/// customer on file with that mobile (source <c>sms-reply</c>, the customer told once) and refuses marketing in their
/// notification choices, so the settings page shows what was done; any other reply is not an instruction and changes
/// nothing. A repeated reply finds marketing off already and writes nothing.
/// </summary>
public sealed class SmsReplies(AutoFinanceDbContext db, ILookupHasher hasher, CustomerIntelligence.ConsentCommands consents, NotificationPreferencesService preferences)
{
    public enum Outcome
    {
        Unsubscribed,
        AlreadyUnsubscribed,
        NotAnInstruction,
        UnknownNumber,
    }

    /// <summary>Where a withdrawal came from, as the consent history records it.</summary>
    public const string Source = "sms-reply";

    public sealed record Reply(string ReplyId, string Mobile, string Text);

    /// <summary>Reads the gateway's reply body (<c>replyId</c>, <c>mobile</c>, <c>text</c>); null when it is not one.</summary>
    public static Reply? Read(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return Text("replyId") is { Length: > 0 } id && Text("mobile") is { Length: > 0 } mobile && Text("text") is { } text ? new Reply(id, mobile, text) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<Outcome> ReceiveAsync(Reply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!SmsReplyWords.Unsubscribes(reply.Text))
        {
            return Outcome.NotAnInstruction;
        }

        if (MobileNumber.Normalize(reply.Mobile) is not { } mobile)
        {
            return Outcome.UnknownNumber;
        }

        var hash = hasher.Hash("mobile", mobile);
        var customers = await db.Customers.AsNoTracking().Where(c => c.MobileHash == hash).Select(c => c.Id).ToListAsync(ct).ConfigureAwait(false);
        if (customers.Count == 0)
        {
            return Outcome.UnknownNumber;
        }

        var changed = false;
        var actor = $"sms-reply:{reply.ReplyId}";
        foreach (var customer in customers)
        {
            changed |= (await consents.WithdrawMarketingAsync(customer, Source, actor, ct).ConfigureAwait(false)).Count > 0;
            changed |= await preferences.WithdrawMarketingAsync(customer, actor, Source, ct).ConfigureAwait(false);
        }

        return changed ? Outcome.Unsubscribed : Outcome.AlreadyUnsubscribed;
    }
}
