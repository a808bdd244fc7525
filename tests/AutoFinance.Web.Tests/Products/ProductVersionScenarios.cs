using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Components.Shared;
using AutoFinance.Web.Tests.Origination;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Products;

/// <summary>
/// Products with versions through HTTP: a change proposed by one person and approved by another becomes the next
/// version, a loan made before keeps the terms it was made under at end-of-day, and a bad change is refused naming
/// every field with its code. Run on SQLite and on PostgreSQL by the two classes at the end of this file.
/// </summary>
public abstract class ProductVersionScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task A_raised_late_fee_is_a_new_version_charged_to_new_loans_while_an_earlier_loan_keeps_its_fee()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        var before = await Product(admin);
        var version = before.GetProperty("currentVersion").GetInt32();
        var oldFee = before.GetProperty("terms").GetProperty("lateCharges").GetProperty("fixedFee").GetDecimal();
        var (earlier, first) = await BookALoan();

        var proposed = await admin.PostAsJsonAsync("/api/v1/admin/products/car-loan/changes", new { reason = "raise the late fee", lateCharges = new { fixedFee = oldFee + 70m } });
        Assert.Equal(HttpStatusCode.Accepted, proposed.StatusCode);
        var approvalId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetString();
        // Nothing changes until a second person approves: the proposer may not.
        Assert.Equal(version, (await Product(admin)).GetProperty("currentVersion").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);
        var approved = await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var after = await Product(admin);
        Assert.Equal(version + 1, after.GetProperty("currentVersion").GetInt32());
        Assert.Equal(oldFee + 70m, after.GetProperty("terms").GetProperty("lateCharges").GetProperty("fixedFee").GetDecimal());
        var newest = after.GetProperty("versions")[0];
        Assert.Equal(version + 1, newest.GetProperty("version").GetInt32());
        Assert.Equal("raise the late fee", newest.GetProperty("reason").GetString());
        Assert.StartsWith("admin:", newest.GetProperty("proposedBy").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("manager:", newest.GetProperty("approvedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(oldFee, after.GetProperty("versions")[1].GetProperty("terms").GetProperty("lateCharges").GetProperty("fixedFee").GetDecimal());

        var (later, _) = await BookALoan();
        await using (var db = Db())
        {
            Assert.Equal(version, (await db.Loans.SingleAsync(l => l.Id == Guid.Parse(earlier))).ProductVersion);
            Assert.Equal(version + 1, (await db.Loans.SingleAsync(l => l.Id == Guid.Parse(later))).ProductVersion);
        }

        // Both miss their first instalment: end-of-day charges each the fee of the version it was made under.
        var dueDate = DateOnly.Parse(first.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(dueDate.AddDays(5), new CobOptions(), CancellationToken.None);
        }

        MoveTo(dueDate.AddDays(5));
        using var agent = await platform.SignedIn("agent");
        Assert.Equal(oldFee, (await Loan(agent, earlier)).GetProperty("schedule")[0].GetProperty("lateFee").GetDecimal());
        Assert.Equal(oldFee + 70m, (await Loan(agent, later)).GetProperty("schedule")[0].GetProperty("lateFee").GetDecimal());
    }

    [SkippableFact]
    public async Task A_loan_made_under_a_fee_waiver_promotion_pays_off_without_the_prepayment_fee_that_a_later_loan_pays()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        var waiver = new { code = "sagitar-no-fee", name = "Sagitar: repay early for free", makes = new[] { "Volkswagen" }, models = new[] { "Sagitar" }, maxTermMonths = 60, waivesPrepaymentFee = true };
        await ChangeAsync(admin, manager, new { reason = "a 2% prepayment fee, waived on the Sagitar", prepayment = new { feeFraction = 0.02m }, promotions = new[] { waiver } });

        var (waived, offer) = await BookALoanWithOffer();
        Assert.Equal("Sagitar: repay early for free", offer.GetProperty("promotion").GetString());
        Assert.Contains("no fee for repaying early", offer.GetProperty("promotionConditions").GetProperty("english").GetString(), StringComparison.Ordinal);
        Assert.Contains("提前还款免手续费", offer.GetProperty("promotionConditions").GetProperty("chinese").GetString(), StringComparison.Ordinal);

        await ChangeAsync(admin, manager, new { reason = "the Sagitar promotion ends", promotions = Array.Empty<object>() });
        var (charged, _) = await BookALoanWithOffer();

        using var agent = await platform.SignedIn("agent");
        var free = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{waived}/payoff");
        var paid = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{charged}/payoff");
        Assert.Equal(0m, free.GetProperty("fees").GetDecimal());
        var fee = Math.Round(paid.GetProperty("principal").GetDecimal() * 0.02m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(fee, paid.GetProperty("fees").GetDecimal());
        Assert.Equal(fee, paid.GetProperty("feesAtPayoff").GetDecimal());
        Assert.Equal(
            paid.GetProperty("total").GetDecimal(),
            paid.GetProperty("dueUnpaid").GetDecimal() + paid.GetProperty("principalNotDue").GetDecimal() + paid.GetProperty("accruedInterest").GetDecimal() + fee - paid.GetProperty("credit").GetDecimal());

        // The quote's page names the fee as a line of its own, and says there is none only where there is none.
        var chargedPage = await agent.GetStringAsync($"/loans/{charged}");
        Assert.Contains("data-testid=\"payoff-fees\">" + Fmt.Money(fee), chargedPage, StringComparison.Ordinal);
        Assert.Contains("提前结清手续费按合同约定收取", chargedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("提前结清不收违约金", chargedPage, StringComparison.Ordinal);
        var freePage = await agent.GetStringAsync($"/loans/{waived}");
        Assert.DoesNotContain("data-testid=\"payoff-fees\"", freePage, StringComparison.Ordinal);
        Assert.Contains("提前结清不收违约金", freePage, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_bad_product_change_is_refused_naming_every_field_with_its_code_and_nothing_waits_for_approval()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/admin/products/car-loan/changes", new
        {
            reason = "",
            gradeRates = new Dictionary<string, decimal> { ["A"] = 0.5m, ["Z"] = 0.05m },
            lateCharges = new { fixedFee = -1m },
            prepayment = new { feeFraction = 0.2m },
            allocationOrder = new[] { "fee", "fee" },
            requiredDocuments = new[] { "passport" },
            promotions = new[] { new { code = "spring", name = "", annualRate = 0m, maxTermMonths = 24, validFrom = "2027-02-01", validTo = "2027-01-01" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var codes = problem.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("field").GetString()!, p => p.GetProperty("code").GetString());
        Assert.Equal("field.length", codes["reason"]);
        Assert.Equal("field.between", codes["gradeRates.A"]);
        Assert.Equal("product.grade-unknown", codes["gradeRates.Z"]);
        Assert.Equal("field.between", codes["lateCharges.fixedFee"]);
        Assert.Equal("field.between", codes["prepayment.feeFraction"]);
        Assert.Equal("product.allocation-order", codes["allocationOrder"]);
        Assert.Equal("field.one-of", codes["requiredDocuments"]);
        Assert.Equal("field.required-text", codes["promotions[0].name"]);
        Assert.Equal("product.promotion-dates", codes["promotions[0].validTo"]);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lateCharges.fixedFee", out _));
        Assert.Equal(JsonValueKind.Null, (await Product(admin)).GetProperty("pendingApprovalId").ValueKind);
    }

    [SkippableFact]
    public async Task Limits_that_contradict_each_other_are_refused_by_the_products_policy_rules()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");

        var response = await manager.PostAsJsonAsync("/api/v1/admin/products/car-loan/changes", new { reason = "tighter amounts", limits = new { minLoanAmount = 50_000m, maxLoanAmount = 40_000m } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == "limits.maxLoanAmount" && p.GetProperty("code").GetString() == "product.policy-inconsistent");

        // A change of nothing, a card that prices a worse grade lower, terms listed twice or beyond the longest term,
        // and a null promotion: each refused with its code, and nothing waits for approval.
        foreach (var (change, field, code) in new (object Change, string Field, string Code)[]
        {
            (new { reason = "nothing really" }, "", "product.change-empty"),
            (new { reason = "an inverted card", gradeRates = new Dictionary<string, decimal> { ["A"] = 0.2m, ["B"] = 0.01m } }, "gradeRates.B", "product.grade-order"),
            (new { reason = "terms twice", limits = new { allowedTerms = new[] { 12, 12, 24 } } }, "limits.allowedTerms", "product.terms-repeated"),
            (new { reason = "terms beyond", limits = new { maxTermNewMonths = 12, maxTermUsedMonths = 12, allowedTerms = new[] { 60 } } }, "limits.allowedTerms", "product.terms-beyond-maximum"),
            (new { reason = "a null promotion", promotions = new object?[] { null } }, "promotions[0]", "field.required"),
        })
        {
            using var refused = await manager.PostAsJsonAsync("/api/v1/admin/products/car-loan/changes", change);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, text);
            Assert.Contains(JsonDocument.Parse(text).RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("field").GetString() == field && p.GetProperty("code").GetString() == code);
        }

        Assert.Equal(JsonValueKind.Null, (await Product(manager)).GetProperty("pendingApprovalId").ValueKind);
    }

    [SkippableFact]
    public async Task Products_are_for_admins_and_managers_and_an_unknown_product_is_not_found()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await platform.SignedIn("underwriter");
        using var manager = await platform.SignedIn("manager");

        Assert.Equal(HttpStatusCode.Forbidden, (await underwriter.GetAsync("/api/v1/admin/products")).StatusCode);
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/v1/admin/products");
        Assert.Contains(list.EnumerateArray(), p => p.GetProperty("code").GetString() == "car-loan" && p.GetProperty("currentVersion").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/admin/products/no-such-product")).StatusCode);
    }

    /// <summary>One person proposes the change, another approves it.</summary>
    private static async Task ChangeAsync(HttpClient proposer, HttpClient approver, object change)
    {
        var proposed = await proposer.PostAsJsonAsync("/api/v1/admin/products/car-loan/changes", change);
        var text = await proposed.Content.ReadAsStringAsync();
        Assert.True(proposed.StatusCode == HttpStatusCode.Accepted, text);
        var approvalId = JsonDocument.Parse(text).RootElement.GetProperty("approvalId").GetString();
        var approved = await approver.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task The_disclosure_states_the_late_fee_and_prepayment_terms_of_the_offers_own_product_version()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await platform.SignedIn("admin");
        using var manager = await platform.SignedIn("manager");
        using var dealer = platform.Dealer();
        var before = await Product(admin);
        var oldFee = before.GetProperty("terms").GetProperty("lateCharges").GetProperty("fixedFee").GetDecimal();
        var (earlierApplication, earlierOffer) = await DecideAsync(dealer);

        var proposed = await admin.PostAsJsonAsync("/api/v1/admin/products/car-loan/changes", new { reason = "a late fee the disclosure must state", lateCharges = new { fixedFee = oldFee + 33m, graceDays = 4 } });
        var approvalId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);
        var prepayment = (await Product(admin)).GetProperty("terms").GetProperty("prepayment");

        var (application, offer) = await DecideAsync(dealer);
        var disclosure = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{application}/offers/{offer}/disclosure");
        Assert.Equal(oldFee + 33m, disclosure.GetProperty("lateCharges").GetProperty("fixedFee").GetDecimal());
        Assert.Equal(4, disclosure.GetProperty("lateCharges").GetProperty("graceDays").GetInt32());
        Assert.Equal(prepayment.GetProperty("feeFraction").GetDecimal() * 100m, disclosure.GetProperty("prepayment").GetProperty("feePercent").GetDecimal());

        // An offer made before the change keeps the wording of the version it was made under.
        var earlier = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{earlierApplication}/offers/{earlierOffer}/disclosure");
        Assert.Equal(oldFee, earlier.GetProperty("lateCharges").GetProperty("fixedFee").GetDecimal());
    }

    private static async Task<(string Application, string Offer)> DecideAsync(HttpClient dealer)
    {
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        return (decision.GetProperty("applicationId").GetString()!, decision.GetProperty("offers")[0].GetProperty("offerId").GetString()!);
    }

    private async Task<(string LoanId, JsonElement Offer)> BookALoanWithOffer()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        var offer = decision.GetProperty("offers")[0].Clone();
        var contract = JsonDocument.Parse(await (await Contracts.ContractSigning.AcceptAsync(platform, dealer, decision.GetProperty("applicationId").GetString(), offer.GetProperty("offerId").GetString())).Content.ReadAsStringAsync()).RootElement;
        var loanId = await Payouts.Funding.BookAsync(underwriter, contract.GetProperty("contractId").GetString()!);
        return (loanId.ToString(), offer);
    }

    private static async Task<JsonElement> Product(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/admin/products/car-loan")).Clone();

    private void MoveTo(DateOnly date)
    {
        var target = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        if (target > platform.Clock.Now)
        {
            platform.Clock.Now = target;
        }
    }

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();

    private static async Task<JsonElement> Loan(HttpClient client, string loanId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/loans/{loanId}")).RootElement.Clone();

    /// <summary>A prime application approved, accepted and disbursed today: the booked loan and its first instalment.</summary>
    private async Task<(string LoanId, JsonElement FirstInstallment)> BookALoan()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        var applicationId = decision.GetProperty("applicationId").GetString();
        var offerId = decision.GetProperty("offers")[0].GetProperty("offerId").GetString();
        var contract = JsonDocument.Parse(await (await Contracts.ContractSigning.AcceptAsync(platform, dealer, applicationId, offerId)).Content.ReadAsStringAsync()).RootElement;
        var loanId = (await Payouts.Funding.BookAsync(underwriter, contract.GetProperty("contractId").GetString()!)).ToString();
        var loan = await Loan(underwriter, loanId);
        return (loanId, loan.GetProperty("schedule")[0].Clone());
    }
}

public sealed class ProductVersionsOnSqlite(ClockedPlatform platform) : ProductVersionScenarios<ClockedPlatform>(platform);

public sealed class ProductVersionsOnPostgres(ClockedPostgresPlatform platform) : ProductVersionScenarios<ClockedPostgresPlatform>(platform);
