using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace AutoFinance.Simulator.Sms;

/// <summary>
/// Plays an SMS gateway: accepts a message (202), delivers it after a short delay into an inbox per number, and drops
/// a retried duplicate by its message id. Like a real gateway it now and then fails: the first attempt at every
/// seventh new message answers 503, so a sender without retries loses messages and one with retries does not.
/// <c>GET /sms/v1/inbox/{mobile}</c> lists what a number received, newest first, as gateway sandboxes offer.
/// A message may name a <c>replyUrl</c>: a reply from that number (the sandbox's <c>POST /sms/v1/replies</c> plays the
/// phone) is pushed there as the gateway's signed reply callback (<c>X-Sms-Timestamp</c>, <c>X-Sms-Signature</c>, with
/// <c>Partners:Sms:CallbackSecret</c>), retried until taken; <c>GET /sms/v1/replies/{id}</c> says whether it was, and what the platform answered.
/// </summary>
public static class SmsGatewaySimulator
{
    public sealed record Incoming(Guid? MessageId, string? Mobile, string? Text, string? ReplyUrl);

    public sealed record Delivered(Guid MessageId, string Text, DateTimeOffset ReceivedAt);

    public sealed record Reply(string? Mobile, string? Text);

    private sealed class Gateway
    {
        public ConcurrentDictionary<string, ConcurrentQueue<Delivered>> Inboxes { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<Guid, byte> Accepted { get; } = new();

        public ConcurrentDictionary<Guid, byte> FailedOnce { get; } = new();

        /// <summary>Where a number's replies go: the reply address of the latest message sent to it.</summary>
        public ConcurrentDictionary<string, Uri> ReplyRoutes { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, SignedDelivery> Replies { get; } = new(StringComparer.Ordinal);

        public int Received;
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gateway = new Gateway();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var courier = new SignedCourier(
            app.Configuration["Partners:Sms:CallbackSecret"] ?? string.Empty, "X-Sms-Timestamp", "X-Sms-Signature",
            [.. (app.Configuration["Partners:Sms:CallbackRetryMilliseconds"] ?? "500,1000,2000,4000,8000,16000,30000,60000")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ms => TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture)))],
            app.Services.GetRequiredService<IHttpClientFactory>(), time, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SmsGateway"), app.Lifetime.ApplicationStopping);
        var sms = app.MapGroup("/sms/v1");
        sms.MapPost("/messages", async (Incoming message, CancellationToken ct) =>
        {
            if (message.MessageId is not { } id || string.IsNullOrWhiteSpace(message.Mobile) || string.IsNullOrWhiteSpace(message.Text))
            {
                return Results.Problem(title: "messageId, mobile and text are required", statusCode: 400);
            }

            if (gateway.Accepted.ContainsKey(id))
            {
                return Results.Accepted(value: new { messageId = id, duplicate = true });
            }

            if (Interlocked.Increment(ref gateway.Received) % 7 == 0 && gateway.FailedOnce.TryAdd(id, 0))
            {
                return Results.Problem(title: "gateway busy", statusCode: 503);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 60)), ct).ConfigureAwait(false);
            if (gateway.Accepted.TryAdd(id, 0))
            {
                gateway.Inboxes.GetOrAdd(message.Mobile.Trim(), _ => new()).Enqueue(new Delivered(id, message.Text, time.GetUtcNow()));
                if (Uri.TryCreate(message.ReplyUrl, UriKind.Absolute, out var replyTo))
                {
                    gateway.ReplyRoutes[message.Mobile.Trim()] = replyTo;
                }
            }

            return Results.Accepted(value: new { messageId = id, duplicate = false });
        });
        sms.MapGet("/inbox/{mobile}", (string mobile) =>
            Results.Ok(gateway.Inboxes.TryGetValue(mobile, out var inbox) ? inbox.Reverse().ToArray() : []));
        sms.MapPost("/replies", (Reply reply) =>
        {
            if (string.IsNullOrWhiteSpace(reply.Mobile) || string.IsNullOrWhiteSpace(reply.Text))
            {
                return Results.Problem(title: "mobile and text are required", statusCode: 400);
            }

            if (!gateway.ReplyRoutes.TryGetValue(reply.Mobile.Trim(), out var route))
            {
                return Results.Problem(title: "no message was sent to this number, so a reply from it has nowhere to go", statusCode: 404);
            }

            var id = "mo_" + Guid.NewGuid().ToString("N");
            var body = JsonSerializer.Serialize(new { replyId = id, mobile = reply.Mobile.Trim(), text = reply.Text, receivedAt = time.GetUtcNow() });
            var delivery = new SignedDelivery(id, route, body);
            gateway.Replies[id] = delivery;
            courier.Start(delivery);
            return Results.Accepted(value: new { replyId = id });
        });
        sms.MapGet("/replies/{id}", (string id) =>
            gateway.Replies.TryGetValue(id, out var delivery)
                ? Results.Ok(new { replyId = id, attempts = delivery.Attempts, acknowledged = delivery.Acknowledged, outcome = OutcomeIn(delivery.Answer) })
                : Results.NotFound());
    }

    /// <summary>The <c>outcome</c> the platform's answer names, if it is JSON that names one.</summary>
    private static string? OutcomeIn(string? answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer ?? "null");
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("outcome", out var outcome) ? outcome.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
