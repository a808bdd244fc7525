namespace AutoFinance.Domain.Origination;

/// <summary>
/// The cut-offs of the automated decision: the risk grades approved and referred (every other grade is declined),
/// applied after the recorded checks.
/// </summary>
/// <remarks>
/// The order of precedence:
/// <list type="number">
/// <item>Any failed check whose effect is <see cref="RuleEffect.Decline"/> (a hard rule: fraud, identity, minimum age,
/// a product that does not finance the vehicle) declines; the reasons are those checks, then the grade if it declines too.</item>
/// <item>A grade outside the approve and refer bands declines (<c>decision.grade-declined</c>).</item>
/// <item>An application that would be approved but has no eligible offer is declined (<c>offer.none-eligible</c>,
/// followed by the requested plan's failed plan rules): there is nothing to accept. A referral without one still goes
/// to the underwriter, with that reason added (an underwriter may restructure the deal), unless
/// <see cref="DeclineReferralsWithoutOffers"/> is set.</item>
/// <item>A grade in the refer band (<c>decision.grade-referred</c>) or any failed check whose effect is
/// <see cref="RuleEffect.Refer"/> refers.</item>
/// <item>Otherwise the application is approved.</item>
/// </list>
/// Failed checks with <see cref="RuleEffect.CounterOffer"/> never decide alone; they are reported as <see cref="Decision.PlanIssues"/>.
/// Grades are compared exactly (ordinal).
/// </remarks>
public sealed record DecisionRules
{
    public static DecisionRules Default { get; } = new();

    public IReadOnlyList<string> ApproveGrades { get; init; } = ["A", "B", "C"];

    public IReadOnlyList<string> ReferGrades { get; init; } = ["D", "E"];

    /// <summary>Whether a referral with no eligible offer is declined instead of going to an underwriter.</summary>
    public bool DeclineReferralsWithoutOffers { get; init; }

    /// <param name="grade">The risk grade of the active scorecard.</param>
    /// <param name="checks">Every recorded check in the order it ran (fraud, identity, the requested plan's policy rules).</param>
    /// <param name="eligibleOffers">How many offers passed every policy rule.</param>
    public Decision Decide(string grade, IReadOnlyList<RuleOutcome> checks, int eligibleOffers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(grade);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentOutOfRangeException.ThrowIfNegative(eligibleOffers);

        var hard = Failed(checks, RuleEffect.Decline);
        IReadOnlyList<RuleOutcome> refer = Failed(checks, RuleEffect.Refer) ?? [];
        IReadOnlyList<RuleOutcome> planIssues = Failed(checks, RuleEffect.CounterOffer) ?? [];
        var band = Lists(ApproveGrades, grade) ? DecisionStatus.Approved
            : Lists(ReferGrades, grade) ? DecisionStatus.Referred
            : DecisionStatus.Declined;

        if (hard is not null || band == DecisionStatus.Declined)
        {
            hard ??= new List<RuleOutcome>(1);
            if (band == DecisionStatus.Declined)
            {
                hard.Add(GradeOutcome(ReasonCodes.GradeDeclined, grade, "below the approval and referral cut-offs"));
            }

            return new Decision(DecisionStatus.Declined, hard) { PlanIssues = planIssues };
        }

        var referred = band == DecisionStatus.Referred || refer.Count > 0;
        if (eligibleOffers == 0 && (!referred || DeclineReferralsWithoutOffers))
        {
            return new Decision(DecisionStatus.Declined, [NoOffer(), .. planIssues]) { PlanIssues = planIssues };
        }

        if (referred)
        {
            var reasons = new List<RuleOutcome>(refer.Count + 2);
            if (band == DecisionStatus.Referred)
            {
                reasons.Add(GradeOutcome(ReasonCodes.GradeReferred, grade, "in the referral band"));
            }

            reasons.AddRange(refer);
            if (eligibleOffers == 0)
            {
                reasons.Add(NoOffer());
            }

            return new Decision(DecisionStatus.Referred, reasons) { PlanIssues = planIssues };
        }

        return new Decision(DecisionStatus.Approved, []) { PlanIssues = planIssues };
    }

    /// <summary>The failed checks with this effect, in order; null when there is none (as for most checks of most decisions).</summary>
    private static List<RuleOutcome>? Failed(IReadOnlyList<RuleOutcome> checks, RuleEffect effect)
    {
        List<RuleOutcome>? failed = null;
        for (var i = 0; i < checks.Count; i++)
        {
            var check = checks[i];
            if (!check.Passed && check.OnFailure == effect)
            {
                (failed ??= []).Add(check);
            }
        }

        return failed;
    }

    private static bool Lists(IReadOnlyList<string> grades, string grade)
    {
        for (var i = 0; i < grades.Count; i++)
        {
            if (string.Equals(grades[i], grade, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static RuleOutcome GradeOutcome(string code, string grade, string detail) =>
        new(code, false, $"grade {grade} {detail}", new Dictionary<string, string>(StringComparer.Ordinal) { ["grade"] = grade });

    private static RuleOutcome NoOffer() =>
        new(ReasonCodes.NoEligibleOffer, false, "no plan passes every policy rule", new Dictionary<string, string>(StringComparer.Ordinal));
}
