using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Modelling;
using AutoFinance.Credit.Selection;

namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// Fits a scorecard on one sample: bins every characteristic, selects, fits the logistic regression on WoE, removes
/// characteristics whose coefficient has the wrong sign (one at a time, refitting), and scales points.
/// With WoE = ln(%good/%bad), a characteristic that separates the right way has a negative coefficient on P(bad).
/// </summary>
public static class ScorecardFitter
{
    public static FittedScorecard Fit(
        CreditDataset sample, TrainingOptions options, IReadOnlyList<double> specialNumbers, IReadOnlySet<string> specialCategories)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        var binnings = Binner.BinAll(sample, options.Binning, specialNumbers, specialCategories);
        var woe = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var woeColumns = new double[binnings.Count][];
        Parallel.For(0, binnings.Count, i => woeColumns[i] = WoeColumn(binnings[i], sample.Columns[i]));
        for (var i = 0; i < binnings.Count; i++)
        {
            woe[binnings[i].Name] = woeColumns[i];
        }

        var (selected, selectionLog) = VariableSelector.Select(binnings, woe, options.Selection);
        var log = selectionLog.Where(e => !e.Kept).ToList();
        var kept = selected.ToList();
        LogisticFit fit;
        while (true)
        {
            if (kept.Count == 0)
            {
                throw new CreditDataException("no characteristic separates goods from bads well enough to build a scorecard (all were dropped by selection)");
            }

            fit = LogisticRegression.Fit([.. kept.Select(k => woe[k])], sample.Target, options.L2Penalty);
            var wrong = Enumerable.Range(0, kept.Count).Where(j => fit.Coefficients[j] >= 0).ToArray();
            if (wrong.Length == 0)
            {
                break;
            }

            var worst = wrong.MaxBy(j => fit.Coefficients[j]);
            log.Add(new SelectionEntry(kept[worst], "sign", false, $"coefficient {fit.Coefficients[worst]:0.0000} has the wrong sign in the joint model"));
            kept.RemoveAt(worst);
        }

        var byName = binnings.ToDictionary(b => b.Name, StringComparer.Ordinal);
        var scaling = options.Scaling;
        var basePoints = (scaling.Offset - (scaling.Factor * fit.Intercept)) / kept.Count;
        var characteristics = kept.Select((name, j) =>
        {
            var binning = byName[name];
            var coefficient = fit.Coefficients[j];
            return new Characteristic
            {
                Name = name,
                Description = name.Replace('_', ' '),
                Kind = binning.Kind,
                Coefficient = coefficient,
                StandardError = fit.StandardErrors[j],
                Iv = binning.Iv,
                Trend = binning.Trend,
                Min = binning.Min,
                Max = binning.Max,
                NeutralPoints = Round(basePoints, scaling.PointsDecimals),
                Bins = [.. binning.Bins.Select(b => new ScoredBin
                {
                    Kind = b.Kind,
                    Lower = b.Lower,
                    Upper = b.Upper,
                    Categories = b.Categories,
                    SpecialValue = b.SpecialValue,
                    Goods = b.Goods,
                    Bads = b.Bads,
                    Woe = b.Woe,
                    Iv = b.Iv,
                    Points = Round(basePoints - (scaling.Factor * coefficient * b.Woe), scaling.PointsDecimals),
                })],
            };
        }).ToArray();

        log.AddRange(kept.Select((name, j) => new SelectionEntry(name, "selected", true, $"IV {byName[name].Iv:0.0000}, coefficient {fit.Coefficients[j]:0.0000}")));
        return new FittedScorecard(fit.Intercept, characteristics, log);
    }

    private static double[] WoeColumn(VariableBinning binning, DatasetColumn column)
    {
        var locator = BinLocator.For(binning);
        var woe = new double[column.Length];
        for (var row = 0; row < woe.Length; row++)
        {
            var match = locator.Locate(column, row);
            woe[row] = match.IsNeutral ? 0 : binning.Bins[match.Bin].Woe;
        }

        return woe;
    }

    private static double Round(double value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}
