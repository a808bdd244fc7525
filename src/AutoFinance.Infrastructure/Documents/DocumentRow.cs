namespace AutoFinance.Infrastructure.Documents;

/// <summary>A document handed in for an application: the file itself is in the encrypted file store under its SHA-256.</summary>
public sealed class DocumentRow
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid CustomerId { get; set; }

    /// <summary>id-card-front, id-card-back, driving-licence, vehicle-invoice, registration-certificate or income-proof.</summary>
    public required string Kind { get; set; }

    /// <summary>image/jpeg, image/png or application/pdf, as read from the content.</summary>
    public required string ContentType { get; set; }

    public long SizeBytes { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>A small JPEG for staff (images only).</summary>
    public string? ThumbnailSha256 { get; set; }

    public DateTimeOffset UploadedAt { get; set; }

    public required string UploadedBy { get; set; }

    public required Domain.Documents.DocumentStatus Status { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public string? RejectionReason { get; set; }

    public long Version { get; set; }
}
