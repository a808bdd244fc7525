using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>Everything a decision stores, in one unit: written atomically or not at all.</summary>
public sealed record DecisionRecord
{
    public required Guid ApplicationId { get; init; }

    public required string Reference { get; init; }

    public required ValidatedApplication Application { get; init; }

    public required Actor Actor { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public required double DecisionMillis { get; init; }

    public required DecisionStatus Status { get; init; }

    public required double Score { get; init; }

    public required double Pd { get; init; }

    public double? ChallengerPd { get; init; }

    public required string Grade { get; init; }

    public required string ModelVersion { get; init; }

    /// <summary>The version of the product the offers were priced under.</summary>
    public int ProductVersion { get; init; } = 1;

    public required IReadOnlyList<CheckRecord> Checks { get; init; }

    public required IReadOnlyList<OfferRecord> Offers { get; init; }

    public required IReadOnlyList<ReasonRecord> Reasons { get; init; }

    public required LookupHashes Hashes { get; init; }

    public DateTimeOffset? ReferralDueAt { get; init; }

    public IdempotencyEntry? Idempotency { get; init; }

    public required DecisionResponse Response { get; init; }

    /// <summary>
    /// <see cref="Response"/> as JSON, serialised when first asked for and then kept, so that the stored idempotency
    /// record and the HTTP answer share one text; an in-process caller that reads the response object never pays for it.
    /// </summary>
    public string ResponseJson
    {
        get
        {
            // Kept with the response it was made from, so a copy with another response serialises its own; one
            // reference, so a reader on another thread sees the pair whole.
            if (responseJson is not { } json || !ReferenceEquals(json.Of, Response))
            {
                responseJson = json = new SerialisedResponse(Response, Json.Serialize(Response));
            }

            return json.Text;
        }
    }

    private SerialisedResponse? responseJson;

    private sealed record SerialisedResponse(DecisionResponse Of, string Text);
}

/// <summary>One check as recorded: stage, stable code, outcome (pass, fail, refer, info), detail and figures.</summary>
public sealed record CheckRecord(int Sequence, string Stage, string Code, string Outcome, string Detail, IReadOnlyDictionary<string, string> Values);

/// <summary>An offer as decided. Its disclosure is rebuilt from the stored terms when asked for (the engine is exact and deterministic).</summary>
public sealed record OfferRecord(Guid OfferId, LoanOffer Offer);

/// <summary>A reason given for a decision: its code and figures; the text is rendered in the reader's language.</summary>
public sealed record ReasonRecord(string Code, IReadOnlyDictionary<string, string> Values);

public sealed record LookupHashes(string NationalId, string Mobile, string Vin, string FullName, string? ClientIp, string? Device);

public sealed record IdempotencyEntry(string Scope, string Key, string RequestHash);
