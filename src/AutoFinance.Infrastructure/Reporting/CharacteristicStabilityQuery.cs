using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Validation;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Reporting;

/// <summary>
/// The stability of each characteristic of the active scorecard (CSI): the share of recent applications in each of its
/// bins against the training sample's, read from the bins each decision recorded in its score check (in the model's
/// order, -1 for a value in no training bin), so nothing is scored again.
/// </summary>
/// <remarks>
/// Only applications scored by the active model version in the window count, those whose record has a bin for every
/// characteristic. Values in no training bin are one more band that training had none of; it is listed only when some
/// recent value fell in it. Characteristics come largest CSI first, so the one that moved the score heads the list.
/// </remarks>
internal static class CharacteristicStabilityQuery
{
    public static async Task<ModelMonitoringQueries.CharacteristicStability> GetAsync(AutoFinanceDbContext db, ScorecardDocument document, DateTimeOffset since, CancellationToken ct)
    {
        var checks = await db.Applications.AsNoTracking()
            .Where(a => a.ModelVersion == document.ModelId && a.Score != null && a.SubmittedAt >= since)
            .Select(a => a.ChecksJson)
            .ToListAsync(ct).ConfigureAwait(false);
        var characteristics = document.Characteristics;
        var matches = characteristics.Select(_ => new List<BinMatch>()).ToArray();
        var rows = 0;
        foreach (var json in checks)
        {
            var bins = (Json.Deserialize<List<CheckRecord>>(json) ?? []).FirstOrDefault(c => c.Stage == "score")?.Values.GetValueOrDefault("bins");
            var parts = bins?.Split(',');
            if (parts is null || parts.Length != characteristics.Count)
            {
                continue;
            }

            rows++;
            for (var i = 0; i < parts.Length; i++)
            {
                var bin = int.Parse(parts[i], CultureInfo.InvariantCulture);
                matches[i].Add(new BinMatch(bin < 0 ? BinMatch.Neutral : bin, default));
            }
        }

        if (rows == 0)
        {
            return new(0, true, []);
        }

        var drifts = characteristics.Select((c, i) => Drift(c, [.. matches[i]])).OrderByDescending(d => d.Csi).ToList();
        return new(rows, rows < ModelMonitoringQueries.MinimumForPsi, drifts);
    }

    private static ModelMonitoringQueries.CharacteristicDrift Drift(Characteristic characteristic, BinMatch[] matches)
    {
        var shift = Stability.Csi(characteristic, matches);
        var shares = Stability.BinShares(characteristic, matches);
        var bins = characteristic.Bins
            .Select((b, k) => new ModelMonitoringQueries.BinShareRow(ModelMonitoringQueries.Label(b), b.Kind.ToString().ToLowerInvariant(), shares.Expected[k], shares.Actual[k]))
            .ToList();
        if (shift.NeutralShare > 0)
        {
            bins.Add(new ModelMonitoringQueries.BinShareRow(string.Empty, "unseen", 0, shift.NeutralShare));
        }

        return new(characteristic.Name, characteristic.Description, shift.Csi, ModelMonitoringQueries.BandOf(shift.Csi), bins);
    }
}
