using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using static AutoFinance.Domain.Tests.Origination.Applications;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class ReasonTextsTests
{
    /// <summary>One failed outcome for every code, as the evaluator and the decision record them.</summary>
    private static IEnumerable<RuleOutcome> FailedOutcomes()
    {
        var failing = Typical() with
        {
            BirthDate = new DateOnly(2009, 1, 1),
            TermMonths = 37,
            Method = RepaymentMethod.InterestOnly,
            Condition = VehicleCondition.Used,
            VehicleYear = 2015,
            DownPayment = 195_000m,
            MonthlyIncome = 5_000m,
        };
        var policy = ProductPolicy.Default with { Conditions = [VehicleCondition.New], MaxAgeAtMaturity = 19, LtvCapUsed = 0.02m };
        foreach (var outcome in PolicyEvaluator.Evaluate(failing, policy, 4_000m, Start))
        {
            yield return outcome;
        }

        var decision = DecisionRules.Default.Decide("G", [], 0);
        var referral = DecisionRules.Default.Decide("D", [], 0);
        var noOffer = DecisionRules.Default.Decide("A", [], 0);
        foreach (var reason in decision.Reasons.Concat(referral.Reasons).Concat(noOffer.Reasons))
        {
            yield return reason;
        }

        foreach (var bureau in BureauFindingsFailingEveryRule())
        {
            foreach (var outcome in AutoFinance.Domain.Bureau.BureauRules.Evaluate(bureau).Where(o => !o.Passed))
            {
                yield return outcome;
            }
        }
    }

    private static IEnumerable<AutoFinance.Domain.Bureau.BureauFindings> BureauFindingsFailingEveryRule()
    {
        yield return AutoFinance.Domain.Bureau.BureauFindings.Unavailable;
        yield return AutoFinance.Domain.Bureau.BureauFindings.NoHit;
        var asOf = new DateOnly(2026, 3, 10);
        yield return AutoFinance.Domain.Bureau.BureauFindings.Hit(new AutoFinance.Domain.Bureau.CreditReport
        {
            ReportId = "R",
            ReportDate = asOf,
            Identity = new() { Name = "Test", NationalId = "110105198803140011" },
            Summary = new(),
            Accounts =
            [
                new()
                {
                    AccountId = "A", Kind = AutoFinance.Domain.Bureau.AccountKind.Loan, Purpose = "consumer", Institution = "Bank", OpenedOn = new DateOnly(2020, 1, 1),
                    Amount = 10_000m, Balance = 5_000m, Status = AutoFinance.Domain.Bureau.AccountStatus.Active, StatusMonth = new DateOnly(2026, 2, 1), RepaymentStatus24 = "NNNNNNNNNNNNNNNNNNNN1234",
                },
            ],
            PublicRecords = [new() { Kind = "enforcement", Date = new DateOnly(2025, 6, 1), Amount = 3_000m, Status = "open" }],
        }, asOf);
    }

    [Fact]
    public void Every_code_defined_has_an_english_and_a_chinese_sentence_with_its_figures_filled_in()
    {
        var outcomes = FailedOutcomes().DistinctBy(o => o.Code).ToList();
        Assert.Equal(ReasonCodes.All.Order(StringComparer.Ordinal), outcomes.Select(o => o.Code).Order(StringComparer.Ordinal));
        Assert.All(outcomes, o => Assert.False(o.Passed, o.Code));

        foreach (var outcome in outcomes)
        {
            var english = ReasonTexts.Text(outcome, "en");
            var chinese = ReasonTexts.Text(outcome, "zh-CN");
            Assert.DoesNotContain(outcome.Code, english, StringComparison.Ordinal);
            Assert.DoesNotContain(outcome.Code, chinese, StringComparison.Ordinal);
            Assert.DoesNotContain("—", english, StringComparison.Ordinal);
            Assert.DoesNotContain("—", chinese, StringComparison.Ordinal);
            Assert.Contains(chinese, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.DoesNotContain(english, c => c >= '\u4e00' && c <= '\u9fff');
        }
    }

    [Fact]
    public void Loan_to_value_reason_reads_naturally_in_both_languages()
    {
        var ltv = Outcome(PolicyEvaluator.Evaluate(Typical() with { DownPayment = 20_000m }, ProductPolicy.Default, null, Start), ReasonCodes.LtvCap);

        Assert.Equal("Loan-to-value 90.0% is above the 80.0% cap for new conventional cars; at most CNY 160,000.00 can be lent", ReasonTexts.Text(ltv, "en"));
        Assert.Equal("贷款价值比 90.0% 超过新车（燃油）上限 80.0%，最高可贷 160,000.00 元", ReasonTexts.Text(ltv, "zh-CN"));
    }

    [Fact]
    public void A_ratio_just_over_its_limit_shows_the_second_decimal()
    {
        var ltv = Outcome(PolicyEvaluator.Evaluate(Typical() with { VehiclePrice = 100_000m, DownPayment = 19_999.99m }, ProductPolicy.Default, null, Start), ReasonCodes.LtvCap);

        Assert.StartsWith("Loan-to-value 80.01% is above the 80.0% cap", ReasonTexts.Text(ltv, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Affordability_reasons_name_the_payment_and_the_share_of_income()
    {
        var outcomes = PolicyEvaluator.Evaluate(Typical() with { MonthlyIncome = 10_000m, MonthlyDebtPayments = 1_500m }, ProductPolicy.Default, 5_500m, Start);

        Assert.Equal("The monthly payment of CNY 5,500.00 is 55.0% of monthly income, above the 50.0% limit", ReasonTexts.Text(Outcome(outcomes, ReasonCodes.PaymentToIncome), "en"));
        Assert.Equal("含本笔贷款在内的月还款额 7,000.00 元占月收入 70.0%，超过上限 60.0%", ReasonTexts.Text(Outcome(outcomes, ReasonCodes.DebtToIncome), "zh-CN"));
    }

    [Fact]
    public void Dates_and_lists_are_written_the_way_each_language_writes_them()
    {
        var outcomes = PolicyEvaluator.Evaluate(Typical() with { TermMonths = 30, BirthDate = new DateOnly(1960, 1, 1) }, ProductPolicy.Default, null, Start);

        Assert.Equal("A 30-month term is not offered; the terms are 12, 24, 36, 48 and 60 months", ReasonTexts.Text(Outcome(outcomes, ReasonCodes.TermAllowed), "en"));
        Assert.Equal("不提供 30 期贷款，可选期限为 12、24、36、48、60 期", ReasonTexts.Text(Outcome(outcomes, ReasonCodes.TermAllowed), "zh-CN"));
        Assert.Equal("贷款到期日（2028年9月10日）申请人年龄 68 岁，超过上限 65 岁", ReasonTexts.Text(Outcome(outcomes, ReasonCodes.MaxAgeAtMaturity), "zh"));
    }

    [Theory]
    [InlineData("zh", true)]
    [InlineData("zh-CN", true)]
    [InlineData("zh-Hans", true)]
    [InlineData("zh-Hant-TW", false)]
    [InlineData("en-GB", false)]
    [InlineData("fr", false)]
    public void Simplified_chinese_is_chosen_by_language_tag(string language, bool chinese) =>
        Assert.Equal(chinese, ReasonTexts.IsChinese(language));

    [Fact]
    public void An_unknown_code_still_yields_a_sentence_naming_it()
    {
        var values = new Dictionary<string, string>();

        Assert.Equal("Reason fraud.velocity", ReasonTexts.Text("fraud.velocity", values, "en"));
        Assert.Equal("原因代码 fraud.velocity", ReasonTexts.Text("fraud.velocity", values, "zh-CN"));
    }
}
