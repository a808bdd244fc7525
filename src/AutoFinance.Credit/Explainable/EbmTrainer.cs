using AutoFinance.Credit.Data;
using AutoFinance.Credit.Modelling;
using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Explainable;

/// <summary>
/// Trains a GA²M explainable boosting machine (as InterpretML's EBM): first the main effects, boosted cyclically one
/// feature at a time with a small learning rate so no feature takes credit that belongs to another; then the pairs of
/// features whose best 2×2 split of the remaining residuals gains most (FAST ranking), boosted the same way. Both
/// phases stop at the best log loss on a stratified validation part. Written by hand: no .NET library has one.
/// </summary>
public static class EbmTrainer
{
    public static EbmRecord Train(CreditDataset train, EbmOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToArray();
        if (problems.Length > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        if (train.Bads == 0 || train.Bads == train.Rows)
        {
            throw new CreditDataException("the training sample needs both goods and bads");
        }

        var features = EbmBinning.Learn(train, options.MaxBins);
        var bins = EbmBinning.Assign(features, train);
        var everyRow = Enumerable.Range(0, train.Rows).ToArray();

        // Outer bags: each bag boosts on its own stratified fit/validation split; the shape functions are averaged,
        // which smooths the noise one small validation part would leave in where boosting stops.
        var splits = Enumerable.Range(0, options.Bags)
            .Select(bag => Sampling.StratifiedSplit(train.Target, options.ValidationFraction, options.Seed + bag))
            .ToArray();
        var intercept = splits.Average(split => BoostingState.BaseLogOdds(train.Target, split.Train));
        var mainBags = new List<List<BoostedTerm>>();
        var mainRounds = 0;
        foreach (var (fitRows, validRows) in splits)
        {
            var state = new BoostingState(train.Target, bins, features, options);
            state.Start(intercept, fitRows, validRows, []);
            var mains = features.Select((f, i) => new BoostedTerm(f.Name, [i], new double[f.BinCount], null, 0)).ToList();
            mainRounds += state.Boost(mains);
            mainBags.Add(mains);
        }

        var mainTerms = Average(mainBags);
        var pairs = new List<BoostedTerm>();
        var pairRounds = 0;
        if (options.Interactions > 0)
        {
            var ranking = new BoostingState(train.Target, bins, features, options);
            ranking.Start(intercept, everyRow, [], mainTerms);
            var chosen = RankPairs(features, mainTerms, ranking, options).Take(options.Interactions).ToList();
            if (chosen.Count > 0)
            {
                var pairBags = new List<List<BoostedTerm>>();
                foreach (var (fitRows, validRows) in splits)
                {
                    var state = new BoostingState(train.Target, bins, features, options);
                    state.Start(intercept, fitRows, validRows, mainTerms);
                    var bagPairs = chosen.Select(p => p with { Scores = new double[p.Scores.Length] }).ToList();
                    pairRounds += state.Boost(bagPairs);
                    pairBags.Add(bagPairs);
                }

                pairs = Average(pairBags);
            }
        }

        var terms = mainTerms.Concat(pairs).ToList();
        var centring = new BoostingState(train.Target, bins, features, options);
        foreach (var term in terms)
        {
            intercept += centring.Centre(term);
        }

        return new EbmRecord
        {
            Intercept = intercept,
            Features = features,
            Terms = [.. terms.Select(t => new EbmTerm(t.Name, t.Features, t.Scores, t.Groups, t.SecondGroupCount))],
            MainRounds = mainRounds / options.Bags,
            PairRounds = pairRounds / options.Bags,
            Bags = options.Bags,
        };
    }

    private static List<BoostedTerm> Average(List<List<BoostedTerm>> bags) =>
        [.. bags[0].Select((term, t) => term with
        {
            Scores = [.. Enumerable.Range(0, term.Scores.Length).Select(c => bags.Average(bag => bag[t].Scores[c]))],
        })];

    /// <summary>Every pair by the gain of its best 2×2 split of the residual gradients left by the main effects, best first.</summary>
    private static IEnumerable<BoostedTerm> RankPairs(IReadOnlyList<EbmFeature> features, List<BoostedTerm> mains, BoostingState state, EbmOptions options)
    {
        var groups = features.Select((f, i) => CoarseGroups(f, mains[i].Scores, state.BinCounts(i), options.InteractionBins)).ToArray();
        var ranked = new List<(double Gain, BoostedTerm Term)>();
        for (var a = 0; a < features.Count; a++)
        {
            for (var b = a + 1; b < features.Count; b++)
            {
                var term = new BoostedTerm(
                    $"{features[a].Name} × {features[b].Name}", [a, b], new double[groups[a].Count * groups[b].Count], [groups[a].Map, groups[b].Map], groups[b].Count);
                var gain = state.BestCross(term).Gain;
                if (gain > 0)
                {
                    ranked.Add((gain, term));
                }
            }
        }

        return ranked.OrderByDescending(r => r.Gain).Select(r => r.Term);
    }

    /// <summary>
    /// Coarse groups of one feature for interactions: missing alone in group 0, the other bins (by value for numbers,
    /// by their main-effect score for categories) dealt into at most <paramref name="count"/> groups of similar size.
    /// </summary>
    private static (int[] Map, int Count) CoarseGroups(EbmFeature feature, double[] mainScores, int[] rowsPerBin, int count)
    {
        var ordinary = Enumerable.Range(1, feature.BinCount - 1);
        if (feature.Kind == ColumnKind.Categorical)
        {
            ordinary = ordinary.OrderBy(b => mainScores[b]).ThenBy(b => b);
        }

        var bins = ordinary.ToArray();
        var total = bins.Sum(b => rowsPerBin[b]);
        var map = new int[feature.BinCount];
        var group = 1;
        var filled = 0;
        foreach (var bin in bins)
        {
            map[bin] = group;
            filled += rowsPerBin[bin];
            if (group < count && filled >= (double)total * group / count)
            {
                group++;
            }
        }

        return (map, bins.Length == 0 ? 1 : map.Max() + 1);
    }

    /// <summary>A term while it is boosted: its cells' scores, and for a pair the map of each feature's bins to groups.</summary>
    internal sealed record BoostedTerm(string Name, int[] Features, double[] Scores, int[][]? Groups, int SecondGroupCount);

    /// <summary>The rows' log-odds while terms are boosted, with the fit and validation parts.</summary>
    private sealed class BoostingState(byte[] target, int[][] bins, IReadOnlyList<EbmFeature> features, EbmOptions options)
    {
        private readonly double[] _logit = new double[target.Length];
        private int[] _fit = [];
        private int[] _valid = [];

        public static double BaseLogOdds(byte[] target, int[] fitRows)
        {
            var bads = fitRows.Sum(r => target[r]);
            var rate = Math.Clamp((double)bads / fitRows.Length, 1e-6, 1 - 1e-6);
            return Math.Log(rate / (1 - rate));
        }

        /// <summary>Log-odds of every row from the intercept and the terms already fitted, which stay fixed.</summary>
        public void Start(double intercept, int[] fitRows, int[] validRows, IReadOnlyList<BoostedTerm> fixedTerms)
        {
            (_fit, _valid) = (fitRows, validRows);
            Array.Fill(_logit, intercept);
            foreach (var term in fixedTerms)
            {
                for (var r = 0; r < _logit.Length; r++)
                {
                    var cell = Cell(term, r);
                    if (cell >= 0)
                    {
                        _logit[r] += term.Scores[cell];
                    }
                }
            }
        }

        public int[] BinCounts(int feature)
        {
            var counts = new int[features[feature].BinCount];
            foreach (var bin in bins[feature])
            {
                if (bin >= 0)
                {
                    counts[bin]++;
                }
            }

            return counts;
        }

        /// <summary>Boosts the terms round by round until the validation loss stops improving; keeps the best round.</summary>
        public int Boost(List<BoostedTerm> terms)
        {
            var best = ValidationLoss();
            var bestRound = 0;
            var snapshot = terms.Select(t => (double[])t.Scores.Clone()).ToArray();
            for (var round = 1; round <= options.MaxRounds && round - bestRound <= options.Patience; round++)
            {
                foreach (var term in terms)
                {
                    Step(term);
                }

                var loss = ValidationLoss();
                if (loss < best - 1e-12)
                {
                    (best, bestRound) = (loss, round);
                    for (var t = 0; t < terms.Count; t++)
                    {
                        Array.Copy(terms[t].Scores, snapshot[t], snapshot[t].Length);
                    }
                }
            }

            for (var t = 0; t < terms.Count; t++)
            {
                var back = new double[snapshot[t].Length];
                for (var c = 0; c < back.Length; c++)
                {
                    back[c] = snapshot[t][c] - terms[t].Scores[c];
                }

                Add(terms[t], back);
                Array.Copy(snapshot[t], terms[t].Scores, snapshot[t].Length);
            }

            return bestRound;
        }

        /// <summary>
        /// Shifts a term so its mean over the training rows is 0 and answers the shift, for the intercept. A cell no
        /// training row fell in (missing never seen, an empty pair cell) is set to 0: it scores neutral, as unseen does.
        /// </summary>
        public double Centre(BoostedTerm term)
        {
            var rows = new int[term.Scores.Length];
            var sum = 0.0;
            for (var r = 0; r < target.Length; r++)
            {
                var cell = Cell(term, r);
                rows[cell]++;
                sum += term.Scores[cell];
            }

            var mean = sum / target.Length;
            for (var c = 0; c < term.Scores.Length; c++)
            {
                term.Scores[c] = rows[c] == 0 ? 0 : term.Scores[c] - mean;
            }

            return mean;
        }

        public (double Gain, int Cut1, int Cut2) BestCross(BoostedTerm term)
        {
            var (g, h, n) = Sums(term);
            var rows = term.Scores.Length / term.SecondGroupCount;
            var columns = term.SecondGroupCount;
            double totalG = g.Sum(), totalH = h.Sum();
            var parent = totalG * totalG / (totalH + options.L2);
            var best = (Gain: 0.0, Cut1: -1, Cut2: -1);
            for (var cut1 = 1; cut1 < rows; cut1++)
            {
                for (var cut2 = 1; cut2 < columns; cut2++)
                {
                    var gain = -parent;
                    var feasible = true;
                    foreach (var (r0, r1, c0, c1) in Quadrants(rows, columns, cut1, cut2))
                    {
                        var (qg, qh, qn) = Block(g, h, n, columns, r0, r1, c0, c1);
                        if (qn < options.MinRowsPerLeaf)
                        {
                            feasible = false;
                            break;
                        }

                        gain += qg * qg / (qh + options.L2);
                    }

                    if (feasible && gain > best.Gain + 1e-12)
                    {
                        best = (gain, cut1, cut2);
                    }
                }
            }

            return best;
        }

        private void Step(BoostedTerm term)
        {
            if (term.Groups is not null)
            {
                StepPair(term);
                return;
            }

            var (g, h, n) = Sums(term);
            var delta = new double[term.Scores.Length];
            if (n[0] >= options.MinRowsPerLeaf)
            {
                delta[0] = options.LearningRate * g[0] / (h[0] + options.L2);
            }

            var ordinary = Enumerable.Range(1, term.Scores.Length - 1);
            var order = features[term.Features[0]].Kind == ColumnKind.Categorical
                ? ordinary.OrderBy(b => g[b] / (h[b] + options.L2)).ThenBy(b => b).ToArray()
                : ordinary.ToArray();
            foreach (var (start, end) in LeafSplitter.Split(order, g, h, n, options.MaxLeaves, options.MinRowsPerLeaf, options.L2))
            {
                double leafG = 0, leafH = 0;
                for (var i = start; i < end; i++)
                {
                    leafG += g[order[i]];
                    leafH += h[order[i]];
                }

                var value = options.LearningRate * leafG / (leafH + options.L2);
                for (var i = start; i < end; i++)
                {
                    delta[order[i]] = value;
                }
            }

            Add(term, delta);
        }

        private void StepPair(BoostedTerm term)
        {
            var (gain, cut1, cut2) = BestCross(term);
            if (gain <= 0)
            {
                return;
            }

            var (g, h, n) = Sums(term);
            var columns = term.SecondGroupCount;
            var rows = term.Scores.Length / columns;
            var delta = new double[term.Scores.Length];
            foreach (var (r0, r1, c0, c1) in Quadrants(rows, columns, cut1, cut2))
            {
                var (qg, qh, _) = Block(g, h, n, columns, r0, r1, c0, c1);
                var value = options.LearningRate * qg / (qh + options.L2);
                for (var r = r0; r < r1; r++)
                {
                    for (var c = c0; c < c1; c++)
                    {
                        delta[(r * columns) + c] = value;
                    }
                }
            }

            Add(term, delta);
        }

        private void Add(BoostedTerm term, double[] delta)
        {
            for (var c = 0; c < delta.Length; c++)
            {
                term.Scores[c] += delta[c];
            }

            for (var r = 0; r < _logit.Length; r++)
            {
                var cell = Cell(term, r);
                if (cell >= 0)
                {
                    _logit[r] += delta[cell];
                }
            }
        }

        /// <summary>Gradient and hessian of the log loss (in the direction that lowers it) and row count per cell, over the fit rows.</summary>
        private (double[] G, double[] H, int[] N) Sums(BoostedTerm term)
        {
            var g = new double[term.Scores.Length];
            var h = new double[term.Scores.Length];
            var n = new int[term.Scores.Length];
            foreach (var r in _fit)
            {
                var cell = Cell(term, r);
                if (cell < 0)
                {
                    continue;
                }

                var p = LogisticRegression.Sigmoid(_logit[r]);
                g[cell] += target[r] - p;
                h[cell] += p * (1 - p);
                n[cell]++;
            }

            return (g, h, n);
        }

        private int Cell(BoostedTerm term, int row)
        {
            var first = bins[term.Features[0]][row];
            if (first < 0 || term.Groups is null)
            {
                return first;
            }

            var second = bins[term.Features[1]][row];
            return second < 0 ? -1 : (term.Groups[0][first] * term.SecondGroupCount) + term.Groups[1][second];
        }

        private double ValidationLoss()
        {
            var loss = 0.0;
            foreach (var r in _valid)
            {
                var p = Math.Clamp(LogisticRegression.Sigmoid(_logit[r]), 1e-12, 1 - 1e-12);
                loss -= target[r] == 1 ? Math.Log(p) : Math.Log(1 - p);
            }

            return loss / Math.Max(1, _valid.Length);
        }

        private static (int R0, int R1, int C0, int C1)[] Quadrants(int rows, int columns, int cut1, int cut2) =>
            [(0, cut1, 0, cut2), (0, cut1, cut2, columns), (cut1, rows, 0, cut2), (cut1, rows, cut2, columns)];

        private static (double G, double H, int N) Block(double[] g, double[] h, int[] n, int columns, int r0, int r1, int c0, int c1)
        {
            double sg = 0, sh = 0;
            var sn = 0;
            for (var r = r0; r < r1; r++)
            {
                for (var c = c0; c < c1; c++)
                {
                    var i = (r * columns) + c;
                    sg += g[i];
                    sh += h[i];
                    sn += n[i];
                }
            }

            return (sg, sh, sn);
        }
    }
}
