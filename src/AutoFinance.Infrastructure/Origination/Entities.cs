using AutoFinance.Domain.Origination.Lifecycle;

namespace AutoFinance.Infrastructure.Origination;

/// <summary>A dealer that submits applications for its buyers; identified by its API key (stored as a hash only).</summary>
public sealed class DealerRow
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string City { get; set; }

    public required string ApiKeyHash { get; set; }

    public DateTimeOffset? ApiKeyExpiresAt { get; set; }

    public DateTimeOffset? ApiKeyRevokedAt { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The finance desk's address for notices of the dealer's payouts; none: they reach its inbox only.</summary>
    public string? Email { get; set; }

    /// <summary>The language the dealer's notices are written in: zh-CN or en.</summary>
    public string Language { get; set; } = "zh-CN";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A customer. Personal data is held encrypted; the hashes serve equality lookups (duplicates, velocity).</summary>
public sealed class CustomerRow
{
    public Guid Id { get; set; }

    public required string NationalIdHash { get; set; }

    public required string NationalIdCipher { get; set; }

    public required string NationalIdMasked { get; set; }

    public required string FullNameCipher { get; set; }

    public required string FullNameHash { get; set; }

    public required string MobileCipher { get; set; }

    public required string MobileHash { get; set; }

    public string? EmailCipher { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language the customer chose for what is sent to them (zh-CN or en); null: their latest application's.</summary>
    public string? NoticeLanguage { get; set; }
}

/// <summary>A loan application with its decision. The full request is kept encrypted; lookup keys are hashed.</summary>
public sealed class ApplicationRow
{
    public Guid Id { get; set; }

    public required string Reference { get; set; }

    public required string Channel { get; set; }

    public Guid? DealerId { get; set; }

    public Guid CustomerId { get; set; }

    public Guid? SubmittedByUserId { get; set; }

    public required string ProductCode { get; set; }

    public ApplicationStatus Status { get; set; }

    public required string Language { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public double DecisionMillis { get; set; }

    public double? Score { get; set; }

    public double? Pd { get; set; }

    public double? ChallengerPd { get; set; }

    public string? Grade { get; set; }

    public required string ModelVersion { get; set; }

    public required string RequestCipher { get; set; }

    public required string NationalIdHash { get; set; }

    public required string MobileHash { get; set; }

    public required string VinHash { get; set; }

    public string? ClientIpHash { get; set; }

    public string? DeviceIdHash { get; set; }

    public required string VehicleMake { get; set; }

    public required string VehicleModel { get; set; }

    public int VehicleYear { get; set; }

    public required string VehicleCondition { get; set; }

    public required string VehicleEnergy { get; set; }

    public decimal VehiclePrice { get; set; }

    public decimal DownPayment { get; set; }

    public int TermMonths { get; set; }

    public required string RepaymentMethod { get; set; }

    /// <summary>The reasons given for the decision, as codes with their figures (JSON); texts are rendered per language.</summary>
    public required string ReasonsJson { get; set; }

    /// <summary>
    /// Every check of the decision in the order it ran, with outcome and figures (JSON), read as a whole; later checks
    /// (the ID card read against the application when it is uploaded) are appended, never rewritten.
    /// </summary>
    public required string ChecksJson { get; set; }

    public long Version { get; set; }


    public List<OfferRow> Offers { get; set; } = [];

    public List<StatusChangeRow> History { get; set; } = [];
}

/// <summary>A priced offer with the disclosure it was made with.</summary>
public sealed class OfferRow
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    /// <summary>The version of the application's product the offer was priced and disclosed under.</summary>
    public int ProductVersion { get; set; } = 1;

    public int Rank { get; set; }

    public int TermMonths { get; set; }

    public required string Method { get; set; }

    public decimal DownPayment { get; set; }

    public decimal Principal { get; set; }

    public decimal AnnualRate { get; set; }

    public decimal CardRate { get; set; }

    public string? PromotionName { get; set; }

    public decimal Subsidy { get; set; }

    public decimal FirstPayment { get; set; }

    public decimal MaxPayment { get; set; }

    public decimal TotalInterest { get; set; }

    public decimal TotalFees { get; set; }

    public decimal TotalRepayable { get; set; }

    public decimal AprPercent { get; set; }

    public bool IsRequestedPlan { get; set; }

    public decimal BalloonFraction { get; set; }

    /// <summary>Disbursement date the schedule and disclosure were built for (first due one month later).</summary>
    public DateOnly StartDate { get; set; }

    public required string Currency { get; set; }
}

public sealed class StatusChangeRow
{
    public long Id { get; set; }

    public Guid ApplicationId { get; set; }

    public ApplicationStatus Status { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }
}

/// <summary>An application an underwriter must look at, with its service-level deadline.</summary>
public sealed class ReferralRow
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public Guid? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Resolution { get; set; }

    public string? ResolutionReason { get; set; }

    public long Version { get; set; }
}

/// <summary>The accepted offer: the contract the customer signed, with the disclosure version it was shown.</summary>
public sealed class ContractRow
{
    public Guid Id { get; set; }

    public required string Reference { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid OfferId { get; set; }

    public Guid CustomerId { get; set; }

    public required string VinHash { get; set; }

    public required string DisclosureHash { get; set; }

    public required string DisclosureVersion { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    public required string AcceptedBy { get; set; }

    public ContractStatus Status { get; set; }

    public DateTimeOffset? DisbursedAt { get; set; }

    public string? DisbursedBy { get; set; }

    /// <summary>The SHA-256 of the signed contract PDF, which is also its address in the file store.</summary>
    public string? DocumentSha256 { get; set; }

    public long Version { get; set; }
}

/// <summary>A blacklisted identity number, mobile or VIN, held as a keyed hash with a masked form for people.</summary>
public sealed class BlacklistRow
{
    public Guid Id { get; set; }

    public required string Kind { get; set; }

    public required string ValueHash { get; set; }

    public required string ValueMasked { get; set; }

    public required string Reason { get; set; }

    public required string AddedBy { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }

    public string? RemovedBy { get; set; }
}

/// <summary>A product: its policy thresholds and rate card, kept as JSON so a lender can change them without a migration.</summary>
public sealed class ProductRow
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string PolicyJson { get; set; }

    public required string RateCardJson { get; set; }

    public required string RulesJson { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The version new applications are decided under; its terms are the JSON above, kept in step with <see cref="ProductVersionRow"/>.</summary>
    public int CurrentVersion { get; set; } = 1;
}

/// <summary>
/// One immutable version of a product's terms: every change approved makes the next one, and offers and loans name
/// the version they were made under, so a change never reaches a loan already made.
/// </summary>
public sealed class ProductVersionRow
{
    public Guid Id { get; set; }

    public Guid ProductId { get; set; }

    public required string Code { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public required string PolicyJson { get; set; }

    public required string RateCardJson { get; set; }

    public required string RulesJson { get; set; }

    public DateTimeOffset EffectiveFrom { get; set; }

    /// <summary>Who proposed the change (the audit name), and who approved it; "migration" or "seed" for the first version.</summary>
    public required string ProposedBy { get; set; }

    public string? ApprovedBy { get; set; }

    public required string Reason { get; set; }
}

/// <summary>The stored answer to a request made with an Idempotency-Key, replayed for a retry of the same request.</summary>
public sealed class IdempotencyRow
{
    public long Id { get; set; }

    public required string Scope { get; set; }

    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public required string ResponseJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
