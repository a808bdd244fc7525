namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>
/// Month-on-month transition probabilities between delinquency buckets, with charge-off as the last state. The
/// roll-forward rate of a bucket is the probability of moving to any worse state: a later bucket or charge-off.
/// </summary>
/// <remarks>
/// Each bucket's row must add up to 1 exactly; a transition not given is 0. The defaults, for
/// <see cref="DelinquencyBuckets.Default"/>, are illustrative figures for a Chinese auto-finance book (to be replaced
/// by the lender's own observed roll rates):
/// <code>
/// from \ to  Current  1-30  31-60  61-90  91-180  180+  charged-off   roll forward
/// Current     0.97    0.03                                                0.03
/// 1-30        0.55    0.20  0.25                                          0.25
/// 31-60       0.20    0.15  0.20   0.45                                   0.45
/// 61-90       0.08    0.05  0.07   0.20   0.60                            0.60
/// 91-180      0.05                        0.45    0.50                    0.50
/// 180+        0.02                                0.48  0.50              0.50
/// </code>
/// </remarks>
public sealed class RollRateMatrix
{
    /// <summary>The absorbing state after the last bucket.</summary>
    public const string ChargedOff = "ChargedOff";

    public static readonly RollRateMatrix Default = new(DelinquencyBuckets.Default,
    [
        new("Current", "Current", 0.97m), new("Current", "1-30", 0.03m),
        new("1-30", "Current", 0.55m), new("1-30", "1-30", 0.20m), new("1-30", "31-60", 0.25m),
        new("31-60", "Current", 0.20m), new("31-60", "1-30", 0.15m), new("31-60", "31-60", 0.20m), new("31-60", "61-90", 0.45m),
        new("61-90", "Current", 0.08m), new("61-90", "1-30", 0.05m), new("61-90", "31-60", 0.07m), new("61-90", "61-90", 0.20m), new("61-90", "91-180", 0.60m),
        new("91-180", "Current", 0.05m), new("91-180", "91-180", 0.45m), new("91-180", "180+", 0.50m),
        new("180+", "Current", 0.02m), new("180+", "180+", 0.48m), new("180+", ChargedOff, 0.50m),
    ]);

    private readonly string[] states;
    private readonly decimal[,] probabilities;

    public RollRateMatrix(DelinquencyBuckets buckets, IEnumerable<RollRate> rates)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(rates);
        Buckets = buckets;
        states = [.. buckets.All.Select(bucket => bucket.Name), ChargedOff];
        probabilities = new decimal[states.Length, states.Length];
        var given = new HashSet<(int, int)>();
        foreach (var rate in rates)
        {
            ArgumentNullException.ThrowIfNull(rate, nameof(rates));
            var from = Array.IndexOf(states, rate.From);
            var to = Array.IndexOf(states, rate.To);
            if (from < 0 || from == states.Length - 1 || to < 0)
            {
                throw new ArgumentException($"Unknown transition {rate.From} → {rate.To}; use the bucket names (and {ChargedOff} as a destination).", nameof(rates));
            }

            if (rate.Probability is < 0m or > 1m)
            {
                throw new ArgumentOutOfRangeException(nameof(rates), rate.Probability, $"The probability of {rate.From} → {rate.To} must be between 0 and 1.");
            }

            if (!given.Add((from, to)))
            {
                throw new ArgumentException($"The transition {rate.From} → {rate.To} is given twice.", nameof(rates));
            }

            probabilities[from, to] = rate.Probability;
        }

        for (var from = 0; from < states.Length - 1; from++)
        {
            var total = 0m;
            for (var to = 0; to < states.Length; to++)
            {
                total += probabilities[from, to];
            }

            if (total != 1m)
            {
                throw new ArgumentException($"The transitions from {states[from]} add up to {total}, not 1.", nameof(rates));
            }
        }
    }

    public DelinquencyBuckets Buckets { get; }

    /// <summary>The probability of moving from bucket <paramref name="from"/> to <paramref name="to"/> in a month.</summary>
    public decimal Probability(string from, string to) => probabilities[Index(from, nameof(from)), Index(to, nameof(to))];

    /// <summary>The probability that an account in <paramref name="bucket"/> is in a worse state a month later.</summary>
    public decimal RollForward(string bucket)
    {
        var from = Index(bucket, nameof(bucket));
        if (from == states.Length - 1)
        {
            throw new ArgumentException("A charged-off account does not roll.", nameof(bucket));
        }

        var total = 0m;
        for (var to = from + 1; to < states.Length; to++)
        {
            total += probabilities[from, to];
        }

        return total;
    }

    private int Index(string state, string parameter)
    {
        ArgumentNullException.ThrowIfNull(state, parameter);
        var index = Array.IndexOf(states, state);
        return index >= 0 ? index : throw new ArgumentException($"'{state}' is not a bucket of this matrix.", parameter);
    }
}
