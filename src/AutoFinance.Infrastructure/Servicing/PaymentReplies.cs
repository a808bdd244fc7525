using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The answer already given to a payment or payoff with an Idempotency-Key. The key is bound to the caller, the
/// endpoint and a hash of the body: the same request again gets the same answer; the key with anything else is
/// refused (422, naming the key) and nothing is posted.
/// </summary>
public static class PaymentReplies
{
    /// <summary>What binds a key: caller, endpoint and body.</summary>
    public static string RequestHash(Actor actor, string endpoint, Guid loanId, object body)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Json.Sha256($"{actor.AuditName}|{endpoint}|{loanId}|{Json.Serialize(body)}");
    }

    /// <summary>The stored answer, a refusal when the key was used for another request, or null when the key is new.</summary>
    public static async Task<CommandResult<string>?> ReplayAsync(AutoFinanceDbContext db, Guid loanId, string key, string requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stored = await db.Payments.AsNoTracking().Where(p => p.LoanId == loanId && p.IdempotencyKey == key)
            .Select(p => new { p.ResponseJson, p.RequestHash }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        return stored.RequestHash is null || stored.RequestHash == requestHash
            ? CommandResult<string>.Ok(stored.ResponseJson)
            : CommandResult<string>.Unprocessable("Idempotency-Key", $"the key '{key}' was used for a different request (another caller, endpoint or body); nothing was posted; use a new key", "idempotency.key.reused");
    }
}
