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

    /// <summary>The answer as JSON: the stored one of a replay, or a fresh decision's, serialised when first read.</summary>
    public string? ResponseJson
    {
        get => responseJson ?? Decision?.ResponseJson;
        init => responseJson = value;
    }

    public bool Replayed { get; init; }

    public DecisionResponse? Response { get; init; }

    /// <summary>The fresh decision whose answer this is, which serialises it once for its idempotency record and for this.</summary>
    internal DecisionRecord? Decision { get; init; }

    private readonly string? responseJson;
}
