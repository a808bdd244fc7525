using AutoFinance.Application.Origination;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Validation;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The active model as the analyst reviews it: its scorecard table (characteristic, bin, points), the validation
/// figures stored in its artefact, the drift of the live population — the population stability index of the
/// scores of recent applications decided by this model against the training score distribution kept in the artefact,
/// and each characteristic's stability index behind it (<see cref="CharacteristicStabilityQuery"/>) — and the model
/// back-tested on the loans it booked that have been on book long enough (<see cref="ModelBackTestQuery"/>).
/// </summary>
/// <remarks>
/// The PSI is the Credit library's (<see cref="Stability.ScorePsi"/>), read in the usual bands: below 0.10 stable,
/// 0.10 to 0.25 watch (a moderate shift worth a look), 0.25 and above act (a significant shift: review or retrain).
/// Only applications scored by the active model version in the window count; with fewer than
/// <see cref="MinimumForPsi"/> scores the figure is shown as indicative.
/// </remarks>
public sealed class ModelMonitoringQueries(AutoFinanceDbContext db, ModelSet models, TimeProvider time)
{
    /// <summary>How far back "recent" reaches.</summary>
    public const int WindowDays = 90;

    /// <summary>Fewer scores than this make the PSI indicative only.</summary>
    public const int MinimumForPsi = 100;

    /// <summary>Fewer matured loans than this make the back-test indicative only.</summary>
    public const int MinimumMaturedLoans = 100;

    public sealed record BinRow(string Label, string Kind, int Count, double BadRate, double Woe, double Points);

    public sealed record CharacteristicRow(string Name, string Description, string Kind, double Iv, double MinPoints, double MaxPoints, IReadOnlyList<BinRow> Bins);

    public sealed record BandRow(double? Lower, double? Upper, double Expected, double Actual, double Contribution);

    public sealed record Drift(DateOnly From, DateOnly To, int Scores, double? Psi, string Band, bool Indicative, IReadOnlyList<BandRow> Bands);

    /// <summary>A characteristic bin's share of the training sample (expected) and of recent applications (actual); kind "unseen" for values in no training bin.</summary>
    public sealed record BinShareRow(string Label, string Kind, double Expected, double Actual);

    public sealed record CharacteristicDrift(string Name, string Description, double Csi, string Band, IReadOnlyList<BinShareRow> Bins);

    /// <summary>The CSI of every characteristic over <paramref name="Applications"/> recent applications, largest first.</summary>
    public sealed record CharacteristicStability(int Applications, bool Indicative, IReadOnlyList<CharacteristicDrift> Characteristics);

    public sealed record GradeOutcome(string Grade, double? MinScore, int Loans, int Bads, double ObservedBadRate, double ExpectedBadRate);

    /// <summary>
    /// The back-test as of <paramref name="AsOf"/>: matured loans (on book <paramref name="WindowMonths"/> months) with their
    /// bads (ever <paramref name="DaysPastDue"/>+ days past due or charged off in that window), the observed against the
    /// expected bad rate (mean PD at decision), AUC, Gini and KS on the outcomes (null without both a bad and a good loan),
    /// and per grade that has loans.
    /// </summary>
    public sealed record BackTesting(
        DateOnly AsOf,
        int WindowMonths,
        int DaysPastDue,
        int Loans,
        int Bads,
        double ObservedBadRate,
        double ExpectedBadRate,
        double? Auc,
        double? Gini,
        double? Ks,
        bool Indicative,
        IReadOnlyList<GradeOutcome> Grades);

    public sealed record ModelReview(
        string ModelId,
        string Kind,
        DateTimeOffset CreatedAt,
        string Target,
        TrainingRecord Training,
        ScoreScaling Scaling,
        double Intercept,
        IReadOnlyList<CharacteristicRow> Characteristics,
        IReadOnlyList<RiskGrade> Grades,
        ValidationRecord? Validation,
        ChallengerRecord? Challenger,
        Drift Drift,
        CharacteristicStability Stability,
        BackTesting BackTest);

    /// <summary>stable, watch or act for a population stability index.</summary>
    public static string BandOf(double psi) => psi switch
    {
        < 0.10 => "stable",
        < 0.25 => "watch",
        _ => "act",
    };

    public async Task<ModelReview> GetAsync(CancellationToken ct)
    {
        var document = models.Active.Document;
        var characteristics = document.Characteristics.Select(c => new CharacteristicRow(
            c.Name,
            c.Description,
            c.Kind.ToString().ToLowerInvariant(),
            c.Iv,
            c.Bins.Count == 0 ? c.NeutralPoints : c.Bins.Min(b => b.Points),
            c.MaxPoints,
            [.. c.Bins.Select(b => new BinRow(Label(b), b.Kind.ToString().ToLowerInvariant(), b.Count, b.Count == 0 ? 0 : (double)b.Bads / b.Count, b.Woe, b.Points))]))
            .ToList();
        return new ModelReview(
            document.ModelId,
            document.Kind,
            document.CreatedAt,
            document.Target.BadValue is { } bad ? $"{document.Target.Column} = {bad}" : document.Target.Column,
            document.Training,
            document.Scaling,
            document.Intercept,
            characteristics,
            document.Grades,
            document.Validation,
            document.Challenger,
            await DriftAsync(document, ct).ConfigureAwait(false),
            await CharacteristicStabilityQuery.GetAsync(db, document, time.GetUtcNow().AddDays(-WindowDays), ct).ConfigureAwait(false),
            await ModelBackTestQuery.GetAsync(db, document, Application.Servicing.BusinessDay.Today(time), ct).ConfigureAwait(false));
    }

    private async Task<Drift> DriftAsync(ScorecardDocument document, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var to = DateOnly.FromDateTime(now.UtcDateTime);
        var from = to.AddDays(-WindowDays);
        var since = now.AddDays(-WindowDays);
        var scores = await db.Applications.AsNoTracking()
            .Where(a => a.ModelVersion == document.ModelId && a.Score != null && a.SubmittedAt >= since)
            .Select(a => a.Score!.Value)
            .ToArrayAsync(ct).ConfigureAwait(false);
        if (document.Population is not { ScoreBands.Count: > 0 } baseline || scores.Length == 0)
        {
            return new Drift(from, to, scores.Length, null, "none", true, []);
        }

        var psi = Stability.ScorePsi(baseline, scores);
        var actual = ValidationTables.Shares(baseline.ScoreBands, scores);
        var bands = baseline.ScoreBands.Select((b, i) => new BandRow(b.Lower, b.Upper, b.Share, actual[i], Contribution(b.Share, actual[i]))).ToList();
        return new Drift(from, to, scores.Length, psi, BandOf(psi), scores.Length < MinimumForPsi, bands);
    }

    /// <summary>A bin as a language-neutral label: a range in interval notation, a special value, or its categories.</summary>
    internal static string Label(ScoredBin bin) => bin.Kind switch
    {
        Credit.Binning.BinKind.Range => BinLabels.Interval(bin),
        Credit.Binning.BinKind.Missing => string.Empty,
        Credit.Binning.BinKind.Special => bin.SpecialValue is { } value ? BinLabels.Number(value) : bin.Categories.FirstOrDefault() ?? string.Empty,
        _ => string.Join(" / ", bin.Categories),
    };

    /// <summary>One band's term of the index, with the same floor the library puts under an empty band.</summary>
    private static double Contribution(double expected, double actual)
    {
        const double floor = 1e-4;
        var e = Math.Max(expected, floor);
        var a = Math.Max(actual, floor);
        return (a - e) * Math.Log(a / e);
    }
}
