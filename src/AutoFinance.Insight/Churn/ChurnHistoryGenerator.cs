namespace AutoFinance.Insight.Churn;

/// <summary>
/// SYNTHETIC monthly customer history with an early-payoff label, for tests and the demo; every row is made up.
/// </summary>
/// <remarks>
/// Each customer holds one loan (36 or 60 months) booked before the window and is observed on the first of every month
/// until the loan ends, the customer leaves, or the window closes. The monthly chance of leaving follows a logistic
/// hazard: it rises with the rate spread over the market (the market rate falls slowly across the window, so later
/// months hold more refinancing incentive — a drift the time split has to cope with), recent prepayments, complaints
/// and the last few instalments, and falls with satisfaction, app engagement and missed payments (a customer in
/// arrears cannot refinance). A row is labelled when the customer leaves within <c>horizonMonths</c> after it.
/// The same arguments give the same rows.
/// </remarks>
public static class ChurnHistoryGenerator
{
    /// <summary>Generates the history of <paramref name="customers"/> customers over <paramref name="months"/> months from <paramref name="start"/>.</summary>
    public static IReadOnlyList<ChurnObservation> Generate(int customers, int months, DateOnly start, int seed, int horizonMonths = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(customers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(months);
        var random = new Random(seed);
        var rows = new List<ChurnObservation>();
        for (var c = 0; c < customers; c++)
        {
            rows.AddRange(Customer(random, $"C{c + 1:D5}", months, start, horizonMonths));
        }

        return rows.OrderBy(r => r.AsOf).ThenBy(r => r.CustomerId, StringComparer.Ordinal).ToArray();
    }

    private static IEnumerable<ChurnObservation> Customer(Random random, string id, int months, DateOnly start, int horizon)
    {
        var term = random.NextDouble() < 0.6 ? 36 : 60;
        var monthsOnBook = 1 + random.Next(term - 6);
        var ownSpread = Gaussian(random) * 1.0;
        var engagement = Math.Exp(Gaussian(random) * 0.7) * 3;
        var temper = Gaussian(random);
        var satisfaction = Math.Clamp((int)Math.Round(3.6 - temper + (Gaussian(random) * 0.6)), 1, 5);
        var prepayments = new Queue<int>(Enumerable.Repeat(0, 6));
        var missed = new Queue<int>(Enumerable.Repeat(0, 6));
        var complaints = new Queue<int>(Enumerable.Repeat(0, 12));
        var sessions = new Queue<int>(Enumerable.Repeat(0, 3));
        var snapshots = new List<(ChurnObservation Row, int Month)>();
        int? leftAt = null;
        for (var m = 0; m < months && monthsOnBook < term; m++)
        {
            var spread = ownSpread + (0.06 * m);
            var remaining = term - monthsOnBook;
            var balanceRatio = Math.Round(remaining / (double)term * (0.95 + (random.NextDouble() * 0.05)), 3);
            var row = new ChurnObservation(id, start.AddMonths(m), monthsOnBook, remaining, Math.Round(spread, 2), balanceRatio,
                prepayments.Sum(), missed.Sum(), complaints.Sum(), sessions.Sum(), satisfaction, false);
            snapshots.Add((row, m));

            var logit = -4.6 + (0.75 * spread) + (0.55 * row.PrepaymentsLast6Months) + (0.6 * row.ComplaintsLast12Months)
                - (0.45 * (satisfaction - 3)) - (0.06 * row.AppSessionsLast3Months) - (0.5 * row.MissedPaymentsLast6Months)
                + (remaining <= 6 ? 1.2 : 0);
            if (random.NextDouble() < 1 / (1 + Math.Exp(-logit)))
            {
                leftAt = m + 1;
                break;
            }

            Shift(prepayments, random.NextDouble() < 0.03 + (0.04 * Math.Max(0, spread)) ? 1 : 0);
            Shift(missed, random.NextDouble() < 0.03 + (0.03 * Math.Max(0, temper)) ? 1 : 0);
            var complained = random.NextDouble() < 0.015 + (0.02 * Math.Max(0, temper));
            Shift(complaints, complained ? 1 : 0);
            if (complained)
            {
                satisfaction = Math.Max(1, satisfaction - 1);
            }

            Shift(sessions, Poisson(random, engagement / 3));
            monthsOnBook++;
        }

        return snapshots.Select(s => s.Row with { LeftWithinHorizon = leftAt is { } left && left > s.Month && left <= s.Month + horizon });
    }

    private static void Shift(Queue<int> window, int value)
    {
        window.Dequeue();
        window.Enqueue(value);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
