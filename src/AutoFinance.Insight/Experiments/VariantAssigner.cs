using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AutoFinance.Insight.Experiments;

/// <summary>Assigns subjects to variants by hashing, without storing anything: the same subject always gets the same variant.</summary>
/// <remarks>
/// The point u = (the first 8 bytes of SHA-256 of UTF-8 "experimentId:subjectId", big-endian, top 53 bits) / 2⁵³ is
/// uniform in [0, 1) and independent across experiments; the variant is the one whose cumulative share of the total
/// weight first exceeds u. Stable across processes, machines and .NET versions; changing weights moves only the
/// subjects near the boundaries that shift.
/// </remarks>
public static class VariantAssigner
{
    /// <summary>The variant of <paramref name="subjectId"/> in <paramref name="experiment"/>.</summary>
    public static ExperimentVariant Assign(ExperimentDefinition experiment, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var u = Point(experiment.Id, subjectId);
        var total = experiment.Variants.Sum(v => v.Weight);
        var cumulative = 0.0;
        foreach (var variant in experiment.Variants)
        {
            cumulative += variant.Weight / total;
            if (u < cumulative)
            {
                return variant;
            }
        }

        return experiment.Variants[^1];
    }

    /// <summary>The subject's uniform point in [0, 1) for the experiment.</summary>
    public static double Point(string experimentId, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        ArgumentNullException.ThrowIfNull(subjectId);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(experimentId + ":" + subjectId), hash);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return bits / 9007199254740992.0;
    }
}
