namespace AutoFinance.Credit.Validation;

/// <summary>
/// Stratified splits and folds: goods and bads are shuffled separately with the seed and dealt out, so every part
/// keeps the sample's bad rate. The same seed gives the same parts on every machine.
/// </summary>
public static class Sampling
{
    public static (int[] Train, int[] Test) StratifiedSplit(ReadOnlySpan<byte> target, double testFraction, int seed)
    {
        if (testFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), "the test fraction must be above 0 and below 1");
        }

        var random = new Random(seed);
        var train = new List<int>();
        var test = new List<int>();
        foreach (var cls in new byte[] { 0, 1 })
        {
            var rows = Shuffled(target, cls, random);
            var testCount = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
            test.AddRange(rows[..testCount]);
            train.AddRange(rows[testCount..]);
        }

        train.Sort();
        test.Sort();
        return ([.. train], [.. test]);
    }

    /// <summary>The fold (0..k-1) of every row.</summary>
    public static int[] StratifiedFolds(ReadOnlySpan<byte> target, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var foldOf = new int[target.Length];
        foreach (var cls in new byte[] { 0, 1 })
        {
            var rows = Shuffled(target, cls, random);
            for (var i = 0; i < rows.Length; i++)
            {
                foldOf[rows[i]] = i % folds;
            }
        }

        return foldOf;
    }

    private static int[] Shuffled(ReadOnlySpan<byte> target, byte cls, Random random)
    {
        var rows = new List<int>();
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == cls)
            {
                rows.Add(i);
            }
        }

        var array = rows.ToArray();
        random.Shuffle(array);
        return array;
    }
}
