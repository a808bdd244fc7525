using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>Delivers one outbox message to its channel (SMS gateway, mail server); throws when it could not.</summary>
public interface IMessageSender
{
    Task SendAsync(OutboxMessageRow message, CancellationToken ct);
}
