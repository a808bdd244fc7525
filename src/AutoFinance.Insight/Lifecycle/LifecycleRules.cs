namespace AutoFinance.Insight.Lifecycle;

/// <summary>The thresholds of the lifecycle rules, in months.</summary>
/// <param name="NewMonths">A relationship younger than this is new.</param>
/// <param name="GrowingMonths">An active relationship younger than this is growing.</param>
/// <param name="RepeatLoanMonths">A repeat customer whose latest loan is younger than this is growing.</param>
/// <param name="DormantAfterMonths">Without an active loan, this much quiet makes a customer dormant.</param>
/// <param name="LostAfterMonths">Without an active loan, this much quiet makes a customer lost.</param>
public sealed record LifecycleRules(
    int NewMonths = 6,
    int GrowingMonths = 24,
    int RepeatLoanMonths = 12,
    int DormantAfterMonths = 6,
    int LostAfterMonths = 24)
{
    /// <summary>
    /// The stage, by the first rule that holds:
    /// <list type="number">
    /// <item>no loan yet → <see cref="LifecycleStage.New"/>;</item>
    /// <item>no active loan and quiet ≥ <see cref="LostAfterMonths"/> → <see cref="LifecycleStage.Lost"/>;</item>
    /// <item>no active loan and quiet ≥ <see cref="DormantAfterMonths"/> → <see cref="LifecycleStage.Dormant"/>;</item>
    /// <item>no active loan (recently closed, still in touch) → <see cref="LifecycleStage.Mature"/>;</item>
    /// <item>first loan less than <see cref="NewMonths"/> ago → <see cref="LifecycleStage.New"/>;</item>
    /// <item>first loan less than <see cref="GrowingMonths"/> ago, or more than one loan ever with the latest less than
    /// <see cref="RepeatLoanMonths"/> ago → <see cref="LifecycleStage.Growing"/>;</item>
    /// <item>otherwise → <see cref="LifecycleStage.Mature"/>.</item>
    /// </list>
    /// </summary>
    public LifecycleStage Classify(LifecycleFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.MonthsSinceFirstLoan is not { } age)
        {
            return LifecycleStage.New;
        }

        if (facts.ActiveLoans == 0)
        {
            return facts.MonthsSinceLastActivity >= LostAfterMonths ? LifecycleStage.Lost
                : facts.MonthsSinceLastActivity >= DormantAfterMonths ? LifecycleStage.Dormant
                : LifecycleStage.Mature;
        }

        if (age < NewMonths)
        {
            return LifecycleStage.New;
        }

        var repeat = facts.ActiveLoans + facts.ClosedLoans > 1 && facts.MonthsSinceLatestLoan < RepeatLoanMonths;
        return age < GrowingMonths || repeat ? LifecycleStage.Growing : LifecycleStage.Mature;
    }
}
