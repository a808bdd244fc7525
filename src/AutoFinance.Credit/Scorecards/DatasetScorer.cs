using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Scorecards;

/// <summary>Scores every row of a dataset with a scorecard.</summary>
public static class DatasetScorer
{
    public sealed record Scored(double[] Scores, double[] Pd, int[] Grades, BinMatch[][] Matches);

    public static Scored Score(Scorecard scorecard, CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(data);
        var columns = scorecard.Characteristics
            .Select(c => data.Find(c.Name) ?? throw new CreditDataException($"the column '{c.Name}' the model uses is not in the file"))
            .ToArray();
        var rows = data.Rows;
        var scores = new double[rows];
        var pd = new double[rows];
        var grades = new int[rows];
        var matches = new BinMatch[columns.Length][];
        for (var c = 0; c < columns.Length; c++)
        {
            var locator = scorecard.LocatorOf(c);
            var column = columns[c];
            var m = new BinMatch[rows];
            for (var row = 0; row < rows; row++)
            {
                m[row] = locator.Locate(column, row);
            }

            matches[c] = m;
        }

        Parallel.For(0, rows, () => (new BinMatch[columns.Length], new Reason[Scorecard.MaxReasons]), (row, _, buffers) =>
        {
            var (rowMatches, reasons) = buffers;
            for (var c = 0; c < columns.Length; c++)
            {
                rowMatches[c] = matches[c][row];
            }

            var result = scorecard.Score(rowMatches, reasons);
            scores[row] = result.Score;
            pd[row] = result.Pd;
            grades[row] = result.Grade;
            return buffers;
        }, _ => { });
        return new Scored(scores, pd, grades, matches);
    }
}
