namespace AutoFinance.Domain.Origination;

/// <summary>An automated decision and the reasons a customer can be shown for it (<see cref="ReasonTexts"/>).</summary>
/// <param name="Status">Approved, referred or declined.</param>
/// <param name="Reasons">Why it was declined or referred, most decisive first; empty when approved.</param>
public sealed record Decision(DecisionStatus Status, IReadOnlyList<RuleOutcome> Reasons)
{
    /// <summary>
    /// The policy rules the requested plan failed although other plans may pass them (<see cref="RuleEffect.CounterOffer"/>):
    /// why the offers differ from what was asked for.
    /// </summary>
    public IReadOnlyList<RuleOutcome> PlanIssues { get; init; } = [];
}
