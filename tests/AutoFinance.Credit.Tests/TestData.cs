using System.Text;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Tests;

/// <summary>Small datasets built in code for tests that need exact counts.</summary>
internal static class TestData
{
    /// <summary>A numeric column where each value appears with the given numbers of goods and bads.</summary>
    public static CreditDataset Grouped(params (double Value, int Goods, int Bads)[] groups)
    {
        var values = new List<double>();
        var target = new List<byte>();
        foreach (var (value, goods, bads) in groups)
        {
            for (var i = 0; i < goods; i++)
            {
                values.Add(value);
                target.Add(0);
            }

            for (var i = 0; i < bads; i++)
            {
                values.Add(value);
                target.Add(1);
            }
        }

        return new CreditDataset([new NumericColumn("x", [.. values])], [.. target]);
    }

    public static LoadedDataset Csv(string text, DatasetOptions options) =>
        DatasetLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), options);
}
