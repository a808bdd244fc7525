using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>
/// Delivers outbox messages to their channels (SMS gateway, mail server), a batch at a time: for each message, in
/// order, null when it was delivered, else why not. Cancellation is thrown, never reported as a message's failure.
/// </summary>
public interface IMessageSender
{
    Task<IReadOnlyList<string?>> SendAsync(IReadOnlyList<OutboxMessageRow> messages, CancellationToken ct);
}
