namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>What the last insight refresh computed for one customer (replaced on every refresh).</summary>
public sealed class CustomerInsightRow
{
    public Guid CustomerId { get; set; }

    public Guid RunId { get; set; }

    public DateTimeOffset RefreshedAt { get; set; }

    public int? Segment { get; set; }

    public string? SegmentName { get; set; }

    public int RfmRecency { get; set; }

    public int RfmFrequency { get; set; }

    public int RfmMonetary { get; set; }

    public decimal LifetimeValue { get; set; }

    public required string Currency { get; set; }

    /// <summary>new, growing, mature, dormant or lost.</summary>
    public required string LifecycleStage { get; set; }

    /// <summary>Probability of leaving (paying off early or moving the loan) within the horizon; null without an active loan.</summary>
    public double? ChurnProbability { get; set; }

    public bool AtRisk { get; set; }

    /// <summary>The strongest reasons behind the churn probability (JSON list of feature, text, contribution).</summary>
    public string ChurnReasonsJson { get; set; } = "[]";
}

/// <summary>
/// One spell of a tag on a customer: added at a refresh, removed at a later one (null while it still applies). The
/// current tags are the open spells; the rows together are the tag history.
/// </summary>
public sealed class CustomerTagRow
{
    public long Id { get; set; }

    public Guid CustomerId { get; set; }

    public required string Tag { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public DateTimeOffset? RemovedAt { get; set; }
}

/// <summary>One insight refresh: what it computed over, the segment choice and the churn model's evaluation.</summary>
public sealed class InsightRunRow
{
    public Guid Id { get; set; }

    public DateTimeOffset RanAt { get; set; }

    public required string RanBy { get; set; }

    public int Customers { get; set; }

    public int SegmentCount { get; set; }

    /// <summary>Mean silhouette of every k tried (JSON).</summary>
    public string SilhouetteJson { get; set; } = "[]";

    /// <summary>platform (trained on the platform's own history) or synthetic (the seeded synthetic history).</summary>
    public required string ChurnTrainedOn { get; set; }

    public int ChurnTrainRows { get; set; }

    /// <summary>Precision, recall, F1, AUC on the held-out period (JSON).</summary>
    public string ChurnMetricsJson { get; set; } = "{}";

    public int TagsAdded { get; set; }

    public int TagsRemoved { get; set; }

    public int AtRisk { get; set; }

    public double Seconds { get; set; }
}

/// <summary>A segment of one refresh: its generated name, size and feature profile.</summary>
public sealed class SegmentRow
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    public int Number { get; set; }

    public required string Name { get; set; }

    public int Size { get; set; }

    public double Share { get; set; }

    /// <summary>Each feature's segment mean, overall mean and z-difference (JSON).</summary>
    public required string ProfileJson { get; set; }
}

/// <summary>One consent event: granted or withdrawn for a purpose on a channel, with where it came from. Append-only.</summary>
public sealed class ConsentRow
{
    public long Id { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>marketing or service.</summary>
    public required string Purpose { get; set; }

    /// <summary>sms, email, app or phone.</summary>
    public required string Channel { get; set; }

    public bool Granted { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Where the customer said so: app, web, phone, branch, paper or import.</summary>
    public required string Source { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>A next-best-offer decision for one product on one channel: offered or suppressed with its reason.</summary>
public sealed class OfferDecisionRow
{
    public long Id { get; set; }

    public Guid DecisionId { get; set; }

    public Guid CustomerId { get; set; }

    public required string Product { get; set; }

    public required string Channel { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public required string Outcome { get; set; }

    public string? Reason { get; set; }

    public double Propensity { get; set; }

    public required string Detail { get; set; }

    public required string DecidedBy { get; set; }
}

/// <summary>A marketing message sent to a customer: what frequency caps count.</summary>
public sealed class MarketingContactRow
{
    public long Id { get; set; }

    public Guid CustomerId { get; set; }

    public required string Channel { get; set; }

    public required string Product { get; set; }

    public DateTimeOffset SentAt { get; set; }

    /// <summary>The decision that sent it.</summary>
    public Guid DecisionId { get; set; }
}

/// <summary>An A/B test fixed before it starts: variants, metric and the figures its sample size comes from.</summary>
public sealed class ExperimentRow
{
    /// <summary>The stable key that is part of the assignment hash.</summary>
    public required string Id { get; set; }

    public required string Metric { get; set; }

    public string? Description { get; set; }

    /// <summary>The variants with their weights, control first (JSON).</summary>
    public required string VariantsJson { get; set; }

    public double BaselineRate { get; set; }

    public double MinimumDetectableEffect { get; set; }

    public double Alpha { get; set; }

    public double Power { get; set; }

    public int RequiredSamplePerVariant { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}

/// <summary>A subject exposed to an experiment: the variant it was assigned and whether it converted.</summary>
public sealed class ExperimentExposureRow
{
    public long Id { get; set; }

    public required string ExperimentId { get; set; }

    public required string SubjectId { get; set; }

    public required string Variant { get; set; }

    public DateTimeOffset AssignedAt { get; set; }

    public DateTimeOffset? ConvertedAt { get; set; }
}
