using AutoFinance.Application.Origination;

namespace AutoFinance.Infrastructure.Origination;

public sealed record ApplicationSummary(
    Guid ApplicationId,
    string Reference,
    string Channel,
    string Status,
    string? RiskGrade,
    double? Score,
    DateTimeOffset SubmittedAt,
    string Vehicle,
    decimal VehiclePrice,
    decimal DownPayment,
    int TermMonths,
    Guid? DealerId,
    string? ContractStatus)
{
    /// <summary>Year, make and model ("2026 BYD Seal"), for a page to put beside the condition and energy in its own words.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string VehicleName { get; init; } = Vehicle;

    /// <summary>new or used.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string VehicleCondition { get; init; } = string.Empty;

    /// <summary>conventional or new-energy.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string VehicleEnergy { get; init; } = string.Empty;

    /// <summary>
    /// In a dealer's list, where the contract's money to the dealer stands (awaiting-checklist, ready-to-pay,
    /// payout-pending, payout-failed, paid, returned); null without a contract, and for other readers.
    /// </summary>
    public string? FundingStage { get; init; }
}

public sealed record StatusView(string Status, DateTimeOffset At, string Actor, string? Note);

public sealed record CheckView(int Sequence, string Stage, string Code, string Outcome, string Detail, IReadOnlyDictionary<string, string>? Values);

public sealed record ContractView(Guid ContractId, string Reference, Guid OfferId, string Status, DateTimeOffset AcceptedAt, DateTimeOffset? DisbursedAt, string DisclosureHash)
{
    /// <summary>The loan booked when the contract's payout was confirmed.</summary>
    public Guid? LoanId { get; init; }

    /// <summary>The contract's latest payout to the dealer (pending, confirmed or failed), once one was instructed.</summary>
    public Payouts.PayoutView? Payout { get; init; }

    /// <summary>The SHA-256 of the signed contract PDF (GET /api/v1/contracts/{id}/document).</summary>
    public string? DocumentSha256 { get; init; }
}

/// <summary>An application as its reader may see it: checks, model figures and the applicant's identity for staff only.</summary>
public sealed record ApplicationDetail
{
    public required ApplicationSummary Summary { get; init; }

    public required IReadOnlyList<ReasonView> Reasons { get; init; }

    public required IReadOnlyList<OfferView> Offers { get; init; }

    public required IReadOnlyList<StatusView> History { get; init; }

    public required string ModelVersion { get; init; }

    public required double DecisionMillis { get; init; }

    public ContractView? Contract { get; init; }

    public ReferralView? Referral { get; init; }

    /// <summary>Staff only.</summary>
    public IReadOnlyList<CheckView>? Checks { get; init; }

    /// <summary>Staff only.</summary>
    public ApplicantView? Applicant { get; init; }
}

/// <summary>The applicant as staff see them: name in full, identity masked unless needed.</summary>
public sealed record ApplicantView(string FullName, string NationalIdMasked, string MobileMasked, DateOnly DateOfBirth, string EmploymentType, decimal MonthlyIncome, decimal MonthlyDebtPayments, double? Pd, double? ChallengerPd)
{
    /// <summary>What the applicant declared when the credit report's larger obligations were decided on instead (<see cref="MonthlyDebtPayments"/>).</summary>
    public decimal? DeclaredMonthlyDebtPayments { get; init; }
}

public sealed record ReferralView(Guid ReferralId, Guid ApplicationId, string Reference, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Breached, TimeSpan Remaining, Guid? ClaimedBy, DateTimeOffset? ClaimedAt, DateTimeOffset? ResolvedAt, string? Resolution, string? ResolutionReason, string? RiskGrade, double? Score);
