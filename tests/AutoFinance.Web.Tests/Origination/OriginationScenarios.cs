using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Origination;

/// <summary>
/// Origination through HTTP against the running platform: decisions and their reasons, validation, idempotency,
/// fraud and policy rules, referral to disbursement, object-level access and the audit chain. Run on SQLite and on
/// PostgreSQL by the two classes at the end of this file.
/// </summary>
public abstract class OriginationScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    protected TPlatform Platform { get; } = platform;

    private bool Skip => !Platform.Available;

    [SkippableFact]
    public async Task A_prime_applicant_is_approved_with_disclosed_offers_in_the_same_response()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();

        var response = await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime());
        var body = await Json(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("approved", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("riskGrade").GetString(), new[] { "A", "B", "C" });
        Assert.StartsWith("scorecard-", body.GetProperty("modelVersion").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("decisionMillis").GetDouble() > 0);
        var offers = body.GetProperty("offers").EnumerateArray().ToArray();
        Assert.InRange(offers.Length, 1, 4);
        foreach (var offer in offers)
        {
            Assert.True(offer.GetProperty("payment").GetDecimal() > 0);
            Assert.True(offer.GetProperty("annualisedRate").GetDecimal() >= offer.GetProperty("annualRate").GetDecimal() - 0.01m);
            var disclosure = await dealer.GetAsync(offer.GetProperty("disclosureUrl").GetString());
            Assert.Equal(HttpStatusCode.OK, disclosure.StatusCode);
            var document = await Json(disclosure);
            Assert.Equal(offer.GetProperty("totalRepayable").GetDecimal(), document.GetProperty("totalRepayable").GetDecimal());
            Assert.Equal(offer.GetProperty("termMonths").GetInt32(), document.GetProperty("schedule").GetArrayLength());
            AssertPaymentsAsContracted(offer, document);
        }

        // Read back later, the offers name the same payments.
        var stored = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{body.GetProperty("applicationId").GetString()}");
        foreach (var offer in stored.GetProperty("offers").EnumerateArray())
        {
            AssertPaymentsAsContracted(offer, await Json(await dealer.GetAsync(offer.GetProperty("disclosureUrl").GetString())));
        }
    }

    /// <summary>
    /// An offer's monthly payment is the one its contract names, not the largest: a level plan's regular payment, with
    /// the last one beside it when that is larger; an equal-principal plan's first.
    /// </summary>
    private static void AssertPaymentsAsContracted(JsonElement offer, JsonElement disclosure)
    {
        var schedule = disclosure.GetProperty("schedule").EnumerateArray().Select(r => r.GetProperty("payment").GetDecimal()).ToArray();
        Assert.Equal(schedule[0], offer.GetProperty("payment").GetDecimal());
        var final = offer.GetProperty("finalPayment");
        if (offer.GetProperty("method").GetString() != "equal-principal" && schedule[^1] > schedule[0])
        {
            Assert.Equal(schedule[^1], final.GetDecimal());
            Assert.Equal(disclosure.GetProperty("payments").GetProperty("regularAmount").GetDecimal(), offer.GetProperty("payment").GetDecimal());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, final.ValueKind);
        }
    }

    [SkippableFact]
    public async Task A_subprime_applicant_is_declined_with_readable_reasons_and_no_offers()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();

        var body = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Subprime()));

        Assert.Equal("declined", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("offers").EnumerateArray());
        var reasons = body.GetProperty("reasons").EnumerateArray().ToArray();
        Assert.Contains(reasons, r => r.GetProperty("code").GetString() == "decision.grade-declined");
        Assert.Contains(reasons, r => r.GetProperty("code").GetString()!.StartsWith("score.", StringComparison.Ordinal));
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("text").GetString())));

        // The dealer's page speaks of the applicant, not to them, and points to nothing a dealer may not open; so do
        // its reasons and what the applicant can do.
        using var desk = await Platform.SignedIn("dealer");
        var decision = Part(await desk.GetStringAsync($"/applications/{body.GetProperty("applicationId").GetString()}"), "decision", "</section>");
        Assert.Contains("这份申请未获批准", decision, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/help\"", decision, StringComparison.Ordinal);
        Assert.DoesNotContain("很抱歉，这次我们不能批准您的申请", decision, StringComparison.Ordinal);
        Assert.Contains("申请人近一年的征信记录中有逾期超过 90 天的还款", Part(decision, "reasons", "</ul>"), StringComparison.Ordinal);
        Assert.DoesNotContain("您", Part(decision, "reasons", "</ul>"), StringComparison.Ordinal);
        Assert.DoesNotContain("您", Part(decision, "plain-do", "</ul>"), StringComparison.Ordinal);

        // An applicant who applied online reads the same reason said to them.
        var mobile = Identity.Registration.FreshMobile();
        using var anonymous = Platform.Anonymous();
        Assert.Equal(HttpStatusCode.Created, (await Identity.Registration.RegisterAsync(anonymous, mobile, DemoData.Password, "Declined Applicant")).StatusCode);
        using var customer = await Platform.SignedIn(mobile);
        var own = await Json(await customer.PostAsJsonAsync("/api/v1/applications", Applications.Subprime(channel: "online")));
        Assert.Equal("declined", own.GetProperty("status").GetString());
        var theirs = Part(await customer.GetStringAsync($"/applications/{own.GetProperty("applicationId").GetString()}"), "decision", "</section>");
        Assert.Contains("您近一年的征信记录中有逾期超过 90 天的还款", Part(theirs, "reasons", "</ul>"), StringComparison.Ordinal);
    }

    /// <summary>The markup from the element with the test id to the first <paramref name="end"/> after it.</summary>
    private static string Part(string page, string testId, string end)
    {
        var at = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, testId);
        var part = page[at..];
        return part[..part.IndexOf(end, StringComparison.Ordinal)];
    }

    [SkippableFact]
    public async Task Reasons_come_in_the_language_of_the_request()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var chinese = Applications.Subprime();
        chinese["language"] = "zh-CN";

        var body = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", chinese));

        Assert.Contains(body.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("text").GetString()!.Any(c => c >= 0x4E00 && c <= 0x9FFF));

        // Read back, the reasons are said in the language the reader asks for, else the application's.
        static bool Chinese(JsonElement detail) => detail.GetProperty("reasons").EnumerateArray().Any(r => r.GetProperty("text").GetString()!.Any(c => c >= 0x4E00 && c <= 0x9FFF));
        var path = $"/api/v1/applications/{body.GetProperty("applicationId").GetString()}";
        Assert.True(Chinese(await Json(await dealer.GetAsync(path))));
        using var english = new HttpRequestMessage(HttpMethod.Get, path);
        english.Headers.AcceptLanguage.ParseAdd("en-GB");
        var inEnglish = await Json(await dealer.SendAsync(english));
        Assert.False(Chinese(inEnglish), inEnglish.GetProperty("reasons").ToString());
        Assert.Equal(body.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()), inEnglish.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
    }

    [SkippableFact]
    public async Task Every_validation_problem_is_returned_at_once_and_nothing_is_stored()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var before = await CountApplications();
        var body = Applications.Prime();
        var id = Applications.NationalIdOf(body);
        body.Section("applicant")["nationalId"] = id[..17] + (id[17] == '0' ? '1' : '0');
        body.Section("applicant")["mobile"] = "12345";
        body.Section("vehicle")["vin"] = "1M8GDM9A1KP042788";
        body.Section("applicant")["yearsEmployed"] = 99;
        body["termMonths"] = null;

        var response = await dealer.PostAsJsonAsync("/api/v1/applications", body);
        var problem = await Json(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "applicant.nationalId", "applicant.mobile", "vehicle.vin", "applicant.yearsEmployed", "termMonths" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        Assert.Equal(before, await CountApplications());
    }

    [SkippableFact]
    public async Task Every_validation_problem_carries_a_stable_code_and_its_figures_for_a_screen_to_translate()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        var id = Applications.NationalIdOf(body);
        body.Section("applicant")["nationalId"] = id[..17] + (id[17] == '0' ? '1' : '0');
        body.Section("vehicle")["vin"] = "1M8GDM9A1KP04278I";
        body.Section("applicant")["yearsEmployed"] = 99;

        var problem = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));

        var coded = problem.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("field").GetString()!, p => p);
        Assert.Equal("id.check-character", coded["applicant.nationalId"].GetProperty("code").GetString());
        Assert.Equal("vin.characters", coded["vehicle.vin"].GetProperty("code").GetString());
        Assert.Equal("field.between", coded["applicant.yearsEmployed"].GetProperty("code").GetString());
        Assert.Equal("60", coded["applicant.yearsEmployed"].GetProperty("parameters").GetProperty("max").GetString());
    }

    [SkippableFact]
    public async Task Malformed_json_is_named_with_a_stable_code()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();

        var wrongType = await dealer.PostAsync("/api/v1/applications", new StringContent("{\"applicant\": {\"monthlyIncome\": \"lots\"}}", Encoding.UTF8, "application/json"));

        var problem = (await Json(wrongType)).GetProperty("problems")[0];
        Assert.Equal("applicant.monthlyIncome", problem.GetProperty("field").GetString());
        Assert.Equal("json.invalid", problem.GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task A_date_of_birth_that_disagrees_with_the_national_id_is_named()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        body.Section("applicant")["dateOfBirth"] = "1970-01-01";

        var problem = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));

        Assert.Contains("does not match", problem.GetProperty("errors").GetProperty("applicant.dateOfBirth")[0].GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Malformed_json_and_wrong_types_are_named_never_a_500()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();

        var broken = await dealer.PostAsync("/api/v1/applications", new StringContent("{\"channel\": \"dealer\", ", Encoding.UTF8, "application/json"));
        var wrongType = await dealer.PostAsync("/api/v1/applications", new StringContent("{\"applicant\": {\"monthlyIncome\": \"lots\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await Json(wrongType)).GetProperty("errors").TryGetProperty("applicant.monthlyIncome", out _));
    }

    [SkippableFact]
    public async Task A_retry_with_the_same_idempotency_key_replays_the_decision_and_stores_one_application()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        var key = Guid.NewGuid().ToString();
        var before = await CountApplications();

        var first = await Post(dealer, body, key);
        var second = await Post(dealer, body, key);
        var firstJson = await first.Content.ReadAsStringAsync();
        var secondJson = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(firstJson, secondJson);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, await CountApplications());

        body["termMonths"] = 24;
        var different = await Post(dealer, body, key);
        Assert.Equal((HttpStatusCode)422, different.StatusCode);
        var problem = await Json(different);
        Assert.Equal("idempotency.key.reused", problem.GetProperty("code").GetString());
        Assert.Equal("Idempotency-Key", Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetProperty("field").GetString());
    }

    [SkippableFact]
    public async Task Concurrent_retries_with_one_key_store_one_application()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        var key = Guid.NewGuid().ToString();
        var before = await CountApplications();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Post(dealer, body, key)));
        var ids = await Task.WhenAll(responses.Select(async r => (await Json(r)).GetProperty("applicationId").GetString()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(ids.Distinct());
        Assert.Equal(before + 1, await CountApplications());
    }

    [SkippableFact]
    public async Task The_velocity_rule_trips_on_the_fourth_application_for_one_national_id_within_thirty_days()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        using var underwriter = await Platform.SignedIn("underwriter");
        var template = Applications.Prime();
        var statuses = new List<string>();
        string? lastId = null;
        for (var i = 0; i < 4; i++)
        {
            var body = Applications.Prime();
            body["applicant"] = template["applicant"];
            var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));
            statuses.Add(decision.GetProperty("status").GetString()!);
            lastId = decision.GetProperty("applicationId").GetString();
        }

        Assert.Equal(["approved", "approved", "approved", "referred"], statuses);
        var detail = await Json(await underwriter.GetAsync($"/api/v1/applications/{lastId}"));
        var velocity = detail.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "fraud.velocity-national-id");
        Assert.Equal("refer", velocity.GetProperty("outcome").GetString());
        Assert.Equal("4", velocity.GetProperty("values").GetProperty("count").GetString());
        // Staff read why in a sentence, in the application's language, not a bare code.
        var reason = detail.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "fraud.velocity-national-id");
        Assert.Equal("Too many applications for the national ID", reason.GetProperty("text").GetString());
    }

    [SkippableFact]
    public async Task A_blacklisted_national_id_is_declined_without_telling_the_applicant_why()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await Platform.SignedIn("admin");
        using var manager = await Platform.SignedIn("manager");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();

        // Four eyes: the admin's request changes nothing until someone else approves it, and not the admin.
        var entry = new { kind = "national-id", value = Applications.NationalIdOf(body), reason = "confirmed identity fraud" };
        var requested = await admin.PostAsJsonAsync("/api/v1/admin/blacklist", entry);
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var approvalId = (await Json(requested)).GetProperty("approvalId").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);
        var approved = await Json(await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null));
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var listed = (await Json(await admin.GetAsync("/api/v1/admin/blacklist?pageSize=200"))).EnumerateArray()
            .Count(e => e.GetProperty("value").GetString() == ResidentMask(entry.value));
        Assert.Equal(1, listed);
        // Asked again once listed: refused at once, so one removal always clears the value.
        using var again = await manager.PostAsJsonAsync("/api/v1/admin/blacklist", entry);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("blacklist.duplicate", (await Json(again)).GetProperty("code").GetString());
        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));

        Assert.Equal("declined", decision.GetProperty("status").GetString());
        var codes = decision.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray();
        Assert.Contains("verification", codes);
        Assert.DoesNotContain(codes, c => c!.StartsWith("fraud.", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_new_car_with_too_small_a_down_payment_is_offered_only_plans_within_the_ltv_cap()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        body["downPayment"] = 10000;

        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));

        var offers = decision.GetProperty("offers").EnumerateArray().ToArray();
        Assert.NotEmpty(offers);
        Assert.All(offers, o => Assert.True(o.GetProperty("principal").GetDecimal() <= 168000m * 0.80m, o.ToString()));
    }

    [SkippableFact]
    public async Task A_used_car_is_offered_no_term_above_36_months()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        body.Section("vehicle")["condition"] = "used";
        body.Section("vehicle")["year"] = 2022;
        body.Section("vehicle")["mileageKm"] = 40000;
        body.Section("vehicle")["price"] = 120000;
        body["downPayment"] = 40000;
        body["termMonths"] = 48;

        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));

        Assert.All(decision.GetProperty("offers").EnumerateArray(), o => Assert.True(o.GetProperty("termMonths").GetInt32() <= 36));
    }

    [SkippableFact]
    public async Task A_referral_goes_through_claim_approval_acceptance_and_disbursement()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        using var underwriter = await Platform.SignedIn("underwriter");
        var (applicationId, referral) = await ClaimedReferralAsync(dealer, underwriter);
        var referralId = referral.GetProperty("referralId").GetString();
        Assert.False(referral.GetProperty("breached").GetBoolean());
        var approved = await underwriter.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new { decision = "approve", reason = "income verified with payslips" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var detail = await Json(await dealer.GetAsync($"/api/v1/applications/{applicationId}"));
        Assert.Equal("approved", detail.GetProperty("summary").GetProperty("status").GetString());
        var offerId = detail.GetProperty("offers")[0].GetProperty("offerId").GetString();
        var accepted = await Contracts.ContractSigning.AcceptAsync(Platform, dealer, applicationId, offerId);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var contractId = (await Json(accepted)).GetProperty("contractId").GetString();

        // Disbursement pays the dealer; the confirmed payout books the loan: the accepted offer's schedule and balanced opening entries.
        var loanId = (await Payouts.Funding.BookAsync(underwriter, contractId!)).ToString();
        var offer = detail.GetProperty("offers")[0];
        var loan = await Json(await dealer.GetAsync($"/api/v1/loans/{loanId}"));
        var principal = offer.GetProperty("principal").GetDecimal();
        Assert.Equal(principal, loan.GetProperty("summary").GetProperty("principal").GetDecimal());
        Assert.Equal(offer.GetProperty("termMonths").GetInt32(), loan.GetProperty("schedule").GetArrayLength());
        Assert.Equal(principal, loan.GetProperty("schedule").EnumerateArray().Sum(i => i.GetProperty("principal").GetDecimal()));
        Assert.Equal(principal, loan.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(-principal, loan.GetProperty("balances").GetProperty("CashClearing").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        var staffView = await Json(await underwriter.GetAsync($"/api/v1/loans/{loanId}"));
        Assert.Equal(["DealerPayout", "Disbursement"], staffView.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).Order().ToArray());
        using var otherDealer = Platform.Dealer(DemoData.SecondDealerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await otherDealer.GetAsync($"/api/v1/loans/{loanId}")).StatusCode);
        var history = (await Json(await dealer.GetAsync($"/api/v1/applications/{applicationId}"))).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).ToArray();
        Assert.Equal(new[] { "submitted", "referred", "approved", "accepted", "disbursed" }, history.Select(h => h!).ToArray());
    }

    [SkippableFact]
    public async Task Debts_the_credit_report_shows_above_what_the_applicant_declared_are_decided_on_and_both_are_kept()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        using var underwriter = await Platform.SignedIn("underwriter");
        var body = Applications.Prime();
        body.Section("applicant")["monthlyDebtPayments"] = 0;
        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", body));

        var applicant = (await Json(await underwriter.GetAsync($"/api/v1/applications/{decision.GetProperty("applicationId").GetString()}"))).GetProperty("applicant");
        Assert.True(applicant.GetProperty("monthlyDebtPayments").GetDecimal() > 0, applicant.ToString());
        Assert.Equal(0m, applicant.GetProperty("declaredMonthlyDebtPayments").GetDecimal());
    }

    [SkippableFact]
    public async Task An_underwriters_note_on_a_decline_stays_with_the_lender_and_the_dealer_sees_the_outcome()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        using var underwriter = await Platform.SignedIn("underwriter");
        var (applicationId, referral) = await ClaimedReferralAsync(dealer, underwriter);
        const string note = "pension statement looks forged: flag for the fraud team";
        using (var declined = await underwriter.PostAsJsonAsync($"/api/v1/referrals/{referral.GetProperty("referralId").GetString()}/decision", new { decision = "decline", reason = note }))
        {
            Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        }

        var seenByDealer = await dealer.GetStringAsync($"/api/v1/applications/{applicationId}");
        Assert.DoesNotContain("forged", seenByDealer, StringComparison.Ordinal);
        var detail = JsonDocument.Parse(seenByDealer).RootElement;
        Assert.Equal("declined", detail.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal("decline", detail.GetProperty("referral").GetProperty("resolution").GetString());
        // The lender keeps its working record.
        var seenByStaff = await Json(await underwriter.GetAsync($"/api/v1/applications/{applicationId}"));
        Assert.Equal(note, seenByStaff.GetProperty("referral").GetProperty("resolutionReason").GetString());
        Assert.Contains(seenByStaff.GetProperty("history").EnumerateArray(), h => h.GetProperty("note").GetString()?.Contains(note, StringComparison.Ordinal) == true);
    }

    [SkippableFact]
    public async Task An_underwriter_who_submitted_an_application_can_neither_claim_nor_decide_its_referral()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var underwriter = await Platform.SignedIn("underwriter");
        using var admin = await Platform.SignedIn("admin");
        var decision = await Json(await underwriter.PostAsJsonAsync("/api/v1/applications", Applications.NearPrime()));
        Assert.Equal("referred", decision.GetProperty("status").GetString());
        var applicationId = decision.GetProperty("applicationId").GetString()!;
        var referralId = (await Json(await underwriter.GetAsync("/api/v1/referrals?limit=500"))).EnumerateArray()
            .Single(r => r.GetProperty("applicationId").GetString() == applicationId).GetProperty("referralId").GetString();

        using (var claimed = await underwriter.PostAsync($"/api/v1/referrals/{referralId}/claim", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, claimed.StatusCode);
            Assert.Equal("referral.own-application", (await Json(claimed)).GetProperty("code").GetString());
        }

        // Someone else claims and decides it.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/referrals/{referralId}/claim", null)).StatusCode);
        using var approved = await admin.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new { decision = "approve", reason = "income checked with the employer" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", (await Json(await underwriter.GetAsync($"/api/v1/applications/{applicationId}"))).GetProperty("summary").GetProperty("status").GetString());
    }

    [SkippableFact]
    public async Task Once_an_offer_of_another_term_is_signed_the_application_lists_the_signed_term_and_down_payment()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime()));
        var applicationId = decision.GetProperty("applicationId").GetString();
        var asked = (await Json(await dealer.GetAsync($"/api/v1/applications/{applicationId}"))).GetProperty("summary");
        var other = decision.GetProperty("offers").EnumerateArray().FirstOrDefault(o => o.GetProperty("termMonths").GetInt32() != asked.GetProperty("termMonths").GetInt32());
        Xunit.Skip.If(other.ValueKind == JsonValueKind.Undefined, "every offer has the term asked for");

        Assert.Equal(HttpStatusCode.OK, (await Contracts.ContractSigning.AcceptAsync(Platform, dealer, applicationId, other.GetProperty("offerId").GetString())).StatusCode);

        var summary = (await Json(await dealer.GetAsync($"/api/v1/applications/{applicationId}"))).GetProperty("summary");
        var listed = (await Json(await dealer.GetAsync("/api/v1/applications?limit=500"))).EnumerateArray().Single(a => a.GetProperty("applicationId").GetString() == applicationId);
        foreach (var shown in new[] { summary, listed })
        {
            Assert.Equal(other.GetProperty("termMonths").GetInt32(), shown.GetProperty("termMonths").GetInt32());
            Assert.Equal(other.GetProperty("downPayment").GetDecimal(), shown.GetProperty("downPayment").GetDecimal());
        }
    }

    [SkippableFact]
    public async Task A_flat_fee_request_is_decided_with_the_plans_the_product_prices()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        body["repaymentMethod"] = "flat-fee";

        using var answer = await dealer.PostAsJsonAsync("/api/v1/applications", body);
        var decision = await Json(answer);
        Assert.True(answer.StatusCode == HttpStatusCode.Created, decision.ToString());
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        var offers = decision.GetProperty("offers").EnumerateArray().ToList();
        Assert.NotEmpty(offers);
        // The product has no flat-fee card: it is not offered, and nothing passes for the requested plan.
        Assert.All(offers, o => Assert.NotEqual("flat-fee", o.GetProperty("method").GetString()));
    }

    [SkippableFact]
    public async Task An_underwriter_approving_with_terms_the_product_cannot_offer_is_told_which_and_nothing_changes()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        using var underwriter = await Platform.SignedIn("underwriter");
        var (applicationId, referral) = await ClaimedReferralAsync(dealer, underwriter);
        var referralId = referral.GetProperty("referralId").GetString();

        foreach (var term in new[] { 0, 9999, 7 })
        {
            using var refused = await underwriter.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new { decision = "approve", reason = "new term", termMonths = term });
            var problem = await Json(refused);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{term}: {problem}");
            Assert.Equal("referral.terms", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("termMonths", out _), problem.ToString());
        }

        // A down payment of 10,000 on a 168,000 new car lends 158,000, above the 80 % cap: the down payment is named, with what can be lent.
        using (var tooLittleDown = await underwriter.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new { decision = "approve", reason = "smaller deposit", termMonths = 24, downPayment = 10000 }))
        {
            var problem = await Json(tooLittleDown);
            Assert.Equal(HttpStatusCode.BadRequest, tooLittleDown.StatusCode);
            Assert.Equal("referral.terms", problem.GetProperty("code").GetString());
            var field = Assert.Single(problem.GetProperty("problems").EnumerateArray());
            Assert.Equal("downPayment", field.GetProperty("field").GetString());
            Assert.Equal("referral.terms.ltv-cap", field.GetProperty("code").GetString());
            Assert.Equal(134_400m, decimal.Parse(field.GetProperty("parameters").GetProperty("maxLoanAmount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal("referred", (await Json(await dealer.GetAsync($"/api/v1/applications/{applicationId}"))).GetProperty("summary").GetProperty("status").GetString());
        using var approved = await underwriter.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decision", new { decision = "approve", reason = "longer term", termMonths = 60 });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var offers = (await Json(await dealer.GetAsync($"/api/v1/applications/{applicationId}"))).GetProperty("offers").EnumerateArray().ToList();
        Assert.Contains(offers, o => o.GetProperty("termMonths").GetInt32() == 60 && o.GetProperty("isRequestedPlan").GetBoolean());
    }

    [SkippableFact]
    public async Task A_dealer_cannot_read_another_dealers_application()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var first = Platform.Dealer();
        using var second = Platform.Dealer(DemoData.SecondDealerKey);
        var decision = await Json(await first.PostAsJsonAsync("/api/v1/applications", Applications.Prime()));
        var id = decision.GetProperty("applicationId").GetString();

        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/v1/applications/{id}")).StatusCode);
        var listed = await Json(await second.GetAsync("/api/v1/applications"));
        Assert.DoesNotContain(listed.EnumerateArray(), a => a.GetProperty("applicationId").GetString() == id);
    }

    [SkippableFact]
    public async Task A_customer_sees_only_their_own_applications()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var liNa = await Platform.SignedIn("13800138000");
        using var dealer = Platform.Dealer();
        var dealers = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime()));

        var own = await Json(await liNa.GetAsync("/api/v1/applications"));

        Assert.NotEmpty(own.EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await liNa.GetAsync($"/api/v1/applications/{dealers.GetProperty("applicationId").GetString()}")).StatusCode);

        // Nor does she apply in another person's name: refused naming the field, with the code her screen translates.
        using var forSomeoneElse = await liNa.PostAsJsonAsync("/api/v1/applications", Applications.Prime(channel: "online"));
        Assert.Equal(HttpStatusCode.Forbidden, forSomeoneElse.StatusCode);
        var problem = await Json(forSomeoneElse);
        Assert.Equal("application.not-your-identity", problem.GetProperty("code").GetString());
        Assert.Equal("applicant.nationalId", Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetProperty("field").GetString());
    }

    [SkippableFact]
    public async Task Callers_without_the_right_credentials_are_refused()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = Platform.Anonymous();
        using var wrongKey = Platform.Dealer("not-a-key");
        using var analyst = await Platform.SignedIn("analyst");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync("/api/v1/applications")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/admin/audit/verify")).StatusCode);
    }

    [SkippableFact]
    public async Task The_audit_chain_verifies_and_detects_an_edited_entry()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var admin = await Platform.SignedIn("admin");
        using var dealer = Platform.Dealer();
        await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime());

        var intact = await Json(await admin.GetAsync("/api/v1/admin/audit/verify"));
        Assert.True(intact.GetProperty("intact").GetBoolean());

        using (var scope = Platform.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            var entry = await db.AuditEntries.OrderBy(e => e.Sequence).Skip(2).FirstAsync();
            await db.AuditEntries.Where(e => e.Sequence == entry.Sequence).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "someone-else"));
            var broken = await Json(await admin.GetAsync("/api/v1/admin/audit/verify"));
            Assert.False(broken.GetProperty("intact").GetBoolean());
            Assert.Equal(entry.Sequence, broken.GetProperty("firstBrokenSequence").GetInt64());
            Assert.Equal(AuditBreak.Altered, broken.GetProperty("kind").GetString());
            await db.AuditEntries.Where(e => e.Sequence == entry.Sequence).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, entry.Actor));

            // The newest entries deleted after the head was anchored: a truncation, named from the first one gone.
            var anchored = (await Json(await admin.GetAsync("/api/v1/admin/audit/verify"))).GetProperty("anchoredThrough").GetInt64();
            var newest = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence > anchored - 3).OrderBy(e => e.Sequence).ToListAsync();
            await db.AuditEntries.Where(e => e.Sequence > anchored - 3).ExecuteDeleteAsync();
            var truncated = await Json(await admin.GetAsync("/api/v1/admin/audit/verify"));
            Assert.Equal(AuditBreak.Truncated, truncated.GetProperty("kind").GetString());
            Assert.Equal(newest[0].Sequence, truncated.GetProperty("firstBrokenSequence").GetInt64());
            db.AuditEntries.AddRange(newest);
            await db.SaveChangesAsync();
            Assert.True((await Json(await admin.GetAsync("/api/v1/admin/audit/verify"))).GetProperty("intact").GetBoolean());
        }
    }

    [SkippableFact]
    public async Task Personal_data_is_stored_encrypted_and_looked_up_by_keyed_hash()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        var body = Applications.Prime();
        var id = Applications.NationalIdOf(body);
        await dealer.PostAsJsonAsync("/api/v1/applications", body);

        using var scope = Platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var customers = await db.Customers.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(customers, c => c.NationalIdCipher.Contains(id, StringComparison.Ordinal) || c.NationalIdHash.Contains(id, StringComparison.Ordinal));
        Assert.Contains(customers, c => c.NationalIdMasked == id[..6] + "********" + id[^4..]);
        var applications = await db.Applications.AsNoTracking().Select(a => a.RequestCipher).ToListAsync();
        Assert.DoesNotContain(applications, r => r.Contains(id, StringComparison.Ordinal) || r.Contains("Test Applicant", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task An_application_staff_key_in_is_a_branch_one_and_a_dealers_stays_a_dealer_one()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = Platform.Dealer();
        using var underwriter = await Platform.SignedIn("underwriter");

        // Staff keying it in name the dealer channel, as they had to: it is stored as the branch's all the same.
        var keyed = await Json(await underwriter.PostAsJsonAsync("/api/v1/applications", Applications.Prime(channel: "dealer")));
        var fromDealer = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime()));

        var keyedId = keyed.GetProperty("applicationId").GetString()!;
        var dealerId = fromDealer.GetProperty("applicationId").GetString()!;
        Assert.Equal("branch", (await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{keyedId}")).GetProperty("summary").GetProperty("channel").GetString());
        Assert.Equal("dealer", (await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{dealerId}")).GetProperty("summary").GetProperty("channel").GetString());

        // Monitoring counts it under its own channel, and the staff's list names it in their language.
        using var analyst = await Platform.SignedIn("analyst");
        var metrics = await analyst.GetStringAsync("/metrics");
        Assert.Matches(@"autofinance_applications_decided_total\{[^}]*channel=""branch""[^}]*\} [1-9]", metrics);
        var list = await underwriter.GetStringAsync("/applications");
        Assert.Contains(">网点</td>", list, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Health_metrics_and_the_openapi_document_are_served()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var client = Platform.Anonymous();
        using var dealer = Platform.Dealer();
        await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime());

        Assert.Equal("healthy", await client.GetStringAsync("/health"));
        using var analyst = await Platform.SignedIn("analyst");
        var metrics = await analyst.GetStringAsync("/metrics");
        Assert.Contains("autofinance_applications_decided_total", metrics, StringComparison.Ordinal);
        // The decision was stored by the decisions writer: an operator sees its batches, the writes they carried and its busy time.
        Assert.Matches(@"autofinance_storage_writer_batches_total\{[^}]*writer=""decisions""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"autofinance_storage_writer_items_total\{[^}]*writer=""decisions""[^}]*\} [1-9]", metrics);
        Assert.Matches(@"autofinance_storage_writer_busy_seconds_total\{[^}]*writer=""decisions""[^}]*\} [0-9.]*[1-9]", metrics);
        // The runtime's own figures are exported beside the requests' (garbage collections, thread pool).
        Assert.Contains("system_runtime_dotnet_gc_collections", metrics, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds", metrics, StringComparison.Ordinal);
        var openApi = await Json(await client.GetAsync("/openapi/v1.json"));
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/applications", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs/index.html")).StatusCode);
    }

    /// <summary>A near-prime application the engine referred, and its referral as the queue lists it, claimed by the underwriter.</summary>
    private static async Task<(string ApplicationId, JsonElement Referral)> ClaimedReferralAsync(HttpClient dealer, HttpClient underwriter)
    {
        var decision = await Json(await dealer.PostAsJsonAsync("/api/v1/applications", Applications.NearPrime()));
        Assert.Equal("referred", decision.GetProperty("status").GetString());
        var applicationId = decision.GetProperty("applicationId").GetString()!;
        var referral = (await Json(await underwriter.GetAsync("/api/v1/referrals"))).EnumerateArray().Single(r => r.GetProperty("applicationId").GetString() == applicationId);
        Assert.Equal(HttpStatusCode.OK, (await underwriter.PostAsync($"/api/v1/referrals/{referral.GetProperty("referralId").GetString()}/claim", null)).StatusCode);
        return (applicationId, referral);
    }

    private static string ResidentMask(string nationalId) => AutoFinance.Domain.Origination.ResidentId.Mask(nationalId);

    private static async Task<HttpResponseMessage> Post(HttpClient client, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private async Task<int> CountApplications()
    {
        using var scope = Platform.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Applications.CountAsync();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}

public sealed class OriginationOnSqlite(SqlitePlatform platform) : OriginationScenarios<SqlitePlatform>(platform);

public sealed class OriginationOnPostgres(PostgresPlatform platform) : OriginationScenarios<PostgresPlatform>(platform);
