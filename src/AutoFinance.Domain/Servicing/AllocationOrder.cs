namespace AutoFinance.Domain.Servicing;

/// <summary>
/// A product's payment waterfall: the order of the components and how instalments are walked.
/// Every component appears exactly once.
/// </summary>
public sealed class AllocationOrder
{
    /// <summary>Fees, penalty interest, interest, principal; the oldest instalment paid in full first.</summary>
    public static readonly AllocationOrder Default = new(
        [DueComponent.Fee, DueComponent.PenaltyInterest, DueComponent.Interest, DueComponent.Principal],
        AllocationSequence.OldestInstallmentFirst);

    private readonly DueComponent[] components;

    public AllocationOrder(IEnumerable<DueComponent> components, AllocationSequence sequence = AllocationSequence.OldestInstallmentFirst)
    {
        ArgumentNullException.ThrowIfNull(components);
        var copy = components.ToArray();
        var all = Enum.GetValues<DueComponent>();
        if (copy.Length != all.Length || copy.Distinct().Count() != all.Length || !copy.All(all.Contains))
        {
            throw new ArgumentException($"An allocation order names each of {string.Join(", ", all)} exactly once.", nameof(components));
        }

        if (!Enum.IsDefined(sequence))
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Not an allocation sequence.");
        }

        this.components = copy;
        Sequence = sequence;
    }

    public IReadOnlyList<DueComponent> Components => components;

    public AllocationSequence Sequence { get; }

    public override string ToString() => $"{string.Join(" > ", components)} ({Sequence})";
}
