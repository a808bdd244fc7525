using System.Globalization;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Infrastructure.Ocr;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Components.Security;
using AutoFinance.Web.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;

namespace AutoFinance.Web.Components.Documents;

/// <summary>
/// The pages' file forms (multipart posts with an anti-forgery token, up to 10 MB): uploading a document from an
/// application page, staff's review, and reading an ID-card photo on the apply form. Each answers with a redirect
/// back to its page; what the card says is handed to the apply form in a short-lived encrypted cookie, never in the
/// address.
/// </summary>
public static class DocumentForms
{
    public const string CardCookie = "af_idcard";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var forms = routes.MapGroup("/forms").RequireAuthorization().ExcludeFromDescription()
            .WithMetadata(new RequestBodyLimit(DocumentCommands.MaxBytes + (64 * 1024)))
            .DisableAntiforgery();
        forms.MapPost("/applications/{id:guid}/documents", async (Guid id, HttpContext http, IAntiforgery antiforgery, DocumentCommands documents, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
            var result = await documents.UploadAsync(http.User.ToActor(), id, form["kind"].ToString(), await ContentAsync(form, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            var outcome = result.Failure == Application.Common.CommandFailure.None ? "uploaded" : result.Code ?? "document.invalid";
            return Results.LocalRedirect($"/applications/{id}?documents={outcome}#documents");
        });
        forms.MapPost("/documents/{id:guid}/review", async (Guid id, HttpContext http, IAntiforgery antiforgery, DocumentCommands documents, CancellationToken ct) =>
        {
            var (form, actor) = await PostedForm.ReadAsync(http, antiforgery, ct).ConfigureAwait(false);
            var back = PortalPage.SafeLocal(form["back"].ToString(), "/documents");
            if (actor.Role is not (Roles.Underwriter or Roles.Admin))
            {
                return Results.LocalRedirect(back);
            }

            var result = await documents.ReviewAsync(actor, id, new DocumentCommands.Review(form["decision"].ToString(), form["reason"].ToString()), ct).ConfigureAwait(false);
            var outcome = result.Failure == Application.Common.CommandFailure.None ? "reviewed" : "review-invalid";
            return Results.LocalRedirect(back + (back.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "documents=" + outcome);
        });
        forms.MapPost("/apply/id-card", async (HttpContext http, IAntiforgery antiforgery, IdCardOcr ocr, IDataProtectionProvider protection, CancellationToken ct) =>
        {
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            var form = await http.Request.ReadFormAsync(ct).ConfigureAwait(false);
            var content = await ContentAsync(form, ct).ConfigureAwait(false);
            var card = content is { Length: > 0 and <= DocumentCommands.MaxBytes } && Domain.Documents.FileContentType.Sniff(content) is Domain.Documents.FileContentType.Jpeg or Domain.Documents.FileContentType.Png
                ? ocr.Read(content)
                : null;
            if (card is null || (card.Name is null && card.NationalId is null))
            {
                return Results.LocalRedirect("/apply?card=unread");
            }

            var fields = string.Join('\n', card.Name ?? "", card.NationalId ?? "", card.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
            http.Response.Cookies.Append(CardCookie, Protector(protection).Protect(fields), new CookieOptions
            {
                Path = "/apply",
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                MaxAge = TimeSpan.FromMinutes(10),
            });
            return Results.LocalRedirect("/apply?card=read");
        });
    }

    /// <summary>What the card said (name, number, birth date), read once from the cookie and then forgotten.</summary>
    public static (string? Name, string? NationalId, string? BirthDate)? TakeCard(HttpContext http, IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies[CardCookie] is not { Length: > 0 } cipher)
        {
            return null;
        }

        http.Response.Cookies.Delete(CardCookie, new CookieOptions { Path = "/apply" });
        try
        {
            var parts = Protector(protection).Unprotect(cipher).Split('\n');
            return parts.Length == 3 ? (Empty(parts[0]), Empty(parts[1]), Empty(parts[2])) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    private static IDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("AutoFinance.ApplyIdCard.v1");

    private static async Task<byte[]?> ContentAsync(IFormCollection form, CancellationToken ct)
    {
        if (form.Files.GetFile("file") is not { } file)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
