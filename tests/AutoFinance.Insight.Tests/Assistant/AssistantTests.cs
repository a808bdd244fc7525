using System.Text.RegularExpressions;
using AutoFinance.Domain.Monetary;
using AutoFinance.Insight.Assistant;

namespace AutoFinance.Insight.Tests.Assistant;

public sealed partial class AssistantTests
{
    private static readonly LoanSnapshot Snapshot = new(
        "L-1001", new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 15), Money.Of(3021.63m, Currency.Cny),
        Money.Of(86432.10m, Currency.Cny), Money.Of(87110.45m, Currency.Cny), "A-77", "approved");

    [Theory]
    [InlineData("When is my next payment due?", AssistantIntent.NextDue)]
    [InlineData("下个月还款日是哪天？要还多少", AssistantIntent.NextDue)]
    [InlineData("下次还款是什么时候？", AssistantIntent.NextDue)]
    [InlineData("When do I pay next?", AssistantIntent.NextDue)]
    [InlineData("How much do I still owe on the loan?", AssistantIntent.Balance)]
    [InlineData("贷款余额还有多少", AssistantIntent.Balance)]
    [InlineData("What is the payoff amount if I settle today?", AssistantIntent.PayoffToday)]
    [InlineData("今天一次性结清需要多少钱", AssistantIntent.PayoffToday)]
    [InlineData("How can I make an early repayment?", AssistantIntent.HowToPrepay)]
    [InlineData("提前还款怎么操作", AssistantIntent.HowToPrepay)]
    [InlineData("Where is my application?", AssistantIntent.ApplicationStatus)]
    [InlineData("我的贷款申请审批进度", AssistantIntent.ApplicationStatus)]
    [InlineData("我的逾期金额是多少？", AssistantIntent.Overdue)]
    [InlineData("How much is overdue on my loan?", AssistantIntent.Overdue)]
    [InlineData("我想申请还款假期", AssistantIntent.Hardship)]
    [InlineData("I lost my job, can I pause my payments?", AssistantIntent.Hardship)]
    [InlineData("滞纳金是怎么收的", AssistantIntent.LateCharges)]
    [InlineData("What happens if I pay a few days late?", AssistantIntent.LateCharges)]
    [InlineData("可以修改还款日吗", AssistantIntent.ChangeDueDate)]
    [InlineData("Can I change my due date?", AssistantIntent.ChangeDueDate)]
    [InlineData("还款日是几号", AssistantIntent.NextDue)]
    [InlineData("可以减免罚息吗", AssistantIntent.ChargeWaiver)]
    [InlineData("Can you waive my late fee?", AssistantIntent.ChargeWaiver)]
    public void Common_questions_are_recognised_in_both_languages(string question, AssistantIntent expected)
    {
        Assert.Equal(expected, new IntentClassifier().Classify(question).Intent);
    }

    [Theory]
    [InlineData("What's the weather tomorrow?")]
    [InlineData("明天天气怎么样")]
    [InlineData("I want to complain about the dealer who sold me the car")]
    [InlineData("")]
    public void Unknown_questions_are_handed_over_to_a_human(string question)
    {
        var answer = SelfServiceAssistant.Default.Answer(question, Snapshot, "en");
        Assert.Equal(AssistantIntent.Unknown, answer.Intent);
        Assert.True(answer.HandOverToHuman);
        Assert.Null(answer.QuotedAmount);
    }

    [Fact]
    public void Asked_to_move_the_due_date_the_customer_is_told_it_cannot_be_and_what_helps_instead()
    {
        var answer = SelfServiceAssistant.Default.Answer("可以修改还款日吗", Snapshot, "zh-CN");
        Assert.False(answer.HandOverToHuman);
        Assert.Contains("不能更改", answer.Text, StringComparison.Ordinal);
        Assert.Contains("提前还款", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-04-15", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Asked_how_late_fees_work_the_customer_gets_the_rule_not_a_hand_over()
    {
        var answer = SelfServiceAssistant.Default.Answer("滞纳金是怎么收的", Snapshot, "zh-CN");
        Assert.False(answer.HandOverToHuman);
        Assert.Contains("宽限期", answer.Text, StringComparison.Ordinal);
        Assert.Contains("罚息", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_instalments_overdue_are_answered_together_with_what_they_come_to()
    {
        var late = Snapshot with { NextDueDate = new DateOnly(2026, 2, 15), OverdueCount = 2, OverdueTotal = Money.Of(6502.88m, Currency.Cny) };

        var en = AnswerComposer.Compose(AssistantIntent.NextDue, late, "en");
        var zh = AnswerComposer.Compose(AssistantIntent.NextDue, late, "zh-CN");

        Assert.Equal("2 instalments are overdue, the oldest due on 2026-02-15: 6,502.88 CNY is owed on them now, late charges included. Please pay soon to stop further penalty interest.", en.Text);
        Assert.Contains("2 期还款已逾期", zh.Text, StringComparison.Ordinal);
        Assert.Equal(late.OverdueTotal, en.QuotedAmount);
        Assert.False(en.HandOverToHuman);
    }

    [Theory]
    [InlineData(AssistantIntent.NextDue)]
    [InlineData(AssistantIntent.Balance)]
    [InlineData(AssistantIntent.PayoffToday)]
    [InlineData(AssistantIntent.HowToPrepay)]
    public void A_paid_off_customer_is_told_so_without_a_hand_over(AssistantIntent intent)
    {
        var closed = new LoanSnapshot("L-1001", new DateOnly(2026, 3, 20), null, null, null, null, "A-77", "disbursed", PaidOff: true);

        var answer = AnswerComposer.Compose(intent, closed, "en");

        Assert.Equal("Your loan L-1001 is paid off; there is nothing more to pay.", answer.Text);
        Assert.False(answer.HandOverToHuman);
    }

    [Fact]
    public void Answers_quote_exactly_the_snapshots_figures()
    {
        var en = AnswerComposer.Compose(AssistantIntent.NextDue, Snapshot, "en");
        Assert.Equal("Your next instalment of 3,021.63 CNY is due on 2026-04-15.", en.Text);
        Assert.Equal(Snapshot.NextDueAmount, en.QuotedAmount);
        Assert.Equal(Snapshot.NextDueDate, en.QuotedDate);
        Assert.False(en.HandOverToHuman);

        var zh = AnswerComposer.Compose(AssistantIntent.NextDue, Snapshot, "zh-CN");
        Assert.Equal("您的下一期还款日为 2026-04-15，应还金额 3,021.63 CNY。", zh.Text);

        Assert.Equal(Snapshot.OutstandingPrincipal, AnswerComposer.Compose(AssistantIntent.Balance, Snapshot, "en").QuotedAmount);
        Assert.Equal(Snapshot.PayoffToday, AnswerComposer.Compose(AssistantIntent.PayoffToday, Snapshot, "zh-CN").QuotedAmount);
        Assert.Contains("A-77", AnswerComposer.Compose(AssistantIntent.ApplicationStatus, Snapshot, "en").Text, StringComparison.Ordinal);
    }

    /// <summary>Asked what is overdue, a customer is told the arrears and what they come to, or that nothing is: never their remaining principal.</summary>
    [Fact]
    public void Asked_what_is_overdue_the_customer_is_told_the_arrears_or_that_there_are_none()
    {
        var late = Snapshot with { NextDueDate = new DateOnly(2026, 2, 15), OverdueCount = 2, OverdueTotal = Money.Of(6502.88m, Currency.Cny) };

        var arrears = AnswerComposer.Compose(AssistantIntent.Overdue, late, "zh-CN");
        var none = AnswerComposer.Compose(AssistantIntent.Overdue, Snapshot, "zh-CN");

        Assert.Equal(late.OverdueTotal, arrears.QuotedAmount);
        Assert.Contains("2 期还款已逾期", arrears.Text, StringComparison.Ordinal);
        Assert.Equal("截至 2026-03-20，您没有逾期的还款。下一期于 2026-04-15 到期，应还 3,021.63 CNY。", none.Text);
        Assert.DoesNotContain("86,432.10", none.Text + arrears.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instalment_past_its_date_is_said_to_be_overdue_not_upcoming()
    {
        var late = Snapshot with { AsOf = new DateOnly(2026, 4, 27) };

        Assert.Equal("Your instalment of 3,021.63 CNY due on 2026-04-15 is overdue; please pay it soon to stop further penalty interest.",
            AnswerComposer.Compose(AssistantIntent.NextDue, late, "en").Text);
        Assert.Contains("已逾期", AnswerComposer.Compose(AssistantIntent.NextDue, late, "zh-CN").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Credit_held_is_counted_against_the_next_instalment()
    {
        var covered = Snapshot with { CreditHeld = Money.Of(3021.63m, Currency.Cny), NextDueAfterCredit = Money.Of(0m, Currency.Cny) };
        var answer = AnswerComposer.Compose(AssistantIntent.NextDue, covered, "en");
        Assert.Equal("Your next instalment of 3,021.63 CNY is due on 2026-04-15; the 3,021.63 CNY you paid ahead is applied on that day, so nothing more is to pay.", answer.Text);
        Assert.Equal(0m, answer.QuotedAmount!.Value.Amount);

        var partly = Snapshot with { CreditHeld = Money.Of(1000m, Currency.Cny), NextDueAfterCredit = Money.Of(2021.63m, Currency.Cny) };
        Assert.Equal("您的下一期还款日为 2026-04-15，应还金额 3,021.63 CNY；账户中预存的 1,000.00 CNY 将自动抵扣，还需还款 2,021.63 CNY。",
            AnswerComposer.Compose(AssistantIntent.NextDue, partly, "zh-CN").Text);
    }

    [Theory]
    [InlineData(AssistantIntent.NextDue)]
    [InlineData(AssistantIntent.Balance)]
    [InlineData(AssistantIntent.PayoffToday)]
    [InlineData(AssistantIntent.HowToPrepay)]
    public void Every_number_in_an_answer_comes_from_the_snapshot(AssistantIntent intent)
    {
        foreach (var language in AnswerTemplates.Languages)
        {
            var answer = AnswerComposer.Compose(intent, Snapshot, language);
            var allowed = new[] { Snapshot.NextDueAmount, Snapshot.OutstandingPrincipal, Snapshot.PayoffToday }
                .Select(m => AnswerComposer.FormatAmount(m!.Value).Split(' ')[0])
                .Concat(new[] { Snapshot.NextDueDate!.Value, Snapshot.AsOf }.Select(AnswerComposer.FormatDate))
                .ToArray();
            var numbers = Numbers().Matches(answer.Text);
            Assert.NotEmpty(numbers);
            foreach (Match number in numbers)
            {
                Assert.Contains(number.Value, allowed);
            }
        }
    }

    [Fact]
    public void A_missing_figure_hands_over_instead_of_guessing()
    {
        var noLoan = Snapshot with { LoanId = null, NextDueDate = null, NextDueAmount = null, OutstandingPrincipal = null, PayoffToday = null };
        var answer = SelfServiceAssistant.Default.Answer("What is my remaining balance?", noLoan, "zh-CN");
        Assert.Equal(AssistantIntent.Balance, answer.Intent);
        Assert.True(answer.HandOverToHuman);
        Assert.Equal("figure not available", answer.HandOverReason);
        Assert.DoesNotMatch(Numbers(), answer.Text);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}|\d+(,\d{3})*(\.\d+)?")]
    private static partial Regex Numbers();
}
