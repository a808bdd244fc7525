using System.Diagnostics;
using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>
/// Delivers pending outbox messages a batch at a time: in-app ones by marking them sent (the customer's inbox reads
/// them), the others through the sender, side by side. A failure is retried with a growing delay up to
/// <see cref="MaxAttempts"/>, then the message is marked failed for an operator: the day's first such failure raises a
/// staff alert, and <see cref="UndeliveredMessages"/> lists them and sends them again. A batch's messages are marked in one
/// write once the sender has returned for them all, so a crash in between sends the batch again (at least once) and
/// the receiver drops a repeat by its id. A reminder or marketing message that comes up in quiet hours (a retry, or
/// a row written before they began) waits for them to end without using an attempt.
/// </summary>
public sealed class OutboxDispatcher(AutoFinanceDbContext db, IMessageSender sender, NotificationOptions options, StaffAlerts alerts, TimeProvider time)
{
    public const int MaxAttempts = 6;

    /// <param name="Taken">The messages the batch took: fewer than asked means nothing else was due.</param>
    /// <param name="Untried">Messages left as they were because their channel rests after repeated failures.</param>
    public sealed record Result(int Taken, int Sent, int Retrying, int Failed, int Untried = 0)
    {
        public static Result None { get; } = new(0, 0, 0, 0);

        public Result Add(Result other) => new(Taken + other.Taken, Sent + other.Sent, Retrying + other.Retrying, Failed + other.Failed, Untried + other.Untried);
    }

    /// <summary>
    /// Batches of <paramref name="batchSize"/> one after the other until no full batch is due, a channel rests, or
    /// another batch would end past <paramref name="budget"/>, so a backlog (the morning's reminders, a burst of
    /// payments) clears at the channels' pace instead of a batch per run. A run kept within its interval does not meet
    /// the next one, which another host may take.
    /// </summary>
    public async Task<Result> DrainAsync(int batchSize, TimeSpan budget, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var total = Result.None;
        while (true)
        {
            var started = watch.Elapsed;
            var batch = await DispatchAsync(batchSize, ct).ConfigureAwait(false);
            total = total.Add(batch);
            // Another batch as long as this one would end past the budget: the run stops before it.
            if (batch.Taken < batchSize || batch.Untried > 0 || watch.Elapsed + (watch.Elapsed - started) > budget)
            {
                return total;
            }
        }
    }

    public async Task<Result> DispatchAsync(int batchSize, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batch = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now).OrderBy(m => m.NextAttemptAt).Take(batchSize).ToListAsync(ct).ConfigureAwait(false);
        var outward = new List<OutboxMessageRow>();
        int sent = 0, retrying = 0, failed = 0, untried = 0;
        foreach (var message in batch)
        {
            if (NoticePurposes.FromName(message.Purpose) is { } purpose && options.QuietHours.ReleaseAt(purpose, now) is var release && release > now)
            {
                message.NextAttemptAt = release;
                continue;
            }

            message.Attempts++;
            if (message.Channel == "in-app")
            {
                Delivered(message);
                sent++;
            }
            else
            {
                outward.Add(message);
            }
        }

        var outcomes = outward.Count == 0 ? [] : await sender.SendAsync(outward, ct).ConfigureAwait(false);
        for (var i = 0; i < outward.Count; i++)
        {
            var (message, outcome) = (outward[i], outcomes[i]);
            if (outcome.Succeeded)
            {
                Delivered(message);
                sent++;
                continue;
            }

            if (!outcome.Tried)
            {
                message.Attempts--;
                untried++;
                continue;
            }

            var error = outcome.Error ?? "not delivered";
            message.LastError = error.Length > 500 ? error[..500] : error;
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
        db.ChangeTracker.Clear();
        if (failed > 0)
        {
            var day = Application.Servicing.BusinessDay.Today(time);
            await alerts.RaiseAsync(UndeliveredMessages.AlertKind, $"{UndeliveredMessages.AlertKind}:{day:yyyy-MM-dd}", "warning",
                FormattableString.Invariant($"failed={failed} attempts={MaxAttempts} day={day:yyyy-MM-dd}"), failed, ct).ConfigureAwait(false);
        }

        return new Result(batch.Count, sent, retrying, failed, untried);
    }

    private void Delivered(OutboxMessageRow message)
    {
        message.Status = OutboxStatus.Sent;
        message.SentAt = time.GetUtcNow();
        message.LastError = null;
    }
}
