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
    /// <summary>The code of a posting that lost to another change of the loan saved at the same moment: retrying it is safe.</summary>
    public const string Changed = "record.changed";

    /// <summary>What binds a key: caller, endpoint and body.</summary>
    public static string RequestHash(Actor actor, string endpoint, Guid loanId, object body)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return Json.Sha256($"{actor.AuditName}|{endpoint}|{loanId}|{Json.Serialize(body)}");
    }

    /// <summary>
    /// The start of every posting a payer makes: the loan if the caller may pay on it (else not found), the request's
    /// hash, and — when the key was used before — the answer already given or the refusal to give it for another request.
    /// </summary>
    public static async Task<(ServicedLoan? Loan, string RequestHash, CommandResult<T>? Answer)> OpenAsync<T>(
        ILoanStore store, Actor actor, Guid loanId, LoanLoad load, string endpoint, object request, string? key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var loan = await store.LoadAsync(loanId, load, ct).ConfigureAwait(false);
        if (loan is null || !LoanAccess.MayPay(actor, loan))
        {
            return (null, string.Empty, CommandResult<T>.NotFound());
        }

        var hash = RequestHash(actor, endpoint, loanId, request);
        return (loan, hash, key is null ? null : await ReplayAsync<T>(store, loanId, key, hash, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Saves a posting made under <paramref name="key"/>: its answer when saved; when a concurrent request won, the
    /// answer it stored for the same key and body, or else a conflict saying <paramref name="conflict"/>.
    /// </summary>
    public static async Task<CommandResult<T>> SaveAsync<T>(ILoanStore store, LoanChanges changes, T answer, string? key, string requestHash, string conflict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(changes);
        if (await store.SaveAsync(changes, ct).ConfigureAwait(false) == SaveOutcome.Saved)
        {
            return CommandResult<T>.Ok(answer);
        }

        var earlier = key is null ? null : await ReplayAsync<T>(store, changes.Loan.Id, key, requestHash, ct).ConfigureAwait(false);
        return earlier ?? CommandResult<T>.Conflict(conflict, Changed);
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
