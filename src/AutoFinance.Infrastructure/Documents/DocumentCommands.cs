using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Documents;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Documents;

/// <summary>
/// Documents handed in for an application: uploads checked by content (JPEG, PNG or PDF that really decodes, at most
/// <see cref="MaxBytes"/>), kept encrypted in the file store with a thumbnail for staff; staff accept or reject each
/// with a reason and the customer is told in the app. Only the customer or dealer behind the application, or staff,
/// see them; anyone else gets "not found".
/// </summary>
public sealed class DocumentCommands(AutoFinanceDbContext db, EncryptedFileStore files, ProductCatalog products, Ocr.IdCardOcr ocr, IPersonalDataProtector protector, TimeProvider time)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public const string UnsupportedTypeCode = "document.unsupported-type";
    public const string TooLargeCode = "document.too-large";

    public const string ApplicationDeclinedCode = "document.application-declined";

    /// <summary>A kind the application no longer takes once its loan is paid out (<see cref="DocumentIntake"/>).</summary>
    public const string KindAfterPayoutCode = "document.kind-after-payout";

    public async Task<CommandResult<DocumentView>> UploadAsync(Actor actor, Guid applicationId, string? kind, byte[]? content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (application is null || !ApplicationAccess.CanRead(actor, application) || !CanUpload(actor))
        {
            return CommandResult<DocumentView>.NotFound();
        }

        if (application.Status == Domain.Origination.Lifecycle.ApplicationStatus.Declined)
        {
            // Nothing will be done with them: a declined applicant applies again.
            return CommandResult<DocumentView>.Conflict("the application was declined: documents are no longer taken for it", ApplicationDeclinedCode);
        }

        var errors = new List<FieldError>();
        var parsed = DocumentKindNames.Parse(kind);
        if (parsed is null)
        {
            errors.Add(new FieldError("kind", $"must be one of {string.Join(", ", DocumentKindNames.All.Select(k => k.ToName()))}"));
        }
        else if (!DocumentIntake.Takes(application.Status, parsed.Value))
        {
            var taken = string.Join(", ", DocumentIntake.Taken(application.Status).Select(k => k.ToName()));
            errors.Add(new FieldError("kind", $"is no longer taken once the loan is paid out (still taken: {taken})", KindAfterPayoutCode,
                new Dictionary<string, string> { ["kind"] = parsed.Value.ToName(), ["taken"] = taken }));
        }

        string? type = null;
        if (content is null || content.Length == 0)
        {
            errors.Add(new FieldError("file", "is required: a JPEG, PNG or PDF file"));
        }
        else if (content.Length > MaxBytes)
        {
            return CommandResult<DocumentView>.Invalid([.. errors, new FieldError("file", $"must be at most {MaxBytes / 1024 / 1024} MB", TooLargeCode)]) with { Code = TooLargeCode };
        }
        else if ((type = DocumentInspection.Decodes(content)) is null)
        {
            return CommandResult<DocumentView>.Invalid([.. errors, new FieldError("file", "must be a JPEG, PNG or PDF file (checked by its content, not its name)", UnsupportedTypeCode)]) with { Code = UnsupportedTypeCode };
        }

        if (errors.Count > 0)
        {
            return CommandResult<DocumentView>.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var address = await files.PutAsync(content!, ct).ConfigureAwait(false);
        var thumbnail = DocumentInspection.Thumbnail(content!) is { } small ? await files.PutAsync(small, ct).ConfigureAwait(false) : null;
        var row = new DocumentRow
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = applicationId,
            CustomerId = application.CustomerId,
            Kind = parsed!.Value.ToName(),
            ContentType = type!,
            SizeBytes = content!.Length,
            Sha256 = address,
            ThumbnailSha256 = thumbnail,
            UploadedAt = now,
            UploadedBy = actor.AuditName,
            Status = DocumentStatus.Pending,
        };
        db.Documents.Add(row);
        if (parsed == DocumentKind.IdCardFront && type != FileContentType.Pdf)
        {
            await CrossCheckAsync(applicationId, content!, ct).ConfigureAwait(false);
        }

        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "document.uploaded", "document", row.Id.ToString(), new { row.ApplicationId, row.Kind, row.ContentType, row.SizeBytes, row.Sha256 })], now, ct).ConfigureAwait(false);
        return CommandResult<DocumentView>.Ok(View(row));
    }

    /// <summary>Reads the card and adds to the application's checks whether it agrees with the applicant (when the reader runs here).</summary>
    private async Task CrossCheckAsync(Guid applicationId, byte[] image, CancellationToken ct)
    {
        if (!ocr.Available || ocr.Read(image) is not { } card)
        {
            return;
        }

        var application = await db.Applications.FirstAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        var applicant = Json.Deserialize<ValidatedApplication>(protector.Unprotect(application.RequestCipher))!;
        var checks = Json.Deserialize<List<CheckRecord>>(application.ChecksJson) ?? [];
        checks.Add(Ocr.IdCardCrossCheck.Check(checks.Count + 1, card, applicant));
        application.ChecksJson = Json.Serialize(checks);
        application.Version++;
    }

    public sealed record Review(string? Decision, string? Reason);

    public async Task<CommandResult<DocumentView>> ReviewAsync(Actor actor, Guid documentId, Review input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        if (input.Decision is not ("accept" or "reject"))
        {
            errors.Add(new FieldError("decision", "must be accept or reject"));
        }

        var reason = input.Reason?.Trim();
        if (input.Decision == "reject" && string.IsNullOrEmpty(reason))
        {
            errors.Add(new FieldError("reason", "is required to reject a document"));
        }
        else if (reason?.Length > 500)
        {
            errors.Add(new FieldError("reason", "must be at most 500 characters"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<DocumentView>.Invalid(errors);
        }

        var row = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return CommandResult<DocumentView>.NotFound();
        }

        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == row.ApplicationId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var accepted = input.Decision == "accept";
        row.Status = accepted ? DocumentStatus.Accepted : DocumentStatus.Rejected;
        row.ReviewedAt = now;
        row.ReviewedBy = actor.AuditName;
        row.RejectionReason = accepted ? null : reason;
        row.Version++;
        db.Outbox.Add(new OutboxMessageRow
        {
            Id = Guid.CreateVersion7(now),
            DedupeKey = $"document:{row.Id}:{row.Version}",
            CustomerId = row.CustomerId,
            Channel = "in-app",
            Language = application.Language,
            Template = accepted ? "document.accepted" : "document.rejected",
            Body = DocumentMessages.Review(application.Language, application.Reference, row.Kind, accepted, reason),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, accepted ? "document.accepted" : "document.rejected", "document", row.Id.ToString(), new { row.ApplicationId, row.Kind, Reason = reason })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<DocumentView>.Conflict("the document changed meanwhile; reload it", "record.changed");
        }

        return CommandResult<DocumentView>.Ok(View(row));
    }

    public async Task<DocumentChecklistView?> ListAsync(Actor actor, Guid applicationId, CancellationToken ct)
    {
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, ct).ConfigureAwait(false);
        if (application is null || !ApplicationAccess.CanRead(actor, application))
        {
            return null;
        }

        var rows = await db.Documents.AsNoTracking().Where(d => d.ApplicationId == applicationId).ToListAsync(ct).ConfigureAwait(false);
        rows = [.. rows.OrderBy(d => d.UploadedAt)];
        var required = (await products.FindAsync(db, application.ProductCode, ct).ConfigureAwait(false))?.Policy.RequiredDocuments ?? [];
        var missing = DocumentChecklist.Missing(required, rows.Select(r => (DocumentKindNames.Parse(r.Kind)!.Value, r.Status)));
        return new DocumentChecklistView(applicationId, [.. required.Select(k => k.ToName())], [.. missing.Select(k => k.ToName())], [.. rows.Select(View)],
            DocumentIntake.StageOf(application.Status) is { } stage ? StateWords<DocumentStage>.Of(stage) : null, [.. DocumentIntake.Taken(application.Status).Select(k => k.ToName())]);
    }

    public sealed record PendingDocument(DocumentView Document, string ApplicationReference);

    /// <summary>The documents awaiting review, oldest first (staff only).</summary>
    public async Task<IReadOnlyList<PendingDocument>> PendingAsync(Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsStaff)
        {
            return [];
        }

        var rows = await db.Documents.AsNoTracking().Where(d => d.Status == DocumentStatus.Pending)
            .Join(db.Applications.AsNoTracking(), d => d.ApplicationId, a => a.Id, (d, a) => new { d, a.Reference })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.d.UploadedAt).Select(r => new PendingDocument(View(r.d), r.Reference))];
    }

    /// <summary>A document's file (or, for staff, its thumbnail) when the actor may see it.</summary>
    public async Task<DocumentFile?> FileAsync(Actor actor, Guid documentId, bool thumbnail, CancellationToken ct)
    {
        var row = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var application = await db.Applications.AsNoTracking().FirstAsync(a => a.Id == row.ApplicationId, ct).ConfigureAwait(false);
        if (!ApplicationAccess.CanRead(actor, application) || (thumbnail && !actor.IsStaff))
        {
            return null;
        }

        var address = thumbnail ? row.ThumbnailSha256 : row.Sha256;
        var bytes = address is null ? null : await files.GetAsync(address, ct).ConfigureAwait(false);
        var extension = thumbnail || row.ContentType == FileContentType.Jpeg ? "jpg" : row.ContentType == FileContentType.Png ? "png" : "pdf";
        return bytes is null ? null : new DocumentFile(thumbnail ? FileContentType.Jpeg : row.ContentType, bytes, $"{row.Kind}.{extension}");
    }

    private static bool CanUpload(Actor actor) => actor.Role is Roles.Customer or Roles.Dealer or Roles.Underwriter or Roles.Admin;

    private static DocumentView View(DocumentRow r) =>
        new(r.Id, r.ApplicationId, r.Kind, r.ContentType, r.SizeBytes, r.Sha256, r.ThumbnailSha256 is not null, r.Status, r.UploadedAt, r.ReviewedAt, r.RejectionReason);
}
