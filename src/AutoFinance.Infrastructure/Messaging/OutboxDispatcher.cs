using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>
/// Delivers pending outbox messages: in-app ones by marking them sent (the customer's inbox reads them), the others
/// through the sender. A failure is retried with a growing delay up to <see cref="MaxAttempts"/>, then the message is
/// marked failed for an operator. A message is marked sent only after the sender returned, so a crash in between
/// sends it again (at least once) and the receiver drops the repeat by its id. A reminder or marketing message that
/// comes up in quiet hours (a retry, or a row written before they began) waits for them to end without using an attempt.
/// </summary>
public sealed class OutboxDispatcher(AutoFinanceDbContext db, IMessageSender sender, NotificationOptions options, TimeProvider time)
{
    public const int MaxAttempts = 6;

    public sealed record Result(int Sent, int Retrying, int Failed);

    public async Task<Result> DispatchAsync(int batchSize, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batch = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Take(batchSize).ToListAsync(ct).ConfigureAwait(false);
        int sent = 0, retrying = 0, failed = 0;
        foreach (var message in batch)
        {
            if (NoticePurposes.FromName(message.Purpose) is { } purpose && options.QuietHours.ReleaseAt(purpose, now) is var release && release > now)
            {
                message.NextAttemptAt = release;
                await db.SaveChangesAsync(ct).ConfigureAwait(false);
                continue;
            }

            message.Attempts++;
            try
            {
                if (message.Channel != "in-app")
                {
                    await sender.SendAsync(message, ct).ConfigureAwait(false);
                }

                message.Status = OutboxStatus.Sent;
                message.SentAt = time.GetUtcNow();
                message.LastError = null;
                sent++;
            }
#pragma warning disable CA1031 // Any failure of a channel is recorded and retried, never lost.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                if (message.Attempts >= MaxAttempts)
                {
                    message.Status = OutboxStatus.Failed;
                    failed++;
                }
                else
                {
                    message.NextAttemptAt = time.GetUtcNow() + TimeSpan.FromMinutes(Math.Pow(2, message.Attempts));
                    retrying++;
                }
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        db.ChangeTracker.Clear();
        return new Result(sent, retrying, failed);
    }
}
