using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Binning;

/// <summary>Bins every column of a dataset, in parallel, each column independently.</summary>
public static class Binner
{
    public static IReadOnlyList<VariableBinning> BinAll(
        CreditDataset data, BinningOptions options, IReadOnlyList<double> specialNumbers, IReadOnlySet<string> specialCategories)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new VariableBinning[data.Columns.Count];
        Parallel.For(0, data.Columns.Count, i => result[i] = BinColumn(data.Columns[i], data.Target, options, specialNumbers, specialCategories));
        return result;
    }

    public static VariableBinning BinColumn(
        DatasetColumn column, byte[] target, BinningOptions options, IReadOnlyList<double> specialNumbers, IReadOnlySet<string> specialCategories)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column switch
        {
            NumericColumn numeric => NumericBinner.Bin(numeric.Name, numeric.Values, target, specialNumbers, options),
            CategoricalColumn categorical => CategoricalBinner.Bin(categorical.Name, categorical.Codes, categorical.Levels, target, specialCategories, options),
            _ => throw new NotSupportedException(column.GetType().Name),
        };
    }
}
