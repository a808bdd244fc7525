using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Modelling;

namespace AutoFinance.Credit.Benchmarking;

/// <summary>
/// The plain baseline a scorecard has to beat: every column cut into equal-frequency bins (categories as they
/// are), missing in a bin of its own, WoE from the training sample, and one L2 logistic regression on all of them
/// with no selection, no monotonic merging and no sign checks. A value the training sample never showed gets WoE 0.
/// </summary>
public sealed class WoeLogisticBaseline
{
    private const double Smoothing = 0.5;

    private readonly IReadOnlyList<ColumnWoe> _columns;
    private readonly LogisticFit _fit;

    private WoeLogisticBaseline(IReadOnlyList<ColumnWoe> columns, LogisticFit fit)
    {
        _columns = columns;
        _fit = fit;
    }

    public static WoeLogisticBaseline Fit(CreditDataset train, int bins = 5, double l2Penalty = 1.0)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        var columns = train.Columns.Select(c => ColumnWoe.Learn(c, train.Target, bins)).ToList();
        var features = columns.Select((c, i) => c.Transform(train.Columns[i])).ToList();
        return new WoeLogisticBaseline(columns, LogisticRegression.Fit(features, train.Target, l2Penalty));
    }

    /// <summary>Probability of bad for every row of a sample with the training sample's columns.</summary>
    public double[] PredictPd(CreditDataset sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var logit = new double[sample.Rows];
        Array.Fill(logit, _fit.Intercept);
        for (var j = 0; j < _columns.Count; j++)
        {
            var column = sample.Find(_columns[j].Name) ?? throw new CreditDataException($"the column '{_columns[j].Name}' is not in the sample");
            var woe = _columns[j].Transform(column);
            for (var r = 0; r < logit.Length; r++)
            {
                logit[r] += _fit.Coefficients[j] * woe[r];
            }
        }

        return [.. logit.Select(LogisticRegression.Sigmoid)];
    }

    /// <summary>One column's bins: upper edges for numbers (a value goes to the first edge it does not exceed), codes for categories.</summary>
    private sealed record ColumnWoe(string Name, double[] Edges, Dictionary<int, double> WoeOfBin)
    {
        private const int MissingBin = -1;

        public static ColumnWoe Learn(DatasetColumn column, byte[] target, int bins)
        {
            var edges = column is NumericColumn numeric ? QuantileEdges(numeric.Values, bins) : [];
            var goods = new Dictionary<int, int>();
            var bads = new Dictionary<int, int>();
            var bin = BinsOf(column, edges);
            for (var r = 0; r < bin.Length; r++)
            {
                var counts = target[r] == 1 ? bads : goods;
                counts[bin[r]] = counts.GetValueOrDefault(bin[r]) + 1;
            }

            var totalBads = target.Count(t => t == 1);
            var totalGoods = target.Length - totalBads;
            var woe = goods.Keys.Union(bads.Keys).ToDictionary(
                b => b,
                b => WeightOfEvidence.Of(goods.GetValueOrDefault(b), bads.GetValueOrDefault(b), totalGoods, totalBads, Smoothing).Woe);
            return new ColumnWoe(column.Name, edges, woe);
        }

        public double[] Transform(DatasetColumn column) => [.. BinsOf(column, Edges).Select(b => WoeOfBin.GetValueOrDefault(b))];

        private static int[] BinsOf(DatasetColumn column, double[] edges) => column switch
        {
            NumericColumn n => [.. n.Values.Select(v => double.IsNaN(v) ? MissingBin : UpperEdgeIndex(edges, v))],
            CategoricalColumn c => [.. c.Codes.Select(code => code == CategoricalColumn.Missing ? MissingBin : code)],
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.GetType().Name, "unknown column kind"),
        };

        private static int UpperEdgeIndex(double[] edges, double value)
        {
            var i = Array.BinarySearch(edges, value);
            return i >= 0 ? i : ~i;
        }

        /// <summary>The distinct values at the 1/k … (k−1)/k quantiles of the values present.</summary>
        private static double[] QuantileEdges(double[] values, int bins)
        {
            var present = values.Where(v => !double.IsNaN(v)).Order().ToArray();
            if (present.Length == 0)
            {
                return [];
            }

            return [.. Enumerable.Range(1, bins - 1)
                .Select(q => present[Math.Min(present.Length - 1, (int)Math.Floor(q * present.Length / (double)bins))])
                .Distinct()];
        }
    }
}
