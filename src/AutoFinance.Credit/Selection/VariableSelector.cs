using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using MathNet.Numerics.LinearAlgebra;

namespace AutoFinance.Credit.Selection;

/// <summary>
/// Chooses the characteristics of a scorecard, in a fixed and recorded order:
/// 1. information value below the minimum: dropped;
/// 2. by IV from the strongest down, a characteristic whose WoE correlates above the limit with one already kept: dropped;
/// 3. beyond the maximum count: the weakest dropped;
/// 4. while a variance inflation factor exceeds the limit: the characteristic with the highest VIF dropped.
/// (The coefficient-sign check comes after fitting, in the trainer.)
/// </summary>
public static class VariableSelector
{
    public static (IReadOnlyList<string> Kept, IReadOnlyList<SelectionEntry> Log) Select(
        IReadOnlyList<VariableBinning> binnings, IReadOnlyDictionary<string, double[]> woe, SelectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(binnings);
        ArgumentNullException.ThrowIfNull(woe);
        ArgumentNullException.ThrowIfNull(options);
        var log = new List<SelectionEntry>();
        var candidates = new List<VariableBinning>();
        foreach (var binning in binnings.OrderByDescending(b => b.Iv).ThenBy(b => b.Name, StringComparer.Ordinal))
        {
            if (binning.Iv < options.MinIv)
            {
                log.Add(new SelectionEntry(binning.Name, "iv", false, $"IV {binning.Iv:0.0000} below {options.MinIv}"));
            }
            else
            {
                candidates.Add(binning);
            }
        }

        var kept = new List<VariableBinning>();
        foreach (var candidate in candidates)
        {
            var clash = kept
                .Select(k => (k.Name, R: Correlation(woe[candidate.Name], woe[k.Name])))
                .FirstOrDefault(c => Math.Abs(c.R) > options.MaxCorrelation);
            if (clash.Name is not null)
            {
                log.Add(new SelectionEntry(candidate.Name, "correlation", false, $"WoE correlation {clash.R:0.000} with {clash.Name}, which has higher IV"));
            }
            else if (kept.Count >= options.MaxCharacteristics)
            {
                log.Add(new SelectionEntry(candidate.Name, "count", false, $"beyond the {options.MaxCharacteristics} strongest characteristics"));
            }
            else
            {
                kept.Add(candidate);
            }
        }

        while (kept.Count > 1)
        {
            var vif = Vif([.. kept.Select(k => woe[k.Name])]);
            var worst = Enumerable.Range(0, kept.Count).MaxBy(i => vif[i]);
            if (vif[worst] <= options.MaxVif)
            {
                break;
            }

            log.Add(new SelectionEntry(kept[worst].Name, "vif", false, $"VIF {vif[worst]:0.00} above {options.MaxVif}"));
            kept.RemoveAt(worst);
        }

        foreach (var k in kept)
        {
            log.Add(new SelectionEntry(k.Name, "selected", true, $"IV {k.Iv:0.0000}"));
        }

        return ([.. kept.Select(k => k.Name)], log);
    }

    public static double Correlation(double[] x, double[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Length; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }

        meanX /= x.Length;
        meanY /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Variance inflation factors: the diagonal of the inverse correlation matrix.</summary>
    public static double[] Vif(IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var p = columns.Count;
        var r = Matrix<double>.Build.Dense(p, p);
        for (var j = 0; j < p; j++)
        {
            r[j, j] = 1;
            for (var k = j + 1; k < p; k++)
            {
                r[j, k] = r[k, j] = Correlation(columns[j], columns[k]);
            }
        }

        var inverse = r.Inverse();
        return [.. Enumerable.Range(0, p).Select(j => double.IsFinite(inverse[j, j]) ? inverse[j, j] : double.PositiveInfinity)];
    }
}
