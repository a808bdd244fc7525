namespace AutoFinance.Domain.Servicing;

/// <summary>
/// A product's delinquency buckets: contiguous ranges of days past due from 0 upwards, the last one open-ended,
/// so every day count falls in exactly one bucket.
/// </summary>
public sealed class DelinquencyBuckets
{
    /// <summary>Current (0), 1–30, 31–60, 61–90, 91–180 and 180+ (181 days and more).</summary>
    public static readonly DelinquencyBuckets Default = FromLowerBounds(
        ("Current", 0), ("1-30", 1), ("31-60", 31), ("61-90", 61), ("91-180", 91), ("180+", 181));

    private readonly DelinquencyBucket[] buckets;

    public DelinquencyBuckets(IEnumerable<DelinquencyBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var copy = buckets.ToArray();
        if (copy.Length == 0)
        {
            throw new ArgumentException("At least one bucket is needed.", nameof(buckets));
        }

        var expectedMin = 0;
        for (var i = 0; i < copy.Length; i++)
        {
            var bucket = copy[i] ?? throw new ArgumentException("A bucket is missing.", nameof(buckets));
            if (string.IsNullOrWhiteSpace(bucket.Name))
            {
                throw new ArgumentException("Every bucket needs a name.", nameof(buckets));
            }

            if (bucket.MinDays != expectedMin)
            {
                throw new ArgumentException($"Bucket '{bucket.Name}' starts at {bucket.MinDays} days; the buckets must run on from 0 without gap or overlap, so it should start at {expectedMin}.", nameof(buckets));
            }

            var last = i == copy.Length - 1;
            if (last != (bucket.MaxDays is null))
            {
                throw new ArgumentException("Only the last bucket, and always the last bucket, is open-ended.", nameof(buckets));
            }

            if (bucket.MaxDays is { } max)
            {
                if (max < bucket.MinDays)
                {
                    throw new ArgumentException($"Bucket '{bucket.Name}' ends before it starts.", nameof(buckets));
                }

                expectedMin = checked(max + 1);
            }
        }

        this.buckets = copy;
    }

    /// <summary>Buckets from their names and first days, ascending from 0; each ends the day before the next one starts.</summary>
    public static DelinquencyBuckets FromLowerBounds(params (string Name, int MinDays)[] bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        return new DelinquencyBuckets(bounds.Select((bound, i) =>
            new DelinquencyBucket(bound.Name, bound.MinDays, i + 1 < bounds.Length ? bounds[i + 1].MinDays - 1 : null)));
    }

    public IReadOnlyList<DelinquencyBucket> All => buckets;

    /// <summary>The bucket holding a number of days past due.</summary>
    public DelinquencyBucket For(int daysPastDue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysPastDue);
        foreach (var bucket in buckets)
        {
            if (bucket.Contains(daysPastDue))
            {
                return bucket;
            }
        }

        throw new InvalidOperationException($"No bucket holds {daysPastDue} days; the buckets are validated to cover every count.");
    }

    /// <summary>The bucket of an account whose oldest unpaid instalment fell due on <paramref name="oldestUnpaidDueDate"/>.</summary>
    public DelinquencyBucket For(DateOnly? oldestUnpaidDueDate, DateOnly businessDate) => For(DaysPastDue.Of(oldestUnpaidDueDate, businessDate));
}
