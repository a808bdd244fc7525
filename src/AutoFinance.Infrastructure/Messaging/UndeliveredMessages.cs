using System.Linq.Expressions;
using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>
/// The texts and e-mails the dispatcher gave up on after its retries (a gateway or mail server down for longer than
/// they span), by channel, and sending them again once the channel works: the messages still worth sending
/// (<see cref="UndeliveredResend"/>) go back to the queue with their attempts reset, in one audited write.
/// </summary>
public sealed class UndeliveredMessages(AutoFinanceDbContext db, TimeProvider time)
{
    /// <summary>The staff alert the dispatcher raises, once a day, when it gives up on a message.</summary>
    public const string AlertKind = "outbox.undelivered";

    /// <summary>The channels a message can fail on; the inbox cannot.</summary>
    public static IReadOnlyList<string> Channels { get; } = ["sms", "email"];

    /// <param name="Failed">Messages given up on.</param>
    /// <param name="WorthResending">Of those, the ones that would go out again now.</param>
    /// <param name="LastTriedAt">When the latest of them was last tried.</param>
    /// <param name="LastError">What the channel answered that one.</param>
    public sealed record ChannelView(string Channel, int Failed, int WorthResending, DateTimeOffset? LastTriedAt, string? LastError);

    public async Task<IReadOnlyList<ChannelView>> ListAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var views = new List<ChannelView>(Channels.Count);
        foreach (var channel in Channels)
        {
            var failed = db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed && m.Channel == channel);
            var latest = await failed.OrderByDescending(m => m.NextAttemptAt).Select(m => new { m.NextAttemptAt, m.LastError }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            views.Add(new ChannelView(channel,
                await failed.CountAsync(ct).ConfigureAwait(false),
                await failed.Where(WorthSending(now)).CountAsync(ct).ConfigureAwait(false),
                latest?.NextAttemptAt,
                latest?.LastError));
        }

        return views;
    }

    /// <summary>Queues the channel's messages worth sending again, now; null for a channel that does not exist.</summary>
    public async Task<int?> ResendAsync(string actorName, string channel, CancellationToken ct)
    {
        if (!Channels.Contains(channel))
        {
            return null;
        }

        var now = time.GetUtcNow();
        return await AuditLog.SerialisedAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            var count = await db.Outbox.Where(m => m.Status == OutboxStatus.Failed && m.Channel == channel).Where(WorthSending(now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), ct)
                .ConfigureAwait(false);
            await AuditLog.AppendAsync(db, [new AuditEvent(actorName, "outbox.resent", "outbox", channel, new { channel, count })], now, ct).ConfigureAwait(false);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return count;
        }).ConfigureAwait(false);
    }

    /// <summary><see cref="UndeliveredResend.WorthSending"/> as the database asks it.</summary>
    private static Expression<Func<OutboxMessageRow, bool>> WorthSending(DateTimeOffset now)
    {
        var servicing = NoticePurpose.Servicing.ToName();
        var reminders = NoticePurpose.Reminders.ToName();
        var freshSince = now - UndeliveredResend.ReminderFreshFor;
        return m => m.Purpose == servicing || (m.Purpose == reminders && m.CreatedAt >= freshSince);
    }
}
