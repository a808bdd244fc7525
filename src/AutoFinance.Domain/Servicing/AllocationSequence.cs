namespace AutoFinance.Domain.Servicing;

/// <summary>How a waterfall walks instalments and components.</summary>
public enum AllocationSequence
{
    /// <summary>The oldest instalment is paid in full, component by component, before the next receives anything.</summary>
    OldestInstallmentFirst,

    /// <summary>The first component is paid on every instalment, oldest first, before the next component receives anything.</summary>
    ComponentAcrossInstallments,
}
