using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Origination;

/// <summary>Who submits, from where, and the idempotency key and fingerprint of the request body.</summary>
public sealed record SubmissionContext(Actor Actor, string? ClientIp, string? IdempotencyKey, string RequestHash);

/// <summary>
/// The outcome of a submission: field errors (nothing stored), a refusal, a fresh decision, or the stored answer to
/// a retry of the same request.
/// </summary>
public sealed record SubmissionResult
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    /// <summary>A reason the actor may not submit this application at all (403).</summary>
    public string? Forbidden { get; init; }

    /// <summary>The key was used before for a different request (422).</summary>
    public bool IdempotencyKeyReused { get; init; }

    public int StatusCode { get; init; }

    public string? ResponseJson { get; init; }

    public bool Replayed { get; init; }

    public DecisionResponse? Response { get; init; }
}
