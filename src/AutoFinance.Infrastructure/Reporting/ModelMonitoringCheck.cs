using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The daily model check: the score PSI of recent applications against the training distribution, the CSI of each
/// characteristic (from the bins the decision recorded), and early delinquency by grade (loans booked in the last
/// twelve months that are 30 or more days past due). When the PSI reaches <see cref="MonitoringOptions.PsiAlert"/>
/// over at least <see cref="MonitoringOptions.MinimumScores"/> scores it raises a staff alert (once per model and
/// day), and another when a characteristic's CSI reaches <see cref="MonitoringOptions.CsiAlert"/> over as many
/// applications, naming every such characteristic; it reports to the metrics and hands each alert to the staff mailer.
/// </summary>
public sealed class ModelMonitoringCheck(
    AutoFinanceDbContext db,
    ModelMonitoringQueries monitoring,
    StaffAlerts alerts,
    MonitoringOptions options,
    IModelMonitoringMetrics metrics,
    IStaffAlertMailer mailer,
    TimeProvider time)
{
    public const string PsiAlertKind = "model.psi";

    public const string CsiAlertKind = "model.csi";

    public sealed record CharacteristicStability(string Name, double Csi, string Band, int Rows);

    public sealed record GradeDelinquency(string Grade, int Loans, int Delinquent, double Rate);

    public sealed record Result(string ModelId, int Scores, double? Psi, string Band, IReadOnlyList<CharacteristicStability> Characteristics, IReadOnlyList<GradeDelinquency> EarlyDelinquency, bool AlertRaised, bool CsiAlertRaised = false);

    public async Task<Result> RunAsync(CancellationToken ct)
    {
        var review = await monitoring.GetAsync(ct).ConfigureAwait(false);
        var drift = review.Drift;
        var stability = review.Stability;
        var characteristics = stability.Characteristics.Select(c => new CharacteristicStability(c.Name, c.Csi, c.Band, stability.Applications)).ToList();
        var delinquency = await EarlyDelinquencyAsync(ct).ConfigureAwait(false);
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var alert = drift.Psi is { } psi && psi >= options.PsiAlert && drift.Scores >= options.MinimumScores;
        var raised = false;
        if (alert)
        {
            var detail = string.Create(CultureInfo.InvariantCulture, $"model {review.ModelId}: score PSI {drift.Psi:0.0000} over {drift.Scores} scores from {drift.From:yyyy-MM-dd} to {drift.To:yyyy-MM-dd} (limit {options.PsiAlert:0.00})");
            if (await alerts.RaiseAsync(PsiAlertKind, $"{PsiAlertKind}:{review.ModelId}:{day}", "critical", detail, drift.Psi, ct).ConfigureAwait(false) is { } row)
            {
                raised = true;
                await mailer.SendAsync(row, ct).ConfigureAwait(false);
            }
        }

        var moved = stability.Applications >= options.MinimumScores ? stability.Characteristics.Where(c => c.Csi >= options.CsiAlert).ToList() : [];
        var csiRaised = false;
        if (moved.Count > 0)
        {
            var named = string.Join(", ", moved.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Csi:0.0000}")));
            var detail = string.Create(CultureInfo.InvariantCulture, $"model {review.ModelId}: characteristic CSI {named} over {stability.Applications} applications (limit {options.CsiAlert:0.00})");
            if (await alerts.RaiseAsync(CsiAlertKind, $"{CsiAlertKind}:{review.ModelId}:{day}", "warning", detail, moved.Max(c => c.Csi), ct).ConfigureAwait(false) is { } row)
            {
                csiRaised = true;
                await mailer.SendAsync(row, ct).ConfigureAwait(false);
            }
        }

        var result = new Result(review.ModelId, drift.Scores, drift.Psi, drift.Band, characteristics, delinquency, raised, csiRaised);
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
        var alerted = r.AlertRaised || r.CsiAlertRaised;
        var grades = string.Join(' ', r.EarlyDelinquency.Select(g => string.Create(inv, $"{g.Grade} {g.Delinquent}/{g.Loans}")));
        return RecordNote.Of(
            string.Create(inv, $"model {r.ModelId}: PSI {(psi.Length > 0 ? psi : "n/a")} ({r.Band}) over {r.Scores} scores; largest CSI {(csi.Length > 0 ? csi : "n/a")}; early delinquency {grades}{(alerted ? "; alert raised" : string.Empty)}"),
            ("model", r.ModelId), ("psi", psi), ("band", r.Band), ("scores", RecordNote.Count(r.Scores)), ("csi", csi), ("grades", grades), ("alert", alerted ? "raised" : "none"));
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

    /// <summary>The CSI of a characteristic at and above which staff are alerted (the "act" band, as for the PSI).</summary>
    public double CsiAlert { get; init; } = 0.25;

    /// <summary>Fewer recent scores than this make the PSI (and the CSI) too noisy to alert on.</summary>
    public int MinimumScores { get; init; } = ModelMonitoringQueries.MinimumForPsi;
}
