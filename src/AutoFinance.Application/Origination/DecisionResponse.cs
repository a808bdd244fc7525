namespace AutoFinance.Application.Origination;

/// <summary>The answer to an application, in the same response: decision, reasons and disclosed offers.</summary>
public sealed record DecisionResponse
{
    public required Guid ApplicationId { get; init; }

    public required string Reference { get; init; }

    /// <summary>approved, referred or declined.</summary>
    public required string Status { get; init; }

    /// <summary>Whether the decision approved the application (the wire word compared in one place).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Approved => Status == DecisionService.Name(Domain.Origination.DecisionStatus.Approved);

    public required double Score { get; init; }

    public required string RiskGrade { get; init; }

    public required IReadOnlyList<ReasonView> Reasons { get; init; }

    public required IReadOnlyList<OfferView> Offers { get; init; }

    public required string ModelVersion { get; init; }

    public required double DecisionMillis { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }
}

public sealed record ReasonView(string Code, string Text);

/// <summary>An offer as shown: rates in percent, money to the cent, and where its full disclosure is.</summary>
public sealed record OfferView
{
    public required Guid OfferId { get; init; }

    public required int Rank { get; init; }

    public required int TermMonths { get; init; }

    public required string Method { get; init; }

    public required decimal DownPayment { get; init; }

    public required decimal Principal { get; init; }

    /// <summary>The contract (nominal) annual rate in percent.</summary>
    public required decimal AnnualRate { get; init; }

    /// <summary>
    /// The monthly payment the contract names: the level payment of an annuity, flat-fee, balloon or interest-only
    /// plan (the first instalment), and the first, largest one of an equal-principal plan, whose payments fall.
    /// </summary>
    public required decimal Payment { get; init; }

    public required decimal FirstPayment { get; init; }

    /// <summary>
    /// The last instalment when it is larger than the regular one (a balloon, the principal of an interest-only plan,
    /// the few cents an annuity's last payment absorbs); null when the last is not larger.
    /// </summary>
    public decimal? FinalPayment { get; init; }

    /// <summary>The final payment shown beside the regular one: the largest, when it is the last and larger than the first.</summary>
    public static decimal? FinalOf(string method, decimal first, decimal max) =>
        method != "equal-principal" && max > first ? max : null;

    /// <summary>The annualised rate (APR, actuarial method) in percent.</summary>
    public required decimal AnnualisedRate { get; init; }

    public required decimal TotalInterest { get; init; }

    public required decimal TotalFees { get; init; }

    public required decimal TotalRepayable { get; init; }

    public string? Promotion { get; init; }

    /// <summary>The promotion's offer and conditions in plain words, in Chinese and English (null without a promotion).</summary>
    public PromotionConditions? PromotionConditions { get; init; }

    public required bool IsRequestedPlan { get; init; }

    public required string DisclosureUrl { get; init; }
}

/// <summary>A promotion's offer and conditions as customers read them (<see cref="Domain.Origination.PromotionWording"/>).</summary>
public sealed record PromotionConditions(string Chinese, string English)
{
    public static PromotionConditions? Of(Domain.Origination.Promotion? promotion) =>
        promotion is null ? null : new(Domain.Origination.PromotionWording.Describe(promotion, english: false), Domain.Origination.PromotionWording.Describe(promotion, english: true));
}
