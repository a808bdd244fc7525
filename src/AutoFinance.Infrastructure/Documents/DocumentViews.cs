namespace AutoFinance.Infrastructure.Documents;

public sealed record DocumentView(
    Guid DocumentId,
    Guid ApplicationId,
    string Kind,
    string ContentType,
    long SizeBytes,
    string Sha256,
    bool HasThumbnail,
    Domain.Documents.DocumentStatus Status,
    DateTimeOffset UploadedAt,
    DateTimeOffset? ReviewedAt,
    string? RejectionReason);

/// <summary>
/// An application's documents, the kinds its product still needs, its stage for documents (before-decision,
/// before-payout, after-payout; null once declined) and the kinds it takes at that stage.
/// </summary>
public sealed record DocumentChecklistView(Guid ApplicationId, IReadOnlyList<string> Required, IReadOnlyList<string> Missing, IReadOnlyList<DocumentView> Documents, string? Stage, IReadOnlyList<string> Taken);

public sealed record DocumentFile(string ContentType, byte[] Content, string FileName);
