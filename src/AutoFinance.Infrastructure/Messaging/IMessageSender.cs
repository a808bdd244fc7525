using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>
/// Delivers outbox messages to their channels (SMS gateway, mail server), a batch at a time: what became of each
/// message, in order. Cancellation is thrown, never reported as a message's failure.
/// </summary>
public interface IMessageSender
{
    Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutboxMessageRow> messages, CancellationToken ct);
}
