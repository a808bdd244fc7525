namespace AutoFinance.Credit.Validation;

/// <summary>
/// Approval and bad rates by group at a score cut-off, with the adverse-impact ratio: a group's approval rate over the
/// highest group's. Below 0.8 (the "four-fifths rule") the group is flagged for review.
/// </summary>
public static class Fairness
{
    public const double FourFifths = 0.8;

    public sealed record GroupRow(string Group, int Applicants, int Approved, double ApprovalRate, double BadRate, double ApprovedBadRate, double AdverseImpactRatio, bool Flagged);

    public static IReadOnlyList<GroupRow> Table(IReadOnlyList<string> groups, ReadOnlySpan<double> scores, ReadOnlySpan<byte> bad, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var stats = new SortedDictionary<string, (int N, int Approved, int Bads, int ApprovedBads)>(StringComparer.Ordinal);
        for (var i = 0; i < scores.Length; i++)
        {
            stats.TryGetValue(groups[i], out var s);
            var approved = scores[i] >= cutoff ? 1 : 0;
            stats[groups[i]] = (s.N + 1, s.Approved + approved, s.Bads + bad[i], s.ApprovedBads + (approved * bad[i]));
        }

        var best = stats.Values.Max(s => (double)s.Approved / s.N);
        return [.. stats.Select(kv =>
        {
            var (n, approved, bads, approvedBads) = kv.Value;
            var rate = (double)approved / n;
            var air = best == 0 ? 1 : rate / best;
            return new GroupRow(kv.Key, n, approved, rate, (double)bads / n, approved == 0 ? 0 : (double)approvedBads / approved, air, air < FourFifths);
        })];
    }

    /// <summary>Groups a numeric column into bands with the given upper edges, e.g. ages below 25, 25–34, 35–49, 50+.</summary>
    public static string Band(double value, IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        if (double.IsNaN(value))
        {
            return "missing";
        }

        for (var i = 0; i < edges.Count; i++)
        {
            if (value < edges[i])
            {
                return i == 0 ? $"below {edges[i]:0.##}" : $"{edges[i - 1]:0.##} to under {edges[i]:0.##}";
            }
        }

        return $"{edges[^1]:0.##} or more";
    }
}
