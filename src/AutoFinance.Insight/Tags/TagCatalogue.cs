namespace AutoFinance.Insight.Tags;

/// <summary>A set of tags and their rules; evaluates a snapshot into the codes that apply.</summary>
public sealed class TagCatalogue
{
    public TagCatalogue(IEnumerable<CustomerTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        Tags = tags.ToArray();
        var duplicate = Tags.GroupBy(t => t.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Tag code '{duplicate.Key}' appears twice.", nameof(tags));
        }
    }

    /// <summary>The tags, in catalogue order.</summary>
    public IReadOnlyList<CustomerTag> Tags { get; }

    /// <summary>The standard catalogue.</summary>
    public static TagCatalogue Default { get; } = new(
    [
        new("new-energy-owner", "New-energy owner", "新能源车主", "a financed vehicle is new-energy", s => s.OwnsNewEnergyVehicle),
        new("early-payer", "Early payer", "提前还款习惯", "at least 3 instalments paid and at least half of them before the due date",
            s => s.PaymentsMade >= 3 && s.PaymentsEarly * 2 >= s.PaymentsMade),
        new("bucket-1-last-6m", "Bucket 1 in the last 6 months", "近6个月曾逾期", "reached delinquency bucket 1 (1–30 days past due) or worse in the last 6 months",
            s => s.MaxBucketLast6Months >= 1),
        new("high-ltv", "High LTV", "高贷款价值比", "current loan-to-value above 80%", s => s.CurrentLoanToValue > 0.80m),
        new("multi-loan", "Several loans", "多笔贷款", "two or more loans open", s => s.ActiveLoans >= 2),
        new("recent-complainant", "Recent complainant", "近期投诉", "at least one complaint in the last 12 months", s => s.ComplaintsLast12Months >= 1),
        new("digital-active", "Digitally active", "线上活跃", "at least 5 app or web sessions in the last 3 months", s => s.DigitalSessionsLast3Months >= 5),
        new("near-maturity", "Near maturity", "即将结清", "an open loan ends within 6 months", s => s.MonthsToMaturity is >= 0 and <= 6),
    ]);

    /// <summary>The codes of every tag whose rule holds, in catalogue order.</summary>
    public IReadOnlyList<string> Evaluate(CustomerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Tags.Where(t => t.Applies(snapshot)).Select(t => t.Code).ToArray();
    }
}
