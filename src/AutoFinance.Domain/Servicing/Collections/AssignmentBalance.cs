namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>What assignment keeps even between collectors.</summary>
public enum AssignmentBalance
{
    /// <summary>The number of accounts.</summary>
    Count,

    /// <summary>The amount at risk.</summary>
    Amount,
}
