using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Validation;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The daily model check: the score PSI of recent applications against the training distribution, the CSI of each
/// characteristic (from the bins the decision recorded), and early delinquency by grade (loans booked in the last
/// twelve months that are 30 or more days past due). When the PSI reaches <see cref="MonitoringOptions.PsiAlert"/>
/// over at least <see cref="MonitoringOptions.MinimumScores"/> scores it raises a staff alert (once per model and
/// day), reports to the metrics and hands the alert to the staff mailer.
/// </summary>
public sealed class ModelMonitoringCheck(
    AutoFinanceDbContext db,
    ModelMonitoringQueries monitoring,
    ModelSet models,
    StaffAlerts alerts,
    MonitoringOptions options,
    IModelMonitoringMetrics metrics,
    IStaffAlertMailer mailer,
    TimeProvider time)
{
    public const string PsiAlertKind = "model.psi";

    public sealed record CharacteristicStability(string Name, double Csi, string Band, int Rows);

    public sealed record GradeDelinquency(string Grade, int Loans, int Delinquent, double Rate);

    public sealed record Result(string ModelId, int Scores, double? Psi, string Band, IReadOnlyList<CharacteristicStability> Characteristics, IReadOnlyList<GradeDelinquency> EarlyDelinquency, bool AlertRaised);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var review = await monitoring.GetAsync(ct).ConfigureAwait(false);
        var drift = review.Drift;
        var characteristics = await CharacteristicStabilityAsync(ct).ConfigureAwait(false);
        var delinquency = await EarlyDelinquencyAsync(ct).ConfigureAwait(false);
        var alert = drift.Psi is { } psi && psi >= options.PsiAlert && drift.Scores >= options.MinimumScores;
        var raised = false;
        if (alert)
        {
            var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var detail = string.Create(CultureInfo.InvariantCulture, $"model {review.ModelId}: score PSI {drift.Psi:0.0000} over {drift.Scores} scores from {drift.From:yyyy-MM-dd} to {drift.To:yyyy-MM-dd} (limit {options.PsiAlert:0.00})");
            if (await alerts.RaiseAsync(PsiAlertKind, $"{PsiAlertKind}:{review.ModelId}:{day}", "critical", detail, drift.Psi, ct).ConfigureAwait(false) is { } row)
            {
                raised = true;
                await mailer.SendAsync(row, ct).ConfigureAwait(false);
            }
        }

        var result = new Result(review.ModelId, drift.Scores, drift.Psi, drift.Band, characteristics, delinquency, raised);
        metrics.Observed(result);
        return result;
    }

    /// <summary>
    /// One line for the run history, with its facts: the PSI and the largest CSI (a characteristic's name and its CSI)
    /// empty when there is none, the early delinquency by grade (grade, delinquent/loans), and whether an alert was raised.
    /// </summary>
    public static RecordNote Describe(Result r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var inv = CultureInfo.InvariantCulture;
        var worst = r.Characteristics.OrderByDescending(c => c.Csi).FirstOrDefault();
        var psi = r.Psi is { } p ? p.ToString("0.0000", inv) : string.Empty;
        var csi = worst is null ? string.Empty : worst.Name + " " + worst.Csi.ToString("0.0000", inv);
        var grades = string.Join(' ', r.EarlyDelinquency.Select(g => string.Create(inv, $"{g.Grade} {g.Delinquent}/{g.Loans}")));
        return RecordNote.Of(
            string.Create(inv, $"model {r.ModelId}: PSI {(psi.Length > 0 ? psi : "n/a")} ({r.Band}) over {r.Scores} scores; largest CSI {(csi.Length > 0 ? csi : "n/a")}; early delinquency {grades}{(r.AlertRaised ? "; alert raised" : string.Empty)}"),
            ("model", r.ModelId), ("psi", psi), ("band", r.Band), ("scores", RecordNote.Count(r.Scores)), ("csi", csi), ("grades", grades), ("alert", r.AlertRaised ? "raised" : "none"));
    }

    private async Task<IReadOnlyList<CharacteristicStability>> CharacteristicStabilityAsync(CancellationToken ct)
    {
        var document = models.Active.Document;
        var since = time.GetUtcNow().AddDays(-ModelMonitoringQueries.WindowDays);
        var checks = await db.Applications.AsNoTracking()
            .Where(a => a.ModelVersion == document.ModelId && a.Score != null && a.SubmittedAt >= since)
            .Select(a => a.ChecksJson)
            .ToListAsync(ct).ConfigureAwait(false);
        var characteristics = document.Characteristics;
        var matches = characteristics.Select(_ => new List<BinMatch>()).ToArray();
        foreach (var json in checks)
        {
            var bins = (Json.Deserialize<List<CheckRecord>>(json) ?? []).FirstOrDefault(c => c.Stage == "score")?.Values.GetValueOrDefault("bins");
            var parts = bins?.Split(',');
            if (parts is null || parts.Length != characteristics.Count)
            {
                continue;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                var bin = int.Parse(parts[i], CultureInfo.InvariantCulture);
                matches[i].Add(new BinMatch(bin < 0 ? BinMatch.Neutral : bin, default));
            }
        }

        if (matches.Length == 0 || matches[0].Count == 0)
        {
            return [];
        }

        return [.. characteristics.Select((c, i) =>
        {
            var shift = Stability.Csi(c, matches[i].ToArray());
            return new CharacteristicStability(c.Name, shift.Csi, ModelMonitoringQueries.BandOf(shift.Csi), matches[i].Count);
        })];
    }

    private async Task<IReadOnlyList<GradeDelinquency>> EarlyDelinquencyAsync(CancellationToken ct)
    {
        var since = time.GetUtcNow().AddMonths(-12);
        var rows = await (from l in db.Loans.AsNoTracking()
                          join a in db.Applications.AsNoTracking() on l.ApplicationId equals a.Id
                          where l.BookedAt >= since
                          select new { a.Grade, l.DaysPastDue })
            .ToListAsync(ct).ConfigureAwait(false);
        return [.. rows.GroupBy(r => r.Grade ?? "-").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var delinquent = g.Count(r => r.DaysPastDue >= 30);
            return new GradeDelinquency(g.Key, g.Count(), delinquent, (double)delinquent / g.Count());
        })];
    }
}

/// <summary>The limits of the daily model check (section Monitoring).</summary>
public sealed record MonitoringOptions
{
    /// <summary>The score PSI at and above which staff are alerted (the usual "act" band starts at 0.25).</summary>
    public double PsiAlert { get; init; } = 0.25;

    /// <summary>Fewer recent scores than this make the PSI too noisy to alert on.</summary>
    public int MinimumScores { get; init; } = ModelMonitoringQueries.MinimumForPsi;
}
