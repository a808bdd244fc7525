using AutoFinance.Credit.Models;

namespace AutoFinance.Infrastructure.Models;

/// <summary>A trained model file in the registry: the document as uploaded, its held-out figures, and its state.</summary>
public sealed class ModelVersionRow
{
    public Guid Id { get; set; }

    /// <summary>The document's own model id (what decisions record as their model version).</summary>
    public required string ModelId { get; set; }

    /// <summary>scorecard, gbdt or ebm: what scores.</summary>
    public required string Kind { get; set; }

    public required string FileName { get; set; }

    /// <summary>The model document (autofinance-scorecard JSON) as uploaded.</summary>
    public required string DocumentJson { get; set; }

    /// <summary>The challenger file the document names, when it was uploaded with it.</summary>
    public byte[]? ChallengerZip { get; set; }

    public required string Sha256 { get; set; }

    public double? TestAuc { get; set; }

    public double? TestKs { get; set; }

    public double? TestGini { get; set; }

    public int? TestRows { get; set; }

    public ModelVersionState State { get; set; }

    public required string UploadedBy { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public string? PromotedBy { get; set; }

    public DateTimeOffset? PromotedAt { get; set; }

    /// <summary>The version that was active when this one was promoted: where a rollback returns to.</summary>
    public Guid? ReplacedId { get; set; }

    public int Version { get; set; }
}
