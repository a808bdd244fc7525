namespace AutoFinance.Insight.Churn;

/// <summary>How well predicted probabilities separate those who left from those who stayed, on held-out data.</summary>
/// <param name="Rows">Observations evaluated.</param>
/// <param name="Positives">Of those, customers who left.</param>
/// <param name="Threshold">The probability from which a prediction counts as "will leave".</param>
/// <param name="Precision">Of those predicted to leave, the share who left (0 when none was predicted).</param>
/// <param name="Recall">Of those who left, the share predicted (0 when none left).</param>
/// <param name="F1">The harmonic mean of precision and recall (0 when both are 0).</param>
/// <param name="Auc">Area under the ROC curve: the chance a random leaver is scored above a random stayer, ties counting half.</param>
public sealed record BinaryMetrics(int Rows, int Positives, double Threshold, double Precision, double Recall, double F1, double Auc)
{
    /// <summary>Computes every figure from labels and probabilities.</summary>
    public static BinaryMetrics Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, double threshold)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count)
        {
            throw new ArgumentException("One probability per label is needed.", nameof(probabilities));
        }

        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            var predicted = probabilities[i] >= threshold;
            if (predicted && labels[i])
            {
                tp++;
            }
            else if (predicted)
            {
                fp++;
            }
            else if (labels[i])
            {
                fn++;
            }
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetrics(labels.Count, tp + fn, threshold, precision, recall, f1, AreaUnderCurve(labels, probabilities));
    }

    /// <summary>AUC by the rank-sum (Mann–Whitney) formula with average ranks for ties; 0.5 when one class is absent.</summary>
    public static double AreaUnderCurve(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        var order = Enumerable.Range(0, labels.Count).OrderBy(i => probabilities[i]).ToArray();
        var rankSum = 0.0;
        long positives = 0;
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 + 1 < order.Length && probabilities[order[i1 + 1]] == probabilities[order[i0]])
            {
                i1++;
            }

            var averageRank = ((i0 + 1) + (i1 + 1)) / 2.0;
            for (var i = i0; i <= i1; i++)
            {
                if (labels[order[i]])
                {
                    rankSum += averageRank;
                    positives++;
                }
            }

            i0 = i1 + 1;
        }

        long negatives = labels.Count - positives;
        return positives == 0 || negatives == 0 ? 0.5 : (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }
}
