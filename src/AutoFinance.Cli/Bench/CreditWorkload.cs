using System.Globalization;
using System.Text;
using AutoFinance.Credit.Data;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// The credit benchmark's data: a table of applicants with 5 categorical characteristics and the rest numeric, and a
/// bad flag drawn from a logistic model of some of them, so binning and fitting have real signal to find. Seeded.
/// </summary>
public static class CreditWorkload
{
    public const int CategoricalColumns = 5;
    public const int DefaultColumns = 50;
    private static readonly string[][] Levels =
    [
        ["salaried", "self-employed", "civil-servant", "retired", "student", "unemployed"],
        ["owner", "mortgage", "rent", "family"],
        ["new", "used", "certified"],
        ["north", "south", "east", "west", "central", "north-east", "south-west"],
        ["online", "dealer", "branch"],
    ];

    public static CreditDataset Generate(int rows, int seed, int columns = DefaultColumns)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, CategoricalColumns + 1);
        var numericColumns = columns - CategoricalColumns;
        var random = new Random(seed);
        var numeric = new double[numericColumns][];
        var codes = new int[CategoricalColumns][];
        for (var c = 0; c < numericColumns; c++)
        {
            numeric[c] = new double[rows];
        }

        for (var c = 0; c < CategoricalColumns; c++)
        {
            codes[c] = new int[rows];
        }

        var target = new byte[rows];
        for (var r = 0; r < rows; r++)
        {
            var logit = -2.2;
            for (var c = 0; c < numericColumns; c++)
            {
                var value = Math.Round(Gaussian(random) * 10 + 50, 1);
                numeric[c][r] = c % 7 == 6 && random.NextDouble() < 0.05 ? double.NaN : value;
                if (c < 8)
                {
                    logit += (c % 2 == 0 ? 0.04 : -0.03) * (value - 50);
                }
            }

            for (var c = 0; c < CategoricalColumns; c++)
            {
                var code = random.Next(Levels[c].Length);
                codes[c][r] = code;
                logit += 0.15 * (code - (Levels[c].Length / 2.0)) * (c < 3 ? 1 : 0);
            }

            target[r] = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? (byte)1 : (byte)0;
        }

        var table = new List<DatasetColumn>();
        table.AddRange(numeric.Select((values, c) => new NumericColumn($"x{c + 1:00}", values)));
        table.AddRange(codes.Select((values, c) => new CategoricalColumn($"c{c + 1}", values, Levels[c])));
        return new CreditDataset(table, target);
    }

    /// <summary>The same table as CSV bytes (UTF-8, header row, target column "bad").</summary>
    public static byte[] ToCsv(CreditDataset data)
    {
        var text = new StringBuilder(data.Rows * 120);
        text.AppendJoin(',', data.Columns.Select(c => c.Name)).Append(",bad\n");
        for (var r = 0; r < data.Rows; r++)
        {
            foreach (var column in data.Columns)
            {
                switch (column)
                {
                    case NumericColumn n when !double.IsNaN(n.Values[r]):
                        text.Append(n.Values[r].ToString(CultureInfo.InvariantCulture));
                        break;
                    case CategoricalColumn c:
                        text.Append(c.Levels[c.Codes[r]]);
                        break;
                }

                text.Append(',');
            }

            text.Append(data.Target[r]).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
