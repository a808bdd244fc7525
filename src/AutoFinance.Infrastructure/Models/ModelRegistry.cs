using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Challenger;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Models;
using AutoFinance.Domain.Lifecycle;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Models;

/// <summary>
/// The registry of trained model files (the document <c>autofinance train</c> writes, with its challenger file when
/// the document names one): upload shows the file's own held-out figures; promotion is asked for and carried out
/// only when a second person approves (<see cref="ApprovalService.ModelPromote"/>); rollback returns to the model the
/// active one replaced (the configured file's model at the start of the chain). Decisions pick the change up at once
/// on this node and within <see cref="ModelRegistrySync"/>'s interval on others; every step is audited.
/// </summary>
public sealed class ModelRegistry(AutoFinanceDbContext db, ApprovalRequests approvals, ModelSet models, TimeProvider time)
{
    /// <summary>The largest model document or challenger file taken.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    public sealed record ModelView(
        Guid ModelVersionId, string ModelId, string Kind, string FileName, string Sha256, double? Auc, double? Ks, double? Gini, int? TestRows,
        bool HasChallenger, string State, string UploadedBy, DateTimeOffset UploadedAt, string? PromotedBy, DateTimeOffset? PromotedAt, Guid? ReplacedId);

    /// <summary>The registry and what decisions score with now (<c>ActiveModelId</c>; the configured file's when nothing is promoted).</summary>
    public sealed record RegistryView(string ActiveModelId, Guid? ActiveVersionId, string DefaultModelId, IReadOnlyList<ModelView> Models);

    public async Task<RegistryView> ListAsync(CancellationToken ct)
    {
        var rows = await db.ModelVersions.AsNoTracking().OrderByDescending(m => m.UploadedAt)
            .Select(m => new { m.Id, m.ModelId, m.Kind, m.FileName, m.Sha256, m.TestAuc, m.TestKs, m.TestGini, m.TestRows, HasChallenger = m.ChallengerZip != null, m.State, m.UploadedBy, m.UploadedAt, m.PromotedBy, m.PromotedAt, m.ReplacedId })
            .ToListAsync(ct).ConfigureAwait(false);
        var views = rows.Select(m => new ModelView(m.Id, m.ModelId, m.Kind, m.FileName, m.Sha256, m.TestAuc, m.TestKs, m.TestGini, m.TestRows, m.HasChallenger,
            StateWords<ModelVersionState>.Of(m.State), m.UploadedBy, m.UploadedAt, m.PromotedBy, m.PromotedAt, m.ReplacedId)).ToList();
        return new RegistryView(models.Version, models.RegistryId, models.Default.Document.ModelId, views);
    }

    /// <summary>
    /// Takes a model file: it must be a model document this build reads, with its validation section, and load as the
    /// platform loads it (a gradient-boosting model needs its challenger file). Nothing changes for decisions.
    /// </summary>
    public async Task<CommandResult<ModelView>> UploadAsync(Actor actor, string? fileName, byte[]? document, byte[]? challengerZip, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (document is not { Length: > 0 and <= MaxBytes })
        {
            return CommandResult<ModelView>.Invalid("file", "a model document (JSON) of up to 20 MB is required", "model.file-required");
        }

        if (challengerZip is { Length: > MaxBytes })
        {
            return CommandResult<ModelView>.Invalid("challenger", "the challenger file is at most 20 MB", "model.file-required");
        }

        var json = System.Text.Encoding.UTF8.GetString(document);
        ScorecardDocument parsed;
        try
        {
            parsed = ModelJson.Deserialize(json);
            _ = Load(parsed, challengerZip is { Length: > 0 } ? challengerZip : null);
        }
        catch (Exception e) when (e is CreditDataException or InvalidOperationException or ArgumentException or FormatException or InvalidDataException or IOException)
        {
            return CommandResult<ModelView>.Invalid("file", $"not a model the platform can load: {Readable(e.Message)}", "model.invalid-file");
        }

        var figures = parsed.Kind == "ebm" ? parsed.EbmTest ?? parsed.Validation?.Test : parsed.Validation?.Test;
        if (figures is null)
        {
            return CommandResult<ModelView>.Invalid("file", "the model document has no validation section (train it with autofinance train)", "model.no-validation");
        }

        if (Problem(parsed, figures, challengerZip is { Length: > 0 }) is { } problem)
        {
            return CommandResult<ModelView>.Invalid("file", problem.Message, problem.Code);
        }

        var now = time.GetUtcNow();
        var row = new ModelVersionRow
        {
            Id = Guid.CreateVersion7(now),
            ModelId = parsed.ModelId,
            Kind = parsed.Kind,
            FileName = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "model.json" : fileName.Trim())[..Math.Min(200, Path.GetFileName(fileName ?? "model.json").Length)],
            DocumentJson = json,
            ChallengerZip = challengerZip is { Length: > 0 } && parsed.Challenger is not null ? challengerZip : null,
            Sha256 = Json.Sha256(json),
            TestAuc = figures.Auc,
            TestKs = figures.Ks,
            TestGini = figures.Gini,
            TestRows = figures.Rows,
            State = ModelVersionState.Uploaded,
            UploadedBy = actor.AuditName,
            UploadedAt = now,
        };
        db.ModelVersions.Add(row);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "model.uploaded", "model", row.Id.ToString(), new { row.ModelId, row.Kind, row.Sha256, row.TestAuc, row.TestKs, row.TestGini })], now, ct).ConfigureAwait(false);
        return CommandResult<ModelView>.Ok(View(row));
    }

    /// <summary>
    /// What makes a document that loads still no model to register: an id a page cannot show, a scorecard that scores
    /// everyone alike, a challenger named but not given, or test figures no validation produces.
    /// </summary>
    private static (string Message, string Code)? Problem(ScorecardDocument model, PerformanceFigures test, bool challengerGiven)
    {
        if (model.ModelId.Length is 0 or > 100 || !model.ModelId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return ("the model id must be 1 to 100 letters, digits, '-', '_' or '.'", "model.id-invalid");
        }

        if (model.Kind == "scorecard" && model.Characteristics.Count == 0)
        {
            return ("the scorecard has no characteristics: it would give every applicant the same score", "model.no-characteristics");
        }

        if (model.Challenger is not null && !challengerGiven)
        {
            return ("the document names a challenger model: upload its file with it", "model.challenger-missing");
        }

        return test.Auc is < 0 or > 1 || double.IsNaN(test.Auc) || test.Ks is < 0 or > 1 || double.IsNaN(test.Ks) || test.Gini is < -1 or > 1 || test.Rows < 1
            ? ("the test figures are impossible (AUC and KS between 0 and 1, Gini between -1 and 1, at least one row)", "model.figures-impossible")
            : null;
    }

    /// <summary>A reader's error without the .NET type names it may carry.</summary>
    private static string Readable(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\s*for type '[^']*'", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>Asks a second person to make this model the one decisions score with.</summary>
    public async Task<CommandResult<ApprovalService.ApprovalView>> RequestPromotionAsync(Actor actor, Guid id, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var row = await db.ModelVersions.AsNoTracking().Where(m => m.Id == id).Select(m => new { m.ModelId, m.State }).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (row is null)
        {
            return CommandResult<ApprovalService.ApprovalView>.NotFound();
        }

        if (row.State == ModelVersionState.Active)
        {
            return CommandResult<ApprovalService.ApprovalView>.Conflict("the model is already the active one", "model.active");
        }

        var asked = await approvals.CreateAsync(actor, ApprovalService.ModelPromote, id.ToString(), new { id }, Application.Common.RecordNote.Of($"promote model {row.ModelId}", ("model", row.ModelId)), reason, ct).ConfigureAwait(false);
        return asked.Value is { } approval
            ? CommandResult<ApprovalService.ApprovalView>.Ok(ApprovalService.View(approval))
            : asked.Refusal<ApprovalService.ApprovalView>();
    }

    /// <summary>
    /// Makes the model active as the approval's second person (saved with the approval), retiring the one it replaces;
    /// null when done, or why it could not be.
    /// </summary>
    public async Task<string?> PromoteAsync(Actor approver, Guid id, ApprovalRow approval, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(approval);
        var row = await db.ModelVersions.FirstOrDefaultAsync(m => m.Id == id, ct).ConfigureAwait(false);
        if (row is null || row.State == ModelVersionState.Active)
        {
            return row is null ? "the model is no longer in the registry" : "the model is already the active one";
        }

        var model = Load(row);
        var now = time.GetUtcNow();
        var previous = await db.ModelVersions.FirstOrDefaultAsync(m => m.State == ModelVersionState.Active, ct).ConfigureAwait(false);
        if (previous is not null)
        {
            previous.State = ModelVersionState.Retired;
            previous.Version++;
        }

        row.State = ModelVersionState.Active;
        row.PromotedBy = approver.AuditName;
        row.PromotedAt = now;
        row.ReplacedId = previous?.Id;
        row.Version++;
        approval.Record(Application.Common.RecordNote.Of($"model {row.ModelId} active", ("model", row.ModelId)));
        await AuditLog.SaveWithAsync(db, [new AuditEvent(approver.AuditName, "model.promoted", "model", row.Id.ToString(), new { row.ModelId, Replaced = previous?.ModelId ?? models.Default.Document.ModelId, ApprovalId = approval.Id, approval.RequestedBy })], now, ct).ConfigureAwait(false);
        models.Use(model, row.Id);
        return null;
    }

    /// <summary>Returns to the model the active one replaced (the configured file's when it replaced none); at once, audited.</summary>
    public async Task<CommandResult<RegistryView>> RollBackAsync(Actor actor, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (reason?.Trim() is not { Length: >= 3 and <= 300 })
        {
            return CommandResult<RegistryView>.Invalid("reason", "is required (3 to 300 characters)", "field.length", Domain.Validation.FieldProblems.Figures(("min", "3"), ("max", "300")));
        }

        var active = await db.ModelVersions.FirstOrDefaultAsync(m => m.State == ModelVersionState.Active, ct).ConfigureAwait(false);
        if (active is null)
        {
            return CommandResult<RegistryView>.Conflict("the configured model is in use; there is nothing to roll back to", "model.nothing-to-roll-back");
        }

        var back = active.ReplacedId is { } previousId ? await db.ModelVersions.FirstOrDefaultAsync(m => m.Id == previousId, ct).ConfigureAwait(false) : null;
        var model = back is null ? models.Default : Load(back);
        var now = time.GetUtcNow();
        active.State = ModelVersionState.Retired;
        active.Version++;
        if (back is not null)
        {
            back.State = ModelVersionState.Active;
            back.PromotedBy = actor.AuditName;
            back.PromotedAt = now;
            back.Version++;
        }

        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "model.rolled-back", "model", active.Id.ToString(), new { From = active.ModelId, To = back?.ModelId ?? models.Default.Document.ModelId, Reason = reason.Trim() })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<RegistryView>.Conflict("the registry changed at the same moment; look again", "record.changed");
        }

        models.Use(model, back?.Id);
        return CommandResult<RegistryView>.Ok(await ListAsync(ct).ConfigureAwait(false));
    }

    /// <summary>Makes this node score with the registry's active model (or the configured one) when another node changed it.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var active = await db.ModelVersions.AsNoTracking().Where(m => m.State == ModelVersionState.Active).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (active == models.RegistryId)
        {
            return;
        }

        var row = active is { } id ? await db.ModelVersions.AsNoTracking().FirstAsync(m => m.Id == id, ct).ConfigureAwait(false) : null;
        models.Use(row is null ? models.Default : Load(row), row?.Id);
    }

    private static CreditModel Load(ModelVersionRow row) => Load(ModelJson.Deserialize(row.DocumentJson), row.ChallengerZip);

    private static CreditModel Load(ScorecardDocument document, byte[]? challengerZip)
    {
        ChallengerModel? challenger = null;
        if (document.Challenger is { } record && challengerZip is not null)
        {
            using var zip = new MemoryStream(challengerZip, writable: false);
            challenger = ChallengerModel.Load(record, zip);
        }

        return CreditModel.From(document, challenger);
    }

    private static ModelView View(ModelVersionRow m) =>
        new(m.Id, m.ModelId, m.Kind, m.FileName, m.Sha256, m.TestAuc, m.TestKs, m.TestGini, m.TestRows, m.ChallengerZip is not null,
            StateWords<ModelVersionState>.Of(m.State), m.UploadedBy, m.UploadedAt, m.PromotedBy, m.PromotedAt, m.ReplacedId);
}
