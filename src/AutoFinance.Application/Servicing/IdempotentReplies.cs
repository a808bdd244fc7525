using AutoFinance.Application.Common;
using AutoFinance.Application.Security;

namespace AutoFinance.Application.Servicing;

/// <summary>
/// The answer already given to a payment or payoff with an Idempotency-Key. The key is bound to the caller, the
/// endpoint and a hash of the body: the same request again gets the same answer; the key with anything else is
/// refused (422, naming the key) and nothing is posted.
/// </summary>
public static class IdempotentReplies
{
    /// <summary>What binds a key: caller, endpoint and body.</summary>
    public static string RequestHash(Actor actor, string endpoint, Guid loanId, object body)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Json.Sha256($"{actor.AuditName}|{endpoint}|{loanId}|{Json.Serialize(body)}");
    }

    /// <summary>The stored answer, a refusal when the key was used for another request, or null when the key is new.</summary>
    public static async Task<CommandResult<T>?> ReplayAsync<T>(ILoanStore store, Guid loanId, string key, string requestHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var stored = await store.ReplyAsync(loanId, key, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        return stored.RequestHash is null || stored.RequestHash == requestHash
            ? CommandResult<T>.Ok(Json.Deserialize<T>(stored.ResponseJson)!)
            : CommandResult<T>.Unprocessable("Idempotency-Key", $"the key '{key}' was used for a different request (another caller, endpoint or body); nothing was posted; use a new key", "idempotency.key.reused");
    }
}
