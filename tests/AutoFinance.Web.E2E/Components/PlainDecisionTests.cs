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
    public void The_dealer_who_submitted_a_declined_application_reads_its_reasons_and_advice_about_the_applicant()
    {
        var declined = Detail("declined", [new("bureau.recent-90-plus", "x"), new("score.debt_to_income", "x"), new("score.age", "x")], []);
        var dealer = Render<PlainDecision>(p => p.Add(x => x.Detail, declined).Add(x => x.L, UiLanguage.Zh).Add(x => x.ForDealer, true));
        var applicant = Render<PlainDecision>(p => p.Add(x => x.Detail, declined).Add(x => x.L, UiLanguage.Zh));

        var reasons = dealer.Find("[data-testid=reasons]").TextContent;
        var advice = dealer.Find("[data-testid=plain-do]").TextContent;
        Assert.Contains(UiLanguage.Zh["plain.dealer.reason.bureau.recent-90-plus"], reasons, StringComparison.Ordinal);
        Assert.Contains(UiLanguage.Zh["plain.dealer.do.bureau.recent-90-plus"], advice, StringComparison.Ordinal);
        Assert.DoesNotContain("您", reasons + advice, StringComparison.Ordinal);
        Assert.Contains(UiLanguage.Zh["plain.reason.bureau.recent-90-plus"], applicant.Find("[data-testid=reasons]").TextContent, StringComparison.Ordinal);
        Assert.Contains(UiLanguage.Zh["plain.do.score.debt_to_income"], applicant.Find("[data-testid=plain-do]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_reason_and_advice_said_to_the_applicant_has_a_dealer_wording_that_speaks_of_them()
    {
        foreach (var (key, (zh, en)) in UiText.All.Where(e => e.Key.StartsWith("plain.reason.", StringComparison.Ordinal) || e.Key.StartsWith("plain.do.", StringComparison.Ordinal)))
        {
            if (AddressesTheReader(zh, en))
            {
                Assert.True(UiText.All.ContainsKey("plain.dealer." + key["plain.".Length..]), key);
            }
        }

        foreach (var (key, (zh, en)) in UiText.All.Where(e => e.Key.StartsWith("plain.dealer.reason.", StringComparison.Ordinal) || e.Key.StartsWith("plain.dealer.do.", StringComparison.Ordinal)))
        {
            Assert.True(UiText.All.ContainsKey("plain." + key["plain.dealer.".Length..]), key);
            Assert.False(AddressesTheReader(zh, en), key);
        }
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

    /// <summary>Whether a text speaks to its reader ("您", "you"), as a reason or an advice said to the applicant does.</summary>
    private static bool AddressesTheReader(string zh, string en) => zh.Contains('您', StringComparison.Ordinal) || zh.Contains('你', StringComparison.Ordinal) || You().IsMatch(en);

    [GeneratedRegex(@"\b(you|your|yours)\b", RegexOptions.IgnoreCase)]
    private static partial Regex You();

    /// <summary>What an applicant must not read: grades, ranges and bins, model words, timings, codes.</summary>
    [GeneratedRegex(@"评分|等级|模型|ms\b|\d+\.\d{3,}|至 .*（不含）|[a-z]+\.[a-z_-]+|grade|score", RegexOptions.IgnoreCase)]
    private static partial Regex ModelTalk();
}
