namespace AutoFinance.Credit.Data;

/// <summary>The dataset ready for modelling plus what the loader noticed on the way.</summary>
public sealed record LoadedDataset(
    CreditDataset Data,
    IReadOnlyList<DroppedColumn> Dropped,
    IReadOnlyList<double> SpecialValues,
    IReadOnlyList<string> SpecialCategories)
{
    /// <summary>Columns of numbers read as categories (or dropped) because a few of their values are text.</summary>
    public IReadOnlyList<TextInNumbers> TextInNumbers { get; init; } = [];
}
