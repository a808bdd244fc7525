using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class DecisionRulesTests
{
    private static readonly DecisionRules Rules = DecisionRules.Default;

    private static RuleOutcome Failed(string code, RuleEffect effect) =>
        new(code, false, code, new Dictionary<string, string>()) { OnFailure = effect };

    private static RuleOutcome Passed(string code) => new(code, true, code, new Dictionary<string, string>());

    [Theory]
    [InlineData("A", DecisionStatus.Approved)]
    [InlineData("B", DecisionStatus.Approved)]
    [InlineData("C", DecisionStatus.Approved)]
    [InlineData("D", DecisionStatus.Referred)]
    [InlineData("E", DecisionStatus.Referred)]
    [InlineData("F", DecisionStatus.Declined)]
    [InlineData("G", DecisionStatus.Declined)]
    [InlineData("X", DecisionStatus.Declined)]
    public void Grades_are_cut_off_approve_a_to_c_refer_d_to_e_decline_the_rest(string grade, DecisionStatus expected)
    {
        var decision = Rules.Decide(grade, [Passed("fraud.velocity"), Passed(ReasonCodes.MinAge)], eligibleOffers: 3);

        Assert.Equal(expected, decision.Status);
        var reason = expected switch
        {
            DecisionStatus.Approved => null,
            DecisionStatus.Referred => ReasonCodes.GradeReferred,
            _ => ReasonCodes.GradeDeclined,
        };
        Assert.Equal(reason is null ? [] : [reason], decision.Reasons.Select(r => r.Code));
        Assert.All(decision.Reasons, r => Assert.Equal(grade, r.Values["grade"]));
    }

    [Fact]
    public void Cut_offs_are_configurable()
    {
        var strict = Rules with { ApproveGrades = ["A"], ReferGrades = ["B", "C"] };

        Assert.Equal(DecisionStatus.Referred, strict.Decide("C", [], 2).Status);
        Assert.Equal(DecisionStatus.Declined, strict.Decide("D", [], 2).Status);
    }

    [Fact]
    public void Any_failed_hard_rule_declines_the_best_grade()
    {
        var decision = Rules.Decide("A", [Passed("fraud.velocity"), Failed("fraud.blacklist", RuleEffect.Decline), Failed(ReasonCodes.MinAge, RuleEffect.Decline)], 4);

        Assert.Equal(DecisionStatus.Declined, decision.Status);
        Assert.Equal(["fraud.blacklist", ReasonCodes.MinAge], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_hard_failure_with_a_declined_grade_lists_both()
    {
        var decision = Rules.Decide("G", [Failed("fraud.blacklist", RuleEffect.Decline)], 0);

        Assert.Equal(["fraud.blacklist", ReasonCodes.GradeDeclined], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_refer_flag_refers_an_approvable_grade()
    {
        var decision = Rules.Decide("A", [Failed("fraud.velocity", RuleEffect.Refer)], 4);

        Assert.Equal(DecisionStatus.Referred, decision.Status);
        Assert.Equal(["fraud.velocity"], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Approvable_without_any_eligible_offer_is_declined_with_the_plan_issues()
    {
        var ltv = Failed(ReasonCodes.LtvCap, RuleEffect.CounterOffer);

        var decision = Rules.Decide("B", [Passed(ReasonCodes.MinAge), ltv], eligibleOffers: 0);

        Assert.Equal(DecisionStatus.Declined, decision.Status);
        Assert.Equal([ReasonCodes.NoEligibleOffer, ReasonCodes.LtvCap], decision.Reasons.Select(r => r.Code));
        Assert.Equal([ltv], decision.PlanIssues);
    }

    [Fact]
    public void Plan_rules_the_offers_work_around_do_not_decline()
    {
        var decision = Rules.Decide("B", [Failed(ReasonCodes.LtvCap, RuleEffect.CounterOffer), Failed(ReasonCodes.PaymentToIncome, RuleEffect.CounterOffer)], eligibleOffers: 2);

        Assert.Equal(DecisionStatus.Approved, decision.Status);
        Assert.Empty(decision.Reasons);
        Assert.Equal([ReasonCodes.LtvCap, ReasonCodes.PaymentToIncome], decision.PlanIssues.Select(r => r.Code));
    }

    [Fact]
    public void A_referral_without_an_offer_goes_to_the_underwriter_unless_the_rules_decline_it()
    {
        var referred = Rules.Decide("D", [], 0);
        var declined = (Rules with { DeclineReferralsWithoutOffers = true }).Decide("D", [], 0);

        Assert.Equal(DecisionStatus.Referred, referred.Status);
        Assert.Equal([ReasonCodes.GradeReferred, ReasonCodes.NoEligibleOffer], referred.Reasons.Select(r => r.Code));
        Assert.Equal(DecisionStatus.Declined, declined.Status);
        Assert.Equal([ReasonCodes.NoEligibleOffer], declined.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_grade_is_required()
    {
        Assert.Throws<ArgumentException>(() => Rules.Decide(" ", [], 1));
    }
}
