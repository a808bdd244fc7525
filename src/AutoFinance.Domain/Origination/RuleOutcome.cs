namespace AutoFinance.Domain.Origination;

/// <summary>
/// The recorded result of one check. <paramref name="Code"/> is stable and machine-readable ("policy.ltv-cap");
/// <paramref name="Detail"/> is a short English line for the decision record and the audit trail (it carries the
/// applicant's figures, so it is not for logs);
/// <paramref name="Values"/> carries the figures in invariant form (ratios "0.9000", amounts "80000.00", dates
/// "2031-05-15") so a reader can be shown the reason in any language (<see cref="ReasonTexts"/>).
/// </summary>
public sealed record RuleOutcome(string Code, bool Passed, string Detail, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>What the failure of this check does to the decision.</summary>
    public RuleEffect OnFailure { get; init; } = RuleEffect.Decline;

    /// <summary>False when the check could not be made (no payment to test yet); such an outcome counts as passed.</summary>
    public bool Evaluated { get; init; } = true;
}
