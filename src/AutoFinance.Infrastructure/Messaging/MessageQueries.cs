using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Messaging;

/// <summary>The in-app messages a customer has received (staff may read a customer's by id), or a dealer, its own.</summary>
public sealed class MessageQueries(AutoFinanceDbContext db)
{
    public sealed record MessageView(Guid MessageId, Guid? LoanId, string Template, string Language, string Body, DateTimeOffset? SentAt);

    public async Task<IReadOnlyList<MessageView>> InboxAsync(Actor actor, Guid? customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var customer = actor.Role == Roles.Customer ? actor.CustomerId : actor.IsStaff ? customerId : null;
        var dealer = actor.Role == Roles.Dealer ? actor.DealerId : null;
        if (customer is null && dealer is null)
        {
            return [];
        }

        return await db.Outbox.AsNoTracking()
            .Where(m => (customer != null ? m.CustomerId == customer : m.DealerId == dealer) && m.Channel == "in-app" && m.Status == OutboxStatus.Sent)
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new MessageView(m.Id, m.LoanId, m.Template, m.Language, m.Body, m.SentAt))
            .ToListAsync(ct).ConfigureAwait(false);
    }
}
