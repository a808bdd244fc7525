namespace AutoFinance.Credit.Data;

/// <summary>
/// Inputs and a binary target (1 = bad) held column-wise. Rows can be selected by index without copying the
/// source columns, which is how splits and folds are taken.
/// </summary>
public sealed class CreditDataset
{
    public CreditDataset(IReadOnlyList<DatasetColumn> columns, byte[] target)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(target);
        foreach (var column in columns)
        {
            if (column.Length != target.Length)
            {
                throw new ArgumentException($"column '{column.Name}' has {column.Length} rows, the target {target.Length}");
            }
        }

        Columns = columns;
        Target = target;
    }

    public IReadOnlyList<DatasetColumn> Columns { get; }

    /// <summary>1 for a bad outcome, 0 for a good one.</summary>
    public byte[] Target { get; }

    public int Rows => Target.Length;

    public int Bads => Target.Count(t => t == 1);

    public DatasetColumn? Find(string name) => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>A new dataset holding the given rows, in the given order.</summary>
    public CreditDataset Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var target = new byte[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            target[i] = Target[rows[i]];
        }

        var columns = Columns.Select(c => SelectRows(c, rows)).ToArray();
        return new CreditDataset(columns, target);
    }

    private static DatasetColumn SelectRows(DatasetColumn column, IReadOnlyList<int> rows)
    {
        switch (column)
        {
            case NumericColumn numeric:
                var values = new double[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    values[i] = numeric.Values[rows[i]];
                }

                return new NumericColumn(column.Name, values);
            case CategoricalColumn categorical:
                var codes = new int[rows.Count];
                for (var i = 0; i < rows.Count; i++)
                {
                    codes[i] = categorical.Codes[rows[i]];
                }

                return new CategoricalColumn(column.Name, codes, [.. categorical.Levels]);
            default:
                throw new NotSupportedException(column.GetType().Name);
        }
    }
}
