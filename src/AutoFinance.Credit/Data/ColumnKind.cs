namespace AutoFinance.Credit.Data;

/// <summary>How a characteristic is binned: by ordered ranges or by groups of categories.</summary>
public enum ColumnKind
{
    Numeric,
    Categorical,
}
