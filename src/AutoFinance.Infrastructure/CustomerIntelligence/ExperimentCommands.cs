using System.Text.RegularExpressions;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.Experiments;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>
/// A/B tests: defined once with their sample size fixed up front (no changes afterwards), subjects assigned by the
/// deterministic hash of <see cref="VariantAssigner"/> (the same subject always gets the same variant; the first
/// assignment is recorded as the exposure), conversions recorded per subject, and results read out with the
/// two-proportion z-test — flagged "not final" until every variant reached the planned size.
/// </summary>
public sealed partial class ExperimentCommands(AutoFinanceDbContext db, TimeProvider time)
{
    public sealed record VariantInput(string? Name, double? Weight);

    public sealed record ExperimentInput(string? Id, string? Metric, string? Description, IReadOnlyList<VariantInput>? Variants, double? BaselineRate, double? MinimumDetectableEffect, double? Alpha, double? Power);

    public sealed record SubjectInput(string? SubjectId, bool? Converted);

    public sealed record ExperimentView(string Id, string Metric, string? Description, IReadOnlyList<ExperimentVariant> Variants, double BaselineRate, double MinimumDetectableEffect, double Alpha, double Power, int RequiredSamplePerVariant, DateTimeOffset CreatedAt);

    public sealed record Assignment(string ExperimentId, string SubjectId, string Variant, DateTimeOffset AssignedAt, bool Converted);

    public sealed record VariantSample(string Variant, long Subjects, long Conversions, double Rate);

    public sealed record Results(ExperimentView Experiment, IReadOnlyList<VariantSample> Samples, ExperimentResult Analysis);

    public async Task<IReadOnlyList<ExperimentView>> ListAsync(CancellationToken ct) =>
        [.. (await db.Experiments.AsNoTracking().OrderByDescending(e => e.CreatedAt).ToListAsync(ct).ConfigureAwait(false)).Select(View)];

    public async Task<CommandResult<ExperimentView>> CreateAsync(Actor actor, ExperimentInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        var id = input.Id?.Trim() ?? string.Empty;
        if (!IdPattern().IsMatch(id))
        {
            errors.Add(new("id", "must be 3 to 64 lower-case letters, digits or hyphens", "experiment.id"));
        }

        var metric = input.Metric?.Trim() ?? string.Empty;
        if (metric.Length is < 3 or > 200)
        {
            errors.Add(new("metric", "must say what counts as a conversion, in 3 to 200 characters", "experiment.metric"));
        }

        if (input.Description is { Length: > 1000 })
        {
            errors.Add(FieldProblems.TooLong("description", 1000));
        }

        var variants = (input.Variants ?? []).Select((v, i) => (v, i)).ToList();
        foreach (var (v, i) in variants)
        {
            if (string.IsNullOrWhiteSpace(v?.Name) || v.Name.Trim().Length > 50)
            {
                errors.Add(new($"variants[{i}].name", "is required, at most 50 characters", "field.required-text", FieldProblems.Figures(("max", "50"))));
            }
        }

        // The definition's own rules, with any missing figure left to the "required" problems below.
        foreach (var problem in Definition(id, input).Validate())
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            if (problem[..colon] != "id")
            {
                errors.Add(new(problem[..colon], problem[(colon + 2)..], "experiment.definition"));
            }
        }

        if (input.BaselineRate is null)
        {
            errors.Add(new("baselineRate", "is required: the control's expected conversion rate, between 0 and 1", "experiment.baseline"));
        }

        if (input.MinimumDetectableEffect is null)
        {
            errors.Add(new("minimumDetectableEffect", "is required: the smallest absolute lift worth detecting", "experiment.effect"));
        }

        errors = [.. errors.DistinctBy(e => (e.Field, e.Message))];
        if (errors.Count > 0)
        {
            return CommandResult<ExperimentView>.Invalid(errors);
        }

        if (await db.Experiments.AnyAsync(e => e.Id == id, ct).ConfigureAwait(false))
        {
            return CommandResult<ExperimentView>.Conflict($"an experiment '{id}' already exists; an experiment is fixed once defined", "experiment.exists", FieldProblems.Figures(("id", id)));
        }

