using AutoFinance.Credit.Data;
using AutoFinance.Credit.Modelling;

namespace AutoFinance.Credit.Explainable;

/// <summary>
/// Scores and explains with a trained explainable boosting machine. Every prediction is additive: the log-odds are
/// the intercept plus one score per term, so each term's score is its exact contribution.
/// </summary>
public sealed class EbmModel(EbmRecord record)
{
    public EbmRecord Record { get; } = record ?? throw new ArgumentNullException(nameof(record));

    public double[] PredictPd(CreditDataset data) => [.. LogOdds(data).Select(LogisticRegression.Sigmoid)];

    public double[] LogOdds(CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var bins = EbmBinning.Assign(Record.Features, data);
        var logit = new double[data.Rows];
        Array.Fill(logit, Record.Intercept);
        foreach (var term in Record.Terms)
        {
            for (var r = 0; r < logit.Length; r++)
            {
                logit[r] += TermScore(term, bins, r);
            }
        }

        return logit;
    }

    /// <summary>Each term's contribution to one row's log-odds of bad, in the order of <see cref="EbmRecord.Terms"/>.</summary>
    public double[] Contributions(CreditDataset data, int row)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, data.Rows);
        var bins = EbmBinning.Assign(Record.Features, data.Select([row]));
        return [.. Record.Terms.Select(t => TermScore(t, bins, 0))];
    }

    /// <summary>One row's log-odds as the intercept plus each term's contribution, with the bins the row fell in.</summary>
    public EbmExplanation Explain(CreditDataset data, int row)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, data.Rows);
        var bins = EbmBinning.Assign(Record.Features, data.Select([row]));
        return new EbmExplanation(Record.Intercept, [.. Record.Terms.Select(term => new EbmContribution(
            term.Name,
            term.FeatureIndexes,
            [.. term.FeatureIndexes.Select(f => bins[f][0])],
            TermScore(term, bins, 0)))]);
    }

    /// <summary>The terms that raise one row's PD most, strongest first, at most <paramref name="count"/>.</summary>
    public IReadOnlyList<(string Term, double LogOdds)> Reasons(CreditDataset data, int row, int count = 4)
    {
        var contributions = Contributions(data, row);
        return [.. contributions
            .Select((c, i) => (Record.Terms[i].Name, c))
            .Where(p => p.c > 0)
            .OrderByDescending(p => p.c)
            .Take(count)];
    }

    internal static double TermScore(EbmTerm term, int[][] bins, int row)
    {
        var first = bins[term.FeatureIndexes[0]][row];
        if (first == EbmBinning.Unseen)
        {
            return 0;
        }

        if (!term.IsPair)
        {
            return term.Scores[first];
        }

        var second = bins[term.FeatureIndexes[1]][row];
        if (second == EbmBinning.Unseen)
        {
            return 0;
        }

        var groups = term.Groups!;
        return term.Scores[(groups[0][first] * term.SecondGroupCount) + groups[1][second]];
    }
}
