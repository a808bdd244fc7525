namespace AutoFinance.Credit.Data;

/// <summary>One input column of a dataset, stored column-wise for fast binning.</summary>
public abstract class DatasetColumn(string name)
{
    public string Name { get; } = name;

    public abstract ColumnKind Kind { get; }

    public abstract int Length { get; }

    public abstract bool IsMissing(int row);
}

/// <summary>A numeric column; <see cref="double.NaN"/> marks a missing value.</summary>
public sealed class NumericColumn(string name, double[] values) : DatasetColumn(name)
{
    public double[] Values { get; } = values;

    public override ColumnKind Kind => ColumnKind.Numeric;

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => double.IsNaN(Values[row]);
}

/// <summary>A categorical column as codes into <see cref="Levels"/>; -1 marks a missing value.</summary>
public sealed class CategoricalColumn(string name, int[] codes, string[] levels) : DatasetColumn(name)
{
    public const int Missing = -1;

    public int[] Codes { get; } = codes;

    public IReadOnlyList<string> Levels { get; } = levels;

    public override ColumnKind Kind => ColumnKind.Categorical;

    public override int Length => Codes.Length;

    public override bool IsMissing(int row) => Codes[row] == Missing;
}