        var d = Definition(id, input);
        var now = time.GetUtcNow();
        var row = new ExperimentRow
        {
            Id = id, Metric = metric, Description = input.Description?.Trim(), VariantsJson = Json.Serialize(d.Variants), BaselineRate = d.BaselineRate,
            MinimumDetectableEffect = d.MinimumDetectableEffect, Alpha = d.Alpha, Power = d.Power, RequiredSamplePerVariant = d.RequiredSamplePerVariant,
            CreatedAt = now, CreatedBy = actor.AuditName,
        };
        db.Experiments.Add(row);
        await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "experiment.defined", "experiment", id, new { row.Metric, Variants = d.Variants, row.BaselineRate, row.MinimumDetectableEffect, row.Alpha, row.Power, row.RequiredSamplePerVariant })], now, ct).ConfigureAwait(false);
        return CommandResult<ExperimentView>.Ok(View(row));
    }

    /// <summary>The subject's variant (always the same one); the first assignment is recorded as the exposure.</summary>
    public async Task<CommandResult<Assignment>> AssignAsync(Actor actor, string experimentId, SubjectInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var row = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return CommandResult<Assignment>.NotFound();
        }

        if (Subject(input.SubjectId) is not { } subject)
        {
            return CommandResult<Assignment>.Invalid("subjectId", "is required: 1 to 100 characters identifying the customer or application", "field.required-text", FieldProblems.Figures(("max", "100")));
        }

        var existing = await db.ExperimentExposures.AsNoTracking().FirstOrDefaultAsync(x => x.ExperimentId == experimentId && x.SubjectId == subject, ct).ConfigureAwait(false);
        if (existing is not null)
        {
            return CommandResult<Assignment>.Ok(new Assignment(experimentId, subject, existing.Variant, existing.AssignedAt, existing.ConvertedAt is not null));
        }

        var now = time.GetUtcNow();
        var variant = VariantAssigner.Assign(Definition(row), subject).Name;
        db.ExperimentExposures.Add(new ExperimentExposureRow { ExperimentId = experimentId, SubjectId = subject, Variant = variant, AssignedAt = now });
        try
        {
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
        }

        return CommandResult<Assignment>.Ok(new Assignment(experimentId, subject, variant, now, false));
    }

    /// <summary>Records a subject's outcome (converted or not); the subject must have been assigned.</summary>
    public async Task<CommandResult<Assignment>> RecordOutcomeAsync(Actor actor, string experimentId, SubjectInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Experiments.AnyAsync(e => e.Id == experimentId, ct).ConfigureAwait(false))
        {
            return CommandResult<Assignment>.NotFound();
        }

        var errors = new List<FieldError>();
        var subject = Subject(input.SubjectId);
        if (subject is null)
        {
            errors.Add(new("subjectId", "is required: 1 to 100 characters identifying the customer or application", "field.required-text", FieldProblems.Figures(("max", "100"))));
        }

        if (input.Converted is null)
        {
            errors.Add(new("converted", "is required: true or false", "field.required"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<Assignment>.Invalid(errors);
        }

        var exposure = await db.ExperimentExposures.FirstOrDefaultAsync(x => x.ExperimentId == experimentId && x.SubjectId == subject, ct).ConfigureAwait(false);
        if (exposure is null)
        {
            return CommandResult<Assignment>.Invalid("subjectId", "was never assigned to this experiment; assign it first", "experiment.unassigned");
        }

        var now = time.GetUtcNow();
        exposure.ConvertedAt = input.Converted == true ? exposure.ConvertedAt ?? now : null;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return CommandResult<Assignment>.Ok(new Assignment(experimentId, exposure.SubjectId, exposure.Variant, exposure.AssignedAt, exposure.ConvertedAt is not null));
    }

    public async Task<Results?> ResultsAsync(string experimentId, CancellationToken ct)
    {
        var row = await db.Experiments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == experimentId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var counts = await db.ExperimentExposures.AsNoTracking().Where(x => x.ExperimentId == experimentId)
            .GroupBy(x => x.Variant).Select(g => new { Variant = g.Key, Subjects = g.LongCount(), Conversions = g.LongCount(x => x.ConvertedAt != null) })
            .ToListAsync(ct).ConfigureAwait(false);
        var definition = Definition(row);
        var samples = definition.Variants.Select(v => counts.FirstOrDefault(c => c.Variant == v.Name) is { } c
            ? new ProportionSample(c.Subjects, c.Conversions) : new ProportionSample(0, 0)).ToList();
        var analysis = ExperimentResult.Analyse(definition, definition.Variants.Select((v, i) => (v.Name, samples[i])).ToDictionary(x => x.Name, x => x.Item2));
        return new Results(View(row), [.. definition.Variants.Select((v, i) => new VariantSample(v.Name, samples[i].Subjects, samples[i].Conversions, Math.Round(samples[i].Rate, 6)))], analysis);
    }

    private static ExperimentDefinition Definition(string id, ExperimentInput input) => new(
        id,
        [.. (input.Variants ?? []).Select(v => new ExperimentVariant(v?.Name?.Trim() ?? string.Empty, v?.Weight ?? 1))],
        input.Metric?.Trim() ?? string.Empty,
        input.BaselineRate ?? 0.5,
        input.MinimumDetectableEffect ?? 0.1,
        input.Alpha ?? 0.05,
        input.Power ?? 0.8);

    private static ExperimentDefinition Definition(ExperimentRow row) =>
        new(row.Id, Json.Deserialize<List<ExperimentVariant>>(row.VariantsJson) ?? [], row.Metric, row.BaselineRate, row.MinimumDetectableEffect, row.Alpha, row.Power);

    private static ExperimentView View(ExperimentRow row) =>
        new(row.Id, row.Metric, row.Description, Json.Deserialize<List<ExperimentVariant>>(row.VariantsJson) ?? [], row.BaselineRate, row.MinimumDetectableEffect, row.Alpha, row.Power, row.RequiredSamplePerVariant, row.CreatedAt);

    private static string? Subject(string? value) => value?.Trim() is { Length: >= 1 and <= 100 } s ? s : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex IdPattern();
}
