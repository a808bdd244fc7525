using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Models;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Security;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>
/// The model registry: upload a trained model file, read its validation figures, ask to promote it (four eyes), roll
/// back; and the active model's monitoring as /model shows it.
/// </summary>
public static class ModelRegistryEndpoints
{
    /// <summary>Who uploads and asks for a promotion.</summary>
    public static readonly string[] Modellers = [Roles.RiskAnalyst, Roles.Manager, Roles.Admin];

    /// <summary>Who rolls back at once (a promotion's second person is any manager or admin other than the one who asked).</summary>
    public static readonly string[] RollBackers = [Roles.Manager, Roles.Admin];

    public sealed record ReasonInput(string? Reason);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/models").WithTags("Model registry");
        group.MapGet("/", async (ModelRegistry registry, CancellationToken ct) => Results.Ok(await registry.ListAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Modellers))
            .WithSummary("The registry's model files with their held-out AUC, KS and Gini and their state, and the model decisions score with now")
            .Produces<ModelRegistry.RegistryView>();
        group.MapGet("/active/monitoring", async (Infrastructure.Reporting.ModelMonitoringQueries monitoring, CancellationToken ct) => Results.Ok(await monitoring.GetAsync(ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Modellers))
            .WithSummary("What /model shows of the active model: its scorecard and validation, the score PSI and each characteristic's CSI of recent applications against training, and its back-test on matured booked loans")
            .Produces<Infrastructure.Reporting.ModelMonitoringQueries.ModelReview>();
        group.MapList("/versions", BackOfficeLists.Models, ReadModels, "Every uploaded model file with its held-out figures and state, newest first").RequireAuthorization(p => p.RequireRole(Modellers));
        group.MapListExport("/versions/export.csv", BackOfficeLists.Models, ReadModels).RequireAuthorization(p => p.RequireRole(Modellers));
        group.MapPost("/", async (HttpContext http, ModelRegistry registry, CancellationToken ct) =>
            {
                var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct).ConfigureAwait(false) : null;
                var file = form?.Files.GetFile("file");
                var uploaded = await registry.UploadAsync(http.User.ToActor(), file?.FileName, await BytesAsync(file, ct).ConfigureAwait(false),
                    await BytesAsync(form?.Files.GetFile("challenger"), ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                return Problems.From(uploaded, m => Results.Created($"/api/v1/models/{m.ModelVersionId}", m), "model");
            })
            .RequireAuthorization(p => p.RequireRole(Modellers))
            .WithMetadata(new RequestBodyLimit((2L * ModelRegistry.MaxBytes) + (64 * 1024)))
            .DisableAntiforgery()
            .WithSummary("Upload a model file as autofinance train writes it (multipart: file, and challenger when the document names one); it is checked by loading it and changes nothing for decisions")
            .Produces<ModelRegistry.ModelView>(201).ProducesValidationProblem();
        group.MapPost("/{id:guid}/promote", async (Guid id, HttpContext http, ModelRegistry registry, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ReasonInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var asked = await registry.RequestPromotionAsync(http.User.ToActor(), id, body.Value?.Reason, ct).ConfigureAwait(false);
                return Problems.From(asked, a => Results.Accepted($"/api/v1/approvals/{a.ApprovalId}", a), "model");
            })
            .RequireAuthorization(p => p.RequireRole(Modellers))
            .WithSummary("Ask to make this model the one decisions score with; done when a second manager or admin approves")
            .Accepts<ReasonInput>("application/json").Produces<ApprovalService.ApprovalView>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        group.MapPost("/rollback", async (HttpContext http, ModelRegistry registry, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<ReasonInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                return Problems.From(await registry.RollBackAsync(http.User.ToActor(), body.Value?.Reason, ct).ConfigureAwait(false), r => Results.Ok(r), "model");
            })
            .RequireAuthorization(p => p.RequireRole(RollBackers))
            .WithSummary("Return at once to the model the active one replaced (the configured file's model at the start), with a reason")
            .Accepts<ReasonInput>("application/json").Produces<ModelRegistry.RegistryView>().ProducesValidationProblem().ProducesProblem(409);
    }

    public static async Task<byte[]?> BytesAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length > ModelRegistry.MaxBytes)
        {
            return file is null ? null : [];
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static async Task<IEnumerable<ModelRegistry.ModelView>> ReadModels(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<ModelRegistry>().ListAsync(ct).ConfigureAwait(false)).Models;
}
