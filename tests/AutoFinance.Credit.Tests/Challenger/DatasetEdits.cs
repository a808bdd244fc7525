using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Tests.Challenger;

/// <summary>Copies of a dataset with single values or whole columns changed, for scoring edge cases.</summary>
internal static class DatasetEdits
{
    public static CreditDataset Replace(CreditDataset data, DatasetColumn replacement) =>
        new([.. data.Columns.Select(c => c.Name == replacement.Name ? replacement : c)], data.Target);

    public static CreditDataset Without(CreditDataset data, string column) =>
        new([.. data.Columns.Where(c => c.Name != column)], data.Target);

    /// <summary>The column with <paramref name="row"/> set to a level the training data never had.</summary>
    public static CategoricalColumn WithUnseenLevel(CategoricalColumn column, int row, string level)
    {
        string[] levels = [.. column.Levels, level];
        var codes = column.Codes.ToArray();
        codes[row] = levels.Length - 1;
        return new CategoricalColumn(column.Name, codes, levels);
    }

    public static DatasetColumn WithMissing(DatasetColumn column, int row)
    {
        switch (column)
        {
            case NumericColumn numeric:
                var values = numeric.Values.ToArray();
                values[row] = double.NaN;
                return new NumericColumn(column.Name, values);
            case CategoricalColumn categorical:
                var codes = categorical.Codes.ToArray();
                codes[row] = CategoricalColumn.Missing;
                return new CategoricalColumn(column.Name, codes, [.. categorical.Levels]);
            default:
                throw new NotSupportedException(column.GetType().Name);
        }
    }
}
