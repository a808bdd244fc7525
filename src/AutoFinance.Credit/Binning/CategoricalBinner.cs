using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Binning;

/// <summary>
/// Bins a categorical characteristic: rare categories pooled, categories ordered by bad rate, then grouped by the
/// same optimal partition as numbers (contiguous in that order, so the bad rate rises monotonically across groups).
/// Missing values and the analyst's sentinel categories get bins of their own.
/// </summary>
internal static class CategoricalBinner
{
    public static VariableBinning Bin(string name, int[] codes, IReadOnlyList<string> levels, byte[] target, IReadOnlySet<string> specials, BinningOptions options)
    {
        var goods = new int[levels.Count];
        var bads = new int[levels.Count];
        int totalGoods = 0, totalBads = 0, missingGoods = 0, missingBads = 0;
        for (var row = 0; row < codes.Length; row++)
        {
            var bad = target[row];
            totalBads += bad;
            totalGoods += 1 - bad;
            var code = codes[row];
            if (code == CategoricalColumn.Missing)
            {
                missingBads += bad;
                missingGoods += 1 - bad;
            }
            else
            {
                bads[code] += bad;
                goods[code] += 1 - bad;
            }
        }

        var rareLimit = options.RareCategoryShare * codes.Length;
        var atoms = new List<(List<string> Categories, int Goods, int Bads)>();
        var specialBins = new List<Bin>();
        (List<string> Categories, int Goods, int Bads) rare = ([], 0, 0);
        for (var code = 0; code < levels.Count; code++)
        {
            var count = goods[code] + bads[code];
            if (count == 0)
            {
                continue;
            }

            if (specials.Contains(levels[code]))
            {
                specialBins.Add(new Bin { Kind = BinKind.Special, Categories = [levels[code]], Goods = goods[code], Bads = bads[code], Woe = 0, Iv = 0 });
            }
            else if (count < rareLimit)
            {
                rare = (rare.Categories, rare.Goods + goods[code], rare.Bads + bads[code]);
                rare.Categories.Add(levels[code]);
            }
            else
            {
                atoms.Add(([levels[code]], goods[code], bads[code]));
            }
        }

        if (rare.Categories.Count > 0)
        {
            atoms.Add(rare);
        }

        var ordered = atoms
            .OrderBy(a => (a.Bads + 0.5) / (a.Goods + a.Bads + 1.0))
            .ThenBy(a => a.Categories[0], StringComparer.Ordinal)
            .ToArray();
        var constraints = new OptimalPartitioner.Constraints(
            (int)Math.Ceiling(options.MinBinShare * codes.Length), options.MinGoods, options.MinBads, options.MaxBins, options.Smoothing);
        var (groups, _) = OptimalPartitioner.Solve(
            ordered.Select(a => a.Goods).ToArray(), ordered.Select(a => a.Bads).ToArray(), totalGoods, totalBads, constraints, ascending: true);

        var bins = new List<Bin>();
        foreach (var (start, end) in groups)
        {
            var members = ordered[start..end];
            bins.Add(new Bin
            {
                Kind = BinKind.Categories,
                Categories = [.. members.SelectMany(a => a.Categories).Order(StringComparer.Ordinal)],
                Goods = members.Sum(a => a.Goods),
                Bads = members.Sum(a => a.Bads),
                Woe = 0,
                Iv = 0,
            });
        }

        if (missingGoods + missingBads > 0)
        {
            bins.Add(new Bin { Kind = BinKind.Missing, Goods = missingGoods, Bads = missingBads, Woe = 0, Iv = 0 });
        }

        bins.AddRange(specialBins);
        return new VariableBinning
        {
            Name = name,
            Kind = ColumnKind.Categorical,
            Bins = [.. bins.Select(b => WeightOfEvidence.Complete(b, totalGoods, totalBads, options.Smoothing))],
            Trend = MonotonicTrend.Ascending,
        };
    }
}
