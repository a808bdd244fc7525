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

/// <summary>An application's documents and the kinds its product still needs.</summary>
public sealed record DocumentChecklistView(Guid ApplicationId, IReadOnlyList<string> Required, IReadOnlyList<string> Missing, IReadOnlyList<DocumentView> Documents);

public sealed record DocumentFile(string ContentType, byte[] Content, string FileName);
