using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Validation;

/// <summary>Population stability of the scores (PSI) and characteristic stability of each input (CSI).</summary>
public static class Stability
{
    public sealed record CharacteristicShift(string Name, double Csi, string Verdict, double NeutralShare);

    /// <summary>Expected and actual shares per training bin, the last entry the neutral band.</summary>
    public sealed record BinShareTable(double[] Expected, double[] Actual);

    public static double ScorePsi(PopulationRecord baseline, ReadOnlySpan<double> scores)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var expected = baseline.ScoreBands.Select(b => b.Share).ToArray();
        var actual = ValidationTables.Shares(baseline.ScoreBands, scores);
        return Metrics.Psi(expected, actual);
    }

    /// <summary>
    /// CSI of one characteristic: its training bin shares against the shares of the new rows, with values that fall in
    /// no training bin (unseen, out of range) counted as one more band that training had none of.
    /// </summary>
    public static CharacteristicShift Csi(Characteristic characteristic, ReadOnlySpan<BinMatch> matches)
    {
        var shares = BinShares(characteristic, matches);
        var csi = Metrics.Psi(shares.Expected, shares.Actual);
        return new CharacteristicShift(characteristic.Name, csi, Metrics.StabilityVerdict(csi), shares.Actual[^1]);
    }

    /// <summary>
    /// The shares the CSI compares: for each training bin, in the characteristic's order, its share of the training rows
    /// (expected) and of the new rows (actual), then the neutral band of values in no training bin (expected 0).
    /// With no new rows every actual share is 0.
    /// </summary>
    public static BinShareTable BinShares(Characteristic characteristic, ReadOnlySpan<BinMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(characteristic);
        var bins = characteristic.Bins.Count;
        var trainRows = (double)characteristic.Bins.Sum(b => b.Count);
        var expected = new double[bins + 1];
        for (var b = 0; b < bins; b++)
        {
            expected[b] = characteristic.Bins[b].Count / trainRows;
        }

        var actual = new double[bins + 1];
        foreach (var match in matches)
        {
            actual[match.IsNeutral ? bins : match.Bin]++;
        }

        for (var b = 0; b <= bins; b++)
        {
            actual[b] = matches.Length == 0 ? 0 : actual[b] / matches.Length;
        }

        return new BinShareTable(expected, actual);
    }
}
