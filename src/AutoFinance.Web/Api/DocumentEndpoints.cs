using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Security;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>
/// Documents of an application: upload (multipart/form-data with <c>kind</c> and <c>file</c>), the checklist of what
/// the product requires, the file itself, a thumbnail for staff, and staff's review. Uploads may be up to 10 MB, so
/// this group has its own body limit.
/// </summary>
public static class DocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Documents").RequireAuthorization();
        group.MapPost("/applications/{id:guid}/documents", Upload)
            .WithMetadata(new RequestBodyLimit(DocumentCommands.MaxBytes + (64 * 1024)))
            .DisableAntiforgery()
            .WithSummary("Upload a document (kind: id-card-front, id-card-back, driving-licence, vehicle-invoice, registration-certificate, income-proof; after the payout only registration-certificate); JPEG, PNG or PDF by content, at most 10 MB")
            .Produces<DocumentView>(201).ProducesValidationProblem().ProducesProblem(404);

        group.MapPost("/id-card/read", ReadIdCard)
            .WithMetadata(new RequestBodyLimit(DocumentCommands.MaxBytes + (64 * 1024)))
            .DisableAntiforgery()
            .WithSummary("Read the front of an ID card (PP-OCR): name, number, address, birth date and validity, to fill an application")
            .Produces<IdCardReading>().ProducesValidationProblem().ProducesProblem(503);

        var reviewers = routes.MapGroup("/api/v1/documents/pending").WithTags("Documents").RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Manager, Roles.Admin));
        reviewers.MapList("/", BackOfficeLists.Documents, ReadPending, "The documents awaiting review, oldest first (status= a document kind)");
        reviewers.MapListExport("/export.csv", BackOfficeLists.Documents, ReadPending);

        group.MapGet("/applications/{id:guid}/documents", async (Guid id, HttpContext http, DocumentCommands documents, CancellationToken ct) =>
                await documents.ListAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } list ? Results.Ok(list) : Problems.NotFound("application"))
            .WithSummary("The application's documents, the required kinds still missing, its stage and the kinds taken at it")
            .Produces<DocumentChecklistView>().ProducesProblem(404);

        group.MapGet("/documents/{id:guid}/file", (Guid id, HttpContext http, DocumentCommands documents, CancellationToken ct) => File(id, http, documents, thumbnail: false, ct))
            .WithSummary("The document as uploaded, byte for byte").ProducesProblem(404);

        group.MapGet("/documents/{id:guid}/thumbnail", (Guid id, HttpContext http, DocumentCommands documents, CancellationToken ct) => File(id, http, documents, thumbnail: true, ct))
            .WithSummary("A small JPEG of an image document, for staff").ProducesProblem(404);

        group.MapPost("/documents/{id:guid}/review", async (Guid id, HttpContext http, DocumentCommands documents, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<DocumentCommands.Review>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                return Problems.From(await documents.ReviewAsync(http.User.ToActor(), id, body.Value ?? new(null, null), ct).ConfigureAwait(false), Results.Ok, "document");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Underwriter, Roles.Admin))
            .WithSummary("Accept or reject a document (a rejection needs a reason); the customer is told in the app")
            .Produces<DocumentView>().ProducesValidationProblem().ProducesProblem(404);
    }

    private static async Task<IResult> ReadIdCard(HttpContext http, Infrastructure.Ocr.IdCardOcr ocr, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct).ConfigureAwait(false) : null;
        if (form?.Files.GetFile("file") is not { } file)
        {
            return Problems.Field("file", "send multipart/form-data with a photo of the ID card's front in the field file");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        var content = buffer.ToArray();
        if (content.Length > DocumentCommands.MaxBytes || Domain.Documents.FileContentType.Sniff(content) is not (Domain.Documents.FileContentType.Jpeg or Domain.Documents.FileContentType.Png))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["must be a JPEG or PNG photo of at most 10 MB"] }, extensions: new Dictionary<string, object?> { ["code"] = DocumentCommands.UnsupportedTypeCode });
        }

        using (var photo = DocumentInspection.DecodeImage(content))
        {
            if (photo is null)
            {
                return Problems.Field("file", "must be a JPEG or PNG photo that opens whole", DocumentCommands.UnsupportedTypeCode);
            }
        }

        if (!ocr.Available)
        {
            return Results.Problem(title: "ID-card reading is not available", detail: "the OCR models are not installed (scripts/fetch-ocr-models.sh)", statusCode: 503);
        }

        return ocr.Read(content) is { } card
            ? Results.Ok(new IdCardReading(card.Name, card.NationalId, card.Address, card.BirthDate, card.Validity?.From, card.Validity?.Until, card.Validity is { Until: null }))
            : Problems.Field("file", "must be a JPEG or PNG photo that opens whole", DocumentCommands.UnsupportedTypeCode);
    }

    private static async Task<IResult> Upload(Guid id, HttpContext http, DocumentCommands documents, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            // Who may not see the application learns nothing more than that; the others are told what is missing.
            var refused = await documents.UploadAsync(http.User.ToActor(), id, null, null, ct).ConfigureAwait(false);
            return Problems.From(refused, d => Results.Created($"/api/v1/documents/{d.DocumentId}/file", d), "application");
        }

        var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
        var file = form.Files.GetFile("file");
        byte[]? content = null;
        if (file is not null)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
            content = buffer.ToArray();
        }

        var result = await documents.UploadAsync(http.User.ToActor(), id, form["kind"].ToString(), content, ct).ConfigureAwait(false);
        return Problems.From(result, d => Results.Created($"/api/v1/documents/{d.DocumentId}/file", d), "application");
    }

    private static async Task<IResult> File(Guid id, HttpContext http, DocumentCommands documents, bool thumbnail, CancellationToken ct) =>
        await documents.FileAsync(http.User.ToActor(), id, thumbnail, ct).ConfigureAwait(false) is { } file
            ? Results.File(file.Content, file.ContentType, file.FileName)
            : Problems.NotFound("document");

    private static async Task<IEnumerable<DocumentCommands.PendingDocument>> ReadPending(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<DocumentCommands>().PendingAsync(http.User.ToActor(), ct).ConfigureAwait(false);
}

/// <summary>What the ID card says; a field not read is null.</summary>
public sealed record IdCardReading(string? Name, string? NationalId, string? Address, DateOnly? BirthDate, DateOnly? ValidFrom, DateOnly? ValidUntil, bool LongTerm);
