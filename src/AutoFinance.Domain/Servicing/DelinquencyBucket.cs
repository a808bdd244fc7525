namespace AutoFinance.Domain.Servicing;

/// <summary>A named range of days past due, both ends inclusive; no upper end for the last bucket.</summary>
public sealed record DelinquencyBucket(string Name, int MinDays, int? MaxDays)
{
    public bool Contains(int daysPastDue) => daysPastDue >= MinDays && (MaxDays is null || daysPastDue <= MaxDays);

    public override string ToString() => Name;
}
