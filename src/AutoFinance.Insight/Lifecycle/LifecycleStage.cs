namespace AutoFinance.Insight.Lifecycle;

/// <summary>Where a customer stands in the relationship.</summary>
public enum LifecycleStage
{
    /// <summary>First loan booked less than the "new" period ago (or none yet).</summary>
    New,

    /// <summary>Active and deepening: young relationship or a repeat loan recently.</summary>
    Growing,

    /// <summary>Active and established, or just finished with recent contact.</summary>
    Mature,

    /// <summary>No active loan and quiet for a while.</summary>
    Dormant,

    /// <summary>No active loan and quiet for so long the customer is gone.</summary>
    Lost,
}
