using System.Collections.Concurrent;

namespace AutoFinance.Simulator.Sms;

/// <summary>
/// Plays an SMS gateway: accepts a message (202), delivers it after a short delay into an inbox per number, and drops
/// a retried duplicate by its message id. Like a real gateway it now and then fails: the first attempt at every
/// seventh new message answers 503, so a sender without retries loses messages and one with retries does not.
/// <c>GET /sms/v1/inbox/{mobile}</c> lists what a number received, newest first, as gateway sandboxes offer.
/// </summary>
public static class SmsGatewaySimulator
{
    public sealed record Incoming(Guid? MessageId, string? Mobile, string? Text);

    public sealed record Delivered(Guid MessageId, string Text, DateTimeOffset ReceivedAt);

    private sealed class Gateway
    {
        public ConcurrentDictionary<string, ConcurrentQueue<Delivered>> Inboxes { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<Guid, byte> Accepted { get; } = new();

        public ConcurrentDictionary<Guid, byte> FailedOnce { get; } = new();

        public int Received;
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var gateway = new Gateway();
        var sms = app.MapGroup("/sms/v1");
        sms.MapPost("/messages", async (Incoming message, TimeProvider time, CancellationToken ct) =>
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
            }

            return Results.Accepted(value: new { messageId = id, duplicate = false });
        });
        sms.MapGet("/inbox/{mobile}", (string mobile) =>
            Results.Ok(gateway.Inboxes.TryGetValue(mobile, out var inbox) ? inbox.Reverse().ToArray() : []));
    }
}
