using System.Text.RegularExpressions;
using AutoFinance.Application.Origination;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Origination;
using Bunit;

namespace AutoFinance.Web.E2E.Components;

/// <summary>An applicant reads the decision in everyday words: no grades, bins, model terms, timings or codes.</summary>
public sealed partial class PlainDecisionTests : BunitContext
{
    private static readonly ApplicationSummary Summary = new(
        Guid.NewGuid(), "AF260501-0000ABCD", "online", "declined", "F", 512, DateTimeOffset.UnixEpoch, "2026 BYD Seal (new, new-energy)", 200_000m, 20_000m, 60, null, null);

    private static ApplicationDetail Detail(string status, IReadOnlyList<ReasonView> reasons, IReadOnlyList<OfferView> offers) => new()
    {
        Summary = Summary with { Status = status },
        Reasons = reasons,
        Offers = offers,
        History = [],
        ModelVersion = "scorecard-20260501T000000Z-0000",
        DecisionMillis = 10.7,
    };

    [Fact]
    public void A_declined_applicant_reads_the_main_reasons_in_everyday_words_and_what_to_do()
    {
        var cut = Render<PlainDecision>(p => p
            .Add(x => x.Detail, Detail("declined", [new("score.debt_to_income", "负债收入比（0.2705 至 0.4782（不含））拉低了评分"), new("policy.pti", "月供收入比 0.61 超过上限 0.50"), new("verification", "x")], []))
            .Add(x => x.L, UiLanguage.Zh));

        var text = cut.Find("[data-testid=decision]").TextContent;
        Assert.Contains(UiLanguage.Zh["plain.reason.policy.pti"], text, StringComparison.Ordinal);
        Assert.Contains(UiLanguage.Zh["plain.do.score.debt_to_income"], text, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("[data-testid=reasons] li").Count);
        Assert.DoesNotMatch(ModelTalk(), text);
    }

    [Fact]
    public void An_approved_applicant_reads_what_was_approved_and_why_these_offers_without_negative_reasons()
    {
        var offer = new OfferView
        {
            OfferId = Guid.NewGuid(), Rank = 1, TermMonths = 60, Method = "annuity", DownPayment = 20_000m, Principal = 180_000m, AnnualRate = 4.99m, Payment = 3_396.44m,
            FirstPayment = 3_396.44m, AnnualisedRate = 5.1m, TotalInterest = 23_786.40m, TotalFees = 0m, TotalRepayable = 203_786.40m, IsRequestedPlan = true, DisclosureUrl = "/",
        };
        var cut = Render<PlainDecision>(p => p
            .Add(x => x.Detail, Detail("approved", [new("score.worst_status_24m", "近24个月最差还款状态（2 及以上）拉低了评分")], [offer]))
            .Add(x => x.L, UiLanguage.Zh));

        Assert.Contains("¥180,000.00", cut.Find("[data-testid=plain-what]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=plain-why] li"));
        Assert.Empty(cut.FindAll("[data-testid=reasons]"));
        Assert.DoesNotMatch(ModelTalk(), cut.Find("[data-testid=decision]").TextContent);
    }

    [Fact]
    public void Every_reason_an_applicant_can_be_given_has_an_everyday_text()
    {
        var codes = AutoFinance.Domain.Origination.ReasonCodes.All
            .Concat(AutoFinance.Credit.Synthetic.CarLoanFeatures.All.Where(f => f != AutoFinance.Credit.Synthetic.CarLoanFeatures.Defaulted).Select(f => "score." + f))
            .Append(ReasonCatalog.Verification);
        Assert.All(codes, c => Assert.True(UiText.All.ContainsKey("plain.reason." + c), c));
    }

    /// <summary>What an applicant must not read: grades, ranges and bins, model words, timings, codes.</summary>
    [GeneratedRegex(@"评分|等级|模型|ms\b|\d+\.\d{3,}|至 .*（不含）|[a-z]+\.[a-z_-]+|grade|score", RegexOptions.IgnoreCase)]
    private static partial Regex ModelTalk();
}
