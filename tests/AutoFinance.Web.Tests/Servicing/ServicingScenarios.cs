using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Payoff;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Accrual;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// A booked loan serviced through HTTP and end-of-day: allocation to the cent, surplus held or prepaid, reversal,
/// payoff, late charges, charge-off, idempotent and concurrent payments, the ledger balanced after each step. Run on
/// SQLite and on PostgreSQL by the two classes at the end of this file.
/// </summary>
public abstract class ServicingScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture, IClockedPlatform
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task End_of_day_over_the_api_refuses_a_date_after_today_or_before_2000_naming_the_field()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var manager = await platform.SignedIn("manager");
        var today = Application.Servicing.BusinessDay.Today(platform.Clock);
        foreach (var (date, words) in new[] { (today.AddDays(1), "after today"), (new DateOnly(1, 1, 1), "before 2000-01-01"), (new DateOnly(1999, 12, 31), "before 2000-01-01") })
        {
            var refused = await manager.PostAsJsonAsync("/api/v1/cob", new { businessDate = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Contains(words, problem.GetProperty("errors").GetProperty("businessDate")[0].GetString(), StringComparison.Ordinal);
        }

        // A misspelled date is named, not read as "close today".
        var misspelled = await manager.PostAsJsonAsync("/api/v1/cob", new { date = "2030-01-01" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, misspelled.StatusCode);
        Assert.True((await misspelled.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").TryGetProperty("date", out _));
    }

    [SkippableFact]
    public async Task Payments_are_allocated_interest_first_to_the_cent_and_the_ledger_stays_balanced()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate").AddDays(3));
        using var agent = await platform.SignedIn("agent");
        var interest = first.GetProperty("interest").GetDecimal();
        var payment = first.GetProperty("payment").GetDecimal();

        // Short by 100.00: the instalment's interest is paid in full, its principal in part.
        var partial = await Pay(agent, loanId, payment - 100m, "pay-1");
        var allocation = partial.GetProperty("allocation")[0];
        Assert.Equal(interest, allocation.GetProperty("interest").GetDecimal());
        Assert.Equal(payment - 100m - interest, allocation.GetProperty("principal").GetDecimal());
        Assert.Equal(0m, partial.GetProperty("overpayment").GetDecimal());

        // The same key again is the same payment, stored once.
        var retried = await Pay(agent, loanId, payment - 100m, "pay-1");
        Assert.Equal(partial.GetProperty("paymentId").GetString(), retried.GetProperty("paymentId").GetString());

        // 150.00 more: 100.00 completes the instalment, 50.00 is held for the customer.
        var rest = await Pay(agent, loanId, 150m, "pay-2");
        Assert.Equal(100m, rest.GetProperty("allocated").GetDecimal());
        Assert.Equal(50m, rest.GetProperty("overpayment").GetDecimal());

        var loan = await Loan(agent, loanId);
        var balances = loan.GetProperty("balances");
        var principal = loan.GetProperty("summary").GetProperty("principal").GetDecimal();
        Assert.Equal(principal - first.GetProperty("principal").GetDecimal(), balances.GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(0m, balances.GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(50m, balances.GetProperty("CustomerOverpayment").GetDecimal());
        Assert.Equal(50m, loan.GetProperty("credit").GetDecimal());
        Assert.Equal(interest, balances.GetProperty("InterestIncome").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Equal("paid", loan.GetProperty("schedule")[0].GetProperty("status").GetString());
        Assert.Equal(2, loan.GetProperty("next").GetProperty("installment").GetInt32());
        await using var db = Db();
        Assert.Equal(2, await db.Payments.CountAsync(p => p.LoanId == Guid.Parse(loanId)));
    }

    [SkippableFact]
    public async Task A_payment_that_is_not_positive_whole_cents_is_refused_by_field()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, _) = await BookALoan();
        using var agent = await platform.SignedIn("agent");

        var response = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments", new { amount = 10.001m, surplus = "keep", channel = "cash", receiptReference = "R-100001" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("surplus", out _));
    }

    [SkippableFact]
    public async Task Every_problem_with_a_payment_is_named_at_once_and_nothing_is_posted()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, _) = await BookALoan();
        using var agent = await platform.SignedIn("agent");
        await using var db = Db();
        var entries = await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId));

        var response = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments", new { amount = -5m, paidOn = "2099-01-01", channel = "cash", receiptReference = "R-100001" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("amount", out _));
        Assert.True(errors.TryGetProperty("paidOn", out _));
        Assert.Equal(entries, await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId)));
    }

    [SkippableFact]
    public async Task A_surplus_paid_as_prepayment_lowers_the_principal_still_to_come_by_exactly_that_amount()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate"));
        using var customer = await platform.SignedIn("agent");
        var before = await Loan(customer, loanId);
        var laterPrincipal = Schedule(before).Skip(2).Sum(i => i.GetProperty("principal").GetDecimal());
        var secondInstallment = Schedule(before)[1];

        var paid = await Pay(customer, loanId, first.GetProperty("payment").GetDecimal() + 10_000m, "prepay-1", "prepay");

        Assert.Equal(10_000m, paid.GetProperty("prepaid").GetDecimal());
        Assert.Equal(0m, paid.GetProperty("overpayment").GetDecimal());
        var after = await Loan(customer, loanId);
        var schedule = Schedule(after);
        // The next instalment stands; the ones after it carry 10,000.00 less principal and less interest.
        Assert.Equal(secondInstallment.GetProperty("payment").GetDecimal(), schedule[1].GetProperty("payment").GetDecimal());
        Assert.Equal(laterPrincipal - 10_000m, schedule.Skip(2).Sum(i => i.GetProperty("principal").GetDecimal()));
        Assert.True(schedule[2].GetProperty("payment").GetDecimal() < Schedule(before)[2].GetProperty("payment").GetDecimal());
        var receivable = after.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal();
        Assert.Equal(schedule.Sum(i => i.GetProperty("principal").GetDecimal()) - first.GetProperty("principal").GetDecimal(), receivable);
        Assert.Equal(0m, after.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task Reversing_a_payment_applies_the_later_one_to_the_oldest_instalment_again()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate"));
        var firstPayment = await Pay(await platform.SignedIn("agent"), loanId, first.GetProperty("payment").GetDecimal(), "rev-1");
        var second = Schedule(await Loan(await platform.SignedIn("agent"), loanId))[1];
        MoveTo(Date(second, "dueDate"));
        using var agent = await platform.SignedIn("agent");
        await Pay(agent, loanId, second.GetProperty("payment").GetDecimal(), "rev-2");

        using (var customer = await platform.SignedIn("13800138000"))
        {
            var refused = await customer.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments/{firstPayment.GetProperty("paymentId").GetString()}/reversal", new { reason = "mine" });
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var response = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments/{firstPayment.GetProperty("paymentId").GetString()}/reversal", new { reason = "cheque bounced" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentsReapplied").GetInt32());

        var loan = await Loan(agent, loanId);
        var schedule = Schedule(loan);
        // Only the second payment counts now, and it goes to instalment 1 first (oldest first).
        var p1 = first.GetProperty("payment").GetDecimal();
        var p2 = second.GetProperty("payment").GetDecimal();
        Assert.Equal(p2, schedule.Sum(i => i.GetProperty("paid").GetDecimal()));
        Assert.Equal(Math.Max(0m, p1 - p2), schedule[0].GetProperty("outstanding").GetDecimal());
        Assert.Equal(p2 - Math.Min(p1, p2), schedule[1].GetProperty("paid").GetDecimal());
        AssertReceivablesMatchTheSchedule(loan);
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Contains(loan.GetProperty("payments").EnumerateArray(), p => p.GetProperty("status").GetString() == "reversed");

        var again = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments/{firstPayment.GetProperty("paymentId").GetString()}/reversal", new { reason = "cheque bounced" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("payment.already-reversed", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [SkippableFact]
    public async Task A_payoff_quote_adds_interest_to_the_day_and_paying_it_closes_the_loan_with_nothing_owed()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var loan = await Loan(await platform.SignedIn("agent"), loanId);
        var start = DateOnly.Parse(loan.GetProperty("summary").GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture);
        var due = Date(first, "dueDate");
        var on = start.AddDays(10);
        MoveTo(on);
        using var agent = await platform.SignedIn("agent");

        var quote = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff?on={on:yyyy-MM-dd}");

        // The running period's interest to the day by the loan's day count (30/360 for the offers booked here).
        var accrued = new AccrualPeriod(1, start, due, first.GetProperty("interest").GetDecimal(), Currency.Cny).AccruedThrough(on, DayCountConvention.Thirty360);
        Assert.Equal(accrued, quote.GetProperty("accruedInterest").GetDecimal());
        var principal = loan.GetProperty("summary").GetProperty("principal").GetDecimal();
        Assert.Equal(principal, quote.GetProperty("principalNotDue").GetDecimal());
        Assert.Equal(principal + accrued, quote.GetProperty("total").GetDecimal());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payoff") { Content = JsonContent.Create(new { amount = principal + accrued, channel = "bank-transfer", receiptReference = "TRF-100002" }) };
        request.Headers.Add("Idempotency-Key", "payoff-1");
        var paid = await agent.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);

        var closed = await Loan(agent, loanId);
        Assert.Equal("closed", closed.GetProperty("summary").GetProperty("status").GetString());
        var balances = closed.GetProperty("balances");
        Assert.Equal(0m, balances.GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(0m, balances.GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(accrued, balances.GetProperty("InterestIncome").GetDecimal());
        Assert.Equal(0m, closed.GetProperty("trialBalanceNet").GetDecimal());
        Assert.All(Schedule(closed), i => Assert.Equal("paid", i.GetProperty("status").GetString()));
        var late = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/payments", new { amount = 10m, channel = "cash", receiptReference = "R-100001" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [SkippableFact]
    public async Task A_payoff_dated_within_the_grace_and_posted_after_end_of_day_charged_the_loan_owes_that_days_quote()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var due = Date(first, "dueDate");
        var dated = due.AddDays(2);
        using var early = await platform.SignedIn("agent");
        var owed = await early.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff?on={dated:yyyy-MM-dd}");
        Assert.Equal(0m, owed.GetProperty("fees").GetDecimal());

        // End-of-day closes the days after it: the late fee and penalty are charged before the money is posted.
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(due.AddDays(6), new CobOptions(), CancellationToken.None);
        }

        MoveTo(due.AddDays(7));
        using var agent = await platform.SignedIn("agent");
        var charged = await Loan(agent, loanId);
        Assert.True(charged.GetProperty("balances").GetProperty("PenaltyInterestReceivable").GetDecimal() > 0m);
        var quoted = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff?on={dated:yyyy-MM-dd}");
        Assert.Equal(owed.GetProperty("total").GetDecimal(), quoted.GetProperty("total").GetDecimal());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payoff")
        {
            Content = JsonContent.Create(new { amount = owed.GetProperty("total").GetDecimal(), paidOn = dated, reason = "the bank booked it on that day", channel = "bank-transfer", receiptReference = "TRF-100003" }),
        };
        request.Headers.Add("Idempotency-Key", "payoff-backdated-1");
        var paid = await agent.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);

        var closed = await Loan(agent, loanId);
        Assert.Equal("closed", closed.GetProperty("summary").GetProperty("status").GetString());
        var balances = closed.GetProperty("balances");
        Assert.Equal(0m, balances.GetProperty("PenaltyInterestReceivable").GetDecimal());
        Assert.Equal(0m, balances.GetProperty("PenaltyIncome").GetDecimal());
        Assert.Equal(0m, balances.GetProperty("FeeReceivable").GetDecimal());
        Assert.Equal(0m, balances.GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(0m, balances.GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(0m, Schedule(closed)[0].GetProperty("lateFee").GetDecimal());
        Assert.Equal(0m, closed.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task End_of_day_ages_a_missed_instalment_once_charges_penalty_to_the_cent_and_a_rerun_changes_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var dueDate = Date(first, "dueDate");
        var businessDate = dueDate.AddDays(10);
        await using var db = Db();
        var endOfDay = new EndOfDay(db, platform.Clock);

        var firstRun = await endOfDay.RunAsync(businessDate, new CobOptions(), CancellationToken.None);
        var entriesAfterFirst = await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId));
        var secondRun = await endOfDay.RunAsync(businessDate, new CobOptions(), CancellationToken.None);

        Assert.True(firstRun.Loans >= 1);
        Assert.Equal(0, secondRun.Loans);
        Assert.Equal(entriesAfterFirst, await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId)));
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(loanId));
        Assert.Equal(10, loan.DaysPastDue);
        Assert.Equal("1-30", loan.Bucket);

        // Penalty: the overdue payment at 1.5 × the contract rate (at least the minimum) for the 7 days after the 3
        // days of grace, and the product's late fee once.
        var terms = Domain.Products.LateChargeTerms.Default;
        var penalty = Math.Round(first.GetProperty("payment").GetDecimal() * terms.PenaltyAnnualRate(loan.AnnualRate) * 7 / 365m, 2, MidpointRounding.AwayFromZero);
        MoveTo(businessDate);
        using var agent = await platform.SignedIn("agent");
        var view = await Loan(agent, loanId);
        // The missed instalment's interest, and the next period's accrued day by day to the business date.
        Assert.Equal(
            first.GetProperty("interest").GetDecimal() + view.GetProperty("interestAccruedToDate").GetDecimal(),
            view.GetProperty("balances").GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(penalty, view.GetProperty("balances").GetProperty("PenaltyInterestReceivable").GetDecimal());
        Assert.Equal(penalty, Schedule(view)[0].GetProperty("penaltyInterest").GetDecimal());
        Assert.Equal(terms.FixedFee, Schedule(view)[0].GetProperty("lateFee").GetDecimal());
        Assert.Equal("overdue", Schedule(view)[0].GetProperty("status").GetString());
        Assert.Equal(0m, view.GetProperty("trialBalanceNet").GetDecimal());

        // Paying the instalment, its late fee and its penalty today, a day end-of-day has closed: no penalty is owed for
        // today on what is paid, so fee and the penalty of the 6 days before are settled first (fees, penalty, interest,
        // principal) and the day's penalty is held as credit.
        var before = Math.Round(first.GetProperty("payment").GetDecimal() * terms.PenaltyAnnualRate(loan.AnnualRate) * 6 / 365m, 2, MidpointRounding.AwayFromZero);
        var paid = await Pay(agent, loanId, first.GetProperty("payment").GetDecimal() + terms.FixedFee + penalty, "late-1");
        Assert.Equal(before, paid.GetProperty("allocation")[0].GetProperty("penaltyInterest").GetDecimal());
        var after = await Loan(agent, loanId);
        Assert.Equal("paid", Schedule(after)[0].GetProperty("status").GetString());
        Assert.Equal(penalty - before, after.GetProperty("credit").GetDecimal());
        Assert.Equal(0m, after.GetProperty("balances").GetProperty("PenaltyInterestReceivable").GetDecimal());
        Assert.Equal(0m, after.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task A_late_loans_payoff_quoted_for_a_later_date_is_what_it_costs_then_and_a_date_past_its_write_off_is_refused()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var today = Date(first, "dueDate").AddDays(10);
        var on = today.AddDays(30);
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(today, new CobOptions(), CancellationToken.None);
        }

        MoveTo(today);
        using var agent = await platform.SignedIn("agent");
        var now = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff");
        var later = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff?on={on:yyyy-MM-dd}");

        // Thirty more days of penalty interest on the missed instalment, charged by the closes of business until then.
        Assert.True(later.GetProperty("fees").GetDecimal() > now.GetProperty("fees").GetDecimal());

        // End-of-day closes every day until then (run ahead here; the scenarios share one clock, kept early): the
        // quote for that date is unchanged by it.
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(on.AddDays(-1), new CobOptions(), CancellationToken.None);
        }

        var then = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff?on={on:yyyy-MM-dd}");
        Assert.Equal(later.GetProperty("total").GetDecimal(), then.GetProperty("total").GetDecimal());
        Assert.Equal(later.GetProperty("fees").GetDecimal(), then.GetProperty("fees").GetDecimal());

        var writtenOff = Date(first, "dueDate").AddDays(180);
        var refused = await agent.GetAsync($"/api/v1/loans/{loanId}/payoff?on={writtenOff.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("payoff.date.after_charge_off", problem.GetProperty("code").GetString());
        Assert.Contains(writtenOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/loans/{loanId}/payoff?on={writtenOff:yyyy-MM-dd}")).StatusCode);

        // Asked for a date long after, the refusal still names the day the loan would be written off, not the day before the date asked.
        var muchLater = await (await agent.GetAsync($"/api/v1/loans/{loanId}/payoff?on={writtenOff.AddDays(90):yyyy-MM-dd}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(writtenOff.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), muchLater.GetProperty("parameters").GetProperty("chargedOff").GetString());

        // The page says what a later date's quote assumes: the instalments falling due before it count as unpaid.
        var page = await agent.GetStringAsync($"/loans/{loanId}?on={on.AddDays(40):yyyy-MM-dd}");
        Assert.Contains("data-testid=\"payoff-assumes-unpaid\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"payoff-assumes-unpaid\"", await agent.GetStringAsync($"/loans/{loanId}"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_loan_unpaid_past_the_charge_off_days_is_written_off_and_its_receivables_cleared()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var businessDate = Date(first, "dueDate").AddDays(40);
        await using var db = Db();

        var result = await new EndOfDay(db, platform.Clock).RunAsync(businessDate, new CobOptions { ChargeOffDays = 30 }, CancellationToken.None);

        Assert.True(result.ChargedOff >= 1);
        MoveTo(businessDate);
        using var agent = await platform.SignedIn("agent");
        var loan = await Loan(agent, loanId);
        Assert.Equal("charged-off", loan.GetProperty("summary").GetProperty("status").GetString());
        var balances = loan.GetProperty("balances");
        Assert.Equal(0m, balances.GetProperty("LoanPrincipalReceivable").GetDecimal() + balances.GetProperty("InterestReceivable").GetDecimal() + balances.GetProperty("PenaltyInterestReceivable").GetDecimal());
        Assert.Equal(
            loan.GetProperty("summary").GetProperty("principal").GetDecimal() + balances.GetProperty("InterestIncome").GetDecimal() + balances.GetProperty("PenaltyIncome").GetDecimal() + balances.GetProperty("FeeIncome").GetDecimal(),
            balances.GetProperty("WriteOffExpense").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task Concurrent_payments_with_one_idempotency_key_post_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate"));
        using var agent = await platform.SignedIn("agent");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount = 123.45m, channel = "cash", receiptReference = "R-100001" }) };
            request.Headers.Add("Idempotency-Key", "same-key");
            var response = await agent.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(attempts, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var ids = attempts.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("paymentId").GetString()).Distinct().ToList();
        Assert.Single(ids);
        await using var db = Db();
        Assert.Equal(1, await db.Payments.CountAsync(p => p.LoanId == Guid.Parse(loanId)));
        var loan = await Loan(agent, loanId);
        Assert.Equal(123.45m, Schedule(loan)[0].GetProperty("paid").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task Reminders_due_at_close_of_business_are_delivered_once_to_the_inbox_and_the_sms_gateway()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var reminderDay = Date(first, "dueDate").AddDays(-3);
        await using var db = Db();
        await new EndOfDay(db, platform.Clock).RunAsync(reminderDay, new CobOptions(), CancellationToken.None);
        var messages = await db.Outbox.AsNoTracking().Where(m => m.LoanId == Guid.Parse(loanId) && m.Purpose == "reminders").ToListAsync();
        Assert.Equal(["in-app", "sms"], messages.Select(m => m.Channel).Order().ToArray());
        Assert.All(messages, m => Assert.Contains(first.GetProperty("payment").GetDecimal().ToString("N2", CultureInfo.InvariantCulture), m.Body, StringComparison.Ordinal));

        MoveTo(reminderDay);
        await Notifications.Delivery.RunAsync(platform, platform.Clock);
        var sms = messages.Single(m => m.Channel == "sms");
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(loanId));
        var mobile = platform.App.Services.GetRequiredService<Application.Security.IPersonalDataProtector>()
            .Unprotect((await db.Customers.AsNoTracking().SingleAsync(c => c.Id == loan.CustomerId)).MobileCipher);
        // A second delivery of the same message (a crash before it was marked sent) is dropped by the gateway by its id.
        await platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<Application.Verification.ISmsGateway>()
            .SendAsync(new Application.Verification.SmsMessage(sms.Id, mobile, sms.Body), CancellationToken.None);
        await Notifications.Delivery.RunAsync(platform, platform.Clock);

        Assert.Single(await Notifications.Delivery.SmsToAsync(mobile), m => m.Id == sms.Id);
        using var agent = await platform.SignedIn("agent");
        var inbox = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/messages?customerId={loan.CustomerId}");
        Assert.Contains(inbox.EnumerateArray(), m => m.GetProperty("loanId").GetString() == loanId && m.GetProperty("template").GetString() == "reminder.due-soon");
    }

    [SkippableFact]
    public async Task The_collections_worklist_ranks_an_overdue_loan_and_a_promise_to_pay_is_kept_by_a_payment()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var businessDate = Date(first, "dueDate").AddDays(5);
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(businessDate, new CobOptions(), CancellationToken.None);
        }

        MoveTo(businessDate);
        using var collector = await platform.SignedIn("collector");
        var worklist = await collector.GetFromJsonAsync<JsonElement>("/api/v1/collections/worklist");
        var entry = worklist.EnumerateArray().Single(e => e.GetProperty("loanId").GetString() == loanId);
        Assert.Equal(5, entry.GetProperty("daysPastDue").GetInt32());
        Assert.Equal("1-30", entry.GetProperty("bucket").GetString());
        Assert.True(entry.GetProperty("priority").GetDecimal() > 0m);
        Assert.True(entry.GetProperty("loanToValue").GetDecimal() > 0m);

        // The worklist is shared among real collectors only: a name no collector signs in with is refused, not given accounts.
        using (var manager = await platform.SignedIn("manager"))
        {
            using var nobody = await manager.PostAsJsonAsync("/api/v1/collections/assign", new { collectors = new[] { "collector", "nobody" } });
            Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
            Assert.Equal("collections.collector-unknown", (await nobody.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
            using var shared = await manager.PostAsJsonAsync("/api/v1/collections/assign", new { collectors = new[] { "collector" } });
            Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
            Assert.All((await shared.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray(), a => Assert.StartsWith("collector:", a.GetProperty("collector").GetString(), StringComparison.Ordinal));
        }

        var bad = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/contacts", new { channel = "pigeon", outcome = "PTP" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badProblem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        var errors = badProblem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("channel", out _) && errors.TryGetProperty("promisedAmount", out _) && errors.TryGetProperty("promisedDate", out _));
        // Each problem by its own code, for a screen (or a caller asking in Chinese) to say it.
        Assert.Equal(
            ["channel=field.one-of", "promisedAmount=collections.promise-amount", "promisedDate=collections.promise-date"],
            badProblem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString() + "=" + p.GetProperty("code").GetString()).Order().ToArray());

        // A promise above all the loan has left to pay is no promise: refused naming the amount and the most it can be.
        var impossible = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/contacts", new { channel = "call", outcome = "PTP", promisedAmount = 9_999_999m, promisedDate = businessDate.AddDays(3) });
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        var tooMuch = Assert.Single((await impossible.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal("collections.promise-above-owed", tooMuch.GetProperty("code").GetString());
        Assert.Equal("promisedAmount", tooMuch.GetProperty("field").GetString());

        var promised = first.GetProperty("payment").GetDecimal();
        var made = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/contacts", new { channel = "call", outcome = "PTP", promisedAmount = promised, promisedDate = businessDate.AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal("pending", (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("promise").GetProperty("status").GetString());

        using var agent = await platform.SignedIn("agent");
        await Pay(agent, loanId, promised, "ptp-1");
        var contacts = await collector.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/contacts");
        Assert.Equal("kept", contacts[0].GetProperty("promise").GetProperty("status").GetString());

        using var customer = await platform.SignedIn("13800138000");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/v1/collections/worklist")).StatusCode);
    }

    [SkippableFact]
    public async Task A_payment_holiday_skips_the_missed_instalment_capitalises_its_interest_and_cures_the_arrears()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var businessDate = Date(first, "dueDate").AddDays(2);
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(businessDate, new CobOptions(), CancellationToken.None);
        }

        MoveTo(businessDate);
        using var agent = await platform.SignedIn("agent");
        var before = await Loan(agent, loanId);
        var principal = before.GetProperty("summary").GetProperty("principal").GetDecimal();

        var bad = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/hardship", new { kind = "payment-holiday", installments = 9 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("installments", out _) && errors.TryGetProperty("reason", out _));

        var granted = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/hardship", new { kind = "payment-holiday", installments = 2, reason = "lost job, new one starts next quarter" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        var plan = await granted.Content.ReadFromJsonAsync<JsonElement>();
        var capitalised = plan.GetProperty("capitalisedInterest").GetDecimal();
        Assert.True(capitalised > first.GetProperty("interest").GetDecimal());

        var after = await Loan(agent, loanId);
        var schedule = Schedule(after);
        Assert.Equal(0m, schedule[0].GetProperty("payment").GetDecimal());
        Assert.Equal(0m, schedule[1].GetProperty("payment").GetDecimal());
        Assert.Equal(principal + capitalised, schedule.Sum(i => i.GetProperty("principal").GetDecimal()));
        Assert.Equal(principal + capitalised, after.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(0m, after.GetProperty("balances").GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(0m, after.GetProperty("trialBalanceNet").GetDecimal());
        AssertReceivablesMatchTheSchedule(after);

        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(businessDate.AddDays(1), new CobOptions(), CancellationToken.None);
            Assert.Equal(0, (await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(loanId))).DaysPastDue);
        }

        var again = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/hardship", new { kind = "term-extension", months = 6, reason = "still struggling" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    /// <summary>
    /// Money the bank booked to the lender's account on the due date, imported from the statement two days later, is the
    /// customer's payment of that day: posted on the bank's booking date, so the loan is current again at once.
    /// </summary>
    [SkippableFact]
    public async Task A_statement_credit_is_posted_on_the_day_the_bank_booked_it_and_the_loan_is_current_at_once()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var due = Date(first, "dueDate");
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(due.AddDays(1), new CobOptions(), CancellationToken.None);
            await new EndOfDay(db, platform.Clock).RunAsync(due.AddDays(2), new CobOptions(), CancellationToken.None);
        }

        MoveTo(due.AddDays(3));
        using var agent = await platform.SignedIn("agent");
        Assert.Equal(2, (await Loan(agent, loanId)).GetProperty("daysPastDue").GetInt32());
        var reference = (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/repayment-reference")).GetProperty("repaymentReference").GetString();
        var amount = first.GetProperty("payment").GetDecimal().ToString("0.00", CultureInfo.InvariantCulture);
        var csv = $"""
            entryReference,bookingDate,amount,currency,direction,payerName,reference
            VD-{loanId:N},{due:yyyy-MM-dd},{amount},CNY,CRDT,Test Applicant,{reference}
            """;

        using var imported = await agent.PostAsync("/api/v1/reconciliation/statements", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(1, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matched").GetInt32());
        var loan = await Loan(agent, loanId);
        var payment = Assert.Single(loan.GetProperty("payments").EnumerateArray());
        Assert.Equal(due, Date(payment, "paidOn"));
        Assert.Equal(0, loan.GetProperty("daysPastDue").GetInt32());
        Assert.Equal("paid", Schedule(loan)[0].GetProperty("status").GetString());
    }

    /// <summary>
    /// A new car's loan under the standard product runs at most 60 months from its start, extensions included: a 36-month
    /// loan takes 24 more months, not 25 (a loan of another term likewise), and a refused extension changes nothing.
    /// </summary>
    [SkippableFact]
    public async Task A_term_extension_past_the_products_longest_term_is_refused_naming_the_months_and_the_last_date_allowed()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, _) = await BookALoan();
        using var agent = await platform.SignedIn("agent");
        var loan = await Loan(agent, loanId);
        var before = Schedule(loan);
        var latest = DateOnly.Parse(loan.GetProperty("summary").GetProperty("startDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddMonths(60);
        var room = 60 - loan.GetProperty("summary").GetProperty("termMonths").GetInt32();

        using var tooLong = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/hardship") { Content = JsonContent.Create(new { kind = "term-extension", months = room + 1, reason = "income halved for two years" }) };
        tooLong.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await agent.SendAsync(tooLong);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hardship.term.longest", problem.GetProperty("code").GetString());
        Assert.Equal("60", problem.GetProperty("parameters").GetProperty("limit").GetString());
        Assert.Equal(latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("parameters").GetProperty("latest").GetString());
        Assert.Contains("最多 60 个月", Assert.Single(problem.GetProperty("errors").GetProperty("months").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(before.Select(i => i.GetProperty("payment").GetDecimal()), Schedule(await Loan(agent, loanId)).Select(i => i.GetProperty("payment").GetDecimal()));

        var granted = await agent.PostAsJsonAsync($"/api/v1/loans/{loanId}/hardship", new { kind = "term-extension", months = room, reason = "income halved for two years" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("newMaturity").GetString());
    }

    [SkippableFact]
    public async Task Concurrent_payments_with_different_keys_either_post_or_are_refused_and_the_ledger_holds_exactly_those_posted()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate"));
        using var agent = await platform.SignedIn("agent");

        var attempts = await Task.WhenAll(Enumerable.Range(1, 6).Select(async n =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount = 100m * n, channel = "cash", receiptReference = "R-100001" }) };
            request.Headers.Add("Idempotency-Key", $"different-{n}");
            var response = await agent.SendAsync(request);
            return (response.StatusCode, Amount: 100m * n);
        }));

        Assert.All(attempts, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        var posted = attempts.Where(a => a.StatusCode == HttpStatusCode.Created).Sum(a => a.Amount);
        Assert.True(posted > 0m);
        var loan = await Loan(agent, loanId);
        Assert.Equal(posted, Schedule(loan).Sum(i => i.GetProperty("paid").GetDecimal()) + loan.GetProperty("credit").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        AssertReceivablesMatchTheSchedule(loan);
    }

    [SkippableFact]
    public async Task A_manual_write_off_needs_a_second_person_and_then_clears_the_receivables()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, _) = await BookALoan();
        using var collector = await platform.SignedIn("collector");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");

        var requested = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/write-off", new { reason = "borrower deceased, no estate" });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var approvalId = (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetString();
        Assert.Equal("active", (await Loan(manager, loanId)).GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/write-off", new { reason = "again" })).StatusCode);

        // The person deciding sees the loan as it stands (a link, its days past due, the principal left) and that it is not late.
        foreach (var path in new[] { "/approvals", "/write-offs" })
        {
            var page = await admin.GetStringAsync(path);
            var card = page[page.IndexOf($"href=\"/loans/{loanId}\"", StringComparison.OrdinalIgnoreCase)..];
            Assert.Contains("data-testid=\"writeoff-loan-current\"", card[..Math.Min(card.Length, 2_000)], StringComparison.Ordinal);
            Assert.Contains(AutoFinance.Web.Components.Shared.Fmt.Money((await Loan(manager, loanId)).GetProperty("summary").GetProperty("principal").GetDecimal()), card[..Math.Min(card.Length, 2_000)], StringComparison.Ordinal);
        }

        var approved = await (await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        var loan = await Loan(manager, loanId);
        Assert.Equal("charged-off", loan.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(0m, loan.GetProperty("balances").GetProperty("LoanPrincipalReceivable").GetDecimal());
        Assert.Equal(loan.GetProperty("summary").GetProperty("principal").GetDecimal(), loan.GetProperty("balances").GetProperty("WriteOffExpense").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);
    }

    [SkippableFact]
    public async Task A_customer_who_paid_ahead_is_current_uncharged_and_not_reminded_as_late_on_the_next_due_date()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        using var agent = await platform.SignedIn("agent");
        var payment = first.GetProperty("payment").GetDecimal();

        // Paid before the due date (received at a branch), with 7.00 more than the instalment: all of it is held as credit.
        var paid = await Pay(agent, loanId, payment + 7m, "ahead-1");
        Assert.Equal(payment + 7m, paid.GetProperty("overpayment").GetDecimal());

        var due = Date(first, "dueDate");
        await using (var db = Db())
        {
            await new EndOfDay(db, platform.Clock).RunAsync(due, new CobOptions(), CancellationToken.None);
            await new EndOfDay(db, platform.Clock).RunAsync(due.AddDays(6), new CobOptions(), CancellationToken.None);
            var row = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(loanId));
            Assert.Equal(0, row.DaysPastDue);
            Assert.Equal("Current", row.Bucket);
            Assert.DoesNotContain(await db.Outbox.AsNoTracking().Where(m => m.LoanId == Guid.Parse(loanId)).Select(m => m.Template).ToListAsync(), t => t == "reminder.overdue");
            Assert.False(await db.JournalEntries.AnyAsync(e => e.LoanId == Guid.Parse(loanId) && (e.Kind == "PenaltyAccrual" || e.Description.StartsWith("Late fee"))));
        }

        MoveTo(due.AddDays(6));
        var loan = await Loan(await platform.SignedIn("agent"), loanId);
        Assert.Equal("paid", Schedule(loan)[0].GetProperty("status").GetString());
        Assert.Equal(7m, loan.GetProperty("credit").GetDecimal());
        Assert.Equal(7m, loan.GetProperty("balances").GetProperty("CustomerOverpayment").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("balances").GetProperty("PenaltyInterestReceivable").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task Money_from_a_customer_is_dated_by_the_server_and_staff_backdate_only_with_a_reason_inside_the_window()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var loan = await Loan(await platform.SignedIn("agent"), loanId);
        var start = DateOnly.Parse(loan.GetProperty("summary").GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture);
        MoveTo(start.AddDays(20));
        using var customer = await CustomerOf(loanId);
        await using var db = Db();
        var entries = await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId));

        var payoff = await Post(customer, $"/api/v1/loans/{loanId}/payoff", new { paidOn = start }, "past-payoff");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, payoff.StatusCode);
        Assert.Equal("paidOn.customer_dated", (await payoff.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var payment = await Post(customer, $"/api/v1/loans/{loanId}/payments", new { amount = 100m, paidOn = start.AddDays(1) }, "past-payment");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, payment.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await customer.GetAsync($"/api/v1/loans/{loanId}/payoff?on={start:yyyy-MM-dd}")).StatusCode);
        Assert.Equal(entries, await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId)));

        using var agent = await platform.SignedIn("agent");
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/v1/loans/{loanId}/payoff?on={start:yyyy-MM-dd}")).StatusCode);
        var noReason = await Post(agent, $"/api/v1/loans/{loanId}/payments", new { amount = 100m, paidOn = start.AddDays(19), channel = "cash", receiptReference = "R-100001" }, "staff-1");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var tooEarly = await Post(agent, $"/api/v1/loans/{loanId}/payments", new { amount = 100m, paidOn = start.AddDays(1), reason = "cheque found in the drawer", channel = "cash", receiptReference = "R-100001" }, "staff-2");
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        var backdated = await Post(agent, $"/api/v1/loans/{loanId}/payments", new { amount = 100m, paidOn = start.AddDays(19), reason = "branch deposit posted late", channel = "cash", receiptReference = "R-100001" }, "staff-3");
        Assert.Equal(HttpStatusCode.Created, backdated.StatusCode);
        Assert.Equal(start.AddDays(19), Date(await backdated.Content.ReadFromJsonAsync<JsonElement>(), "paidOn"));
    }

    [SkippableFact]
    public async Task A_backdated_payment_settles_what_was_due_on_its_date_and_the_later_payment_is_applied_again_after_it()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var due = Date(first, "dueDate");
        MoveTo(due.AddDays(2));
        using var agent = await platform.SignedIn("agent");
        var payment = first.GetProperty("payment").GetDecimal();
        var later = await Pay(agent, loanId, 100m, "later-1");
        Assert.Equal(100m, later.GetProperty("allocated").GetDecimal());

        var backdated = await Post(agent, $"/api/v1/loans/{loanId}/payments", new { amount = payment, paidOn = due, reason = "branch deposit posted late", channel = "cash", receiptReference = "R-100001" }, "earlier-1");
        Assert.Equal(HttpStatusCode.Created, backdated.StatusCode);
        Assert.Equal(payment, (await backdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allocated").GetDecimal());

        // As if posted in date order: the instalment is settled by the earlier payment and the later 100.00 is held.
        var loan = await Loan(agent, loanId);
        Assert.Equal("paid", Schedule(loan)[0].GetProperty("status").GetString());
        Assert.Equal(100m, loan.GetProperty("credit").GetDecimal());
        Assert.Equal(100m, loan.GetProperty("balances").GetProperty("CustomerOverpayment").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        AssertReceivablesMatchTheSchedule(loan);
        await using var db = Db();
        var laterRow = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(later.GetProperty("paymentId").GetString()!));
        Assert.Equal(100m, laterRow.Overpayment);
        Assert.Equal(2, await db.Payments.CountAsync(p => p.LoanId == Guid.Parse(loanId) && p.Status == AutoFinance.Domain.Servicing.Loans.PostingStatus.Posted));
    }

    [SkippableFact]
    public async Task A_loan_of_a_product_that_settles_principal_first_has_a_payment_allocated_by_that_order()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate").AddDays(1));
        await using (var db = Db())
        {
            var standard = DemoData.DefaultProduct();
            var principalFirst = standard with
            {
                Code = "principal-first-" + Guid.NewGuid().ToString("N")[..8],
                Policy = standard.Policy with { Servicing = new ProductServicing { AllocationOrder = [DueComponent.Principal, DueComponent.Interest, DueComponent.PenaltyInterest, DueComponent.Fee] } },
            };
            db.Products.Add(ProductCatalog.ToRow(principalFirst, Guid.NewGuid()));
            var loan = await db.Loans.SingleAsync(l => l.Id == Guid.Parse(loanId));
            (await db.Applications.SingleAsync(a => a.Id == loan.ApplicationId)).ProductCode = principalFirst.Code;
            await db.SaveChangesAsync();
        }

        using var agent = await platform.SignedIn("agent");
        var principal = first.GetProperty("principal").GetDecimal();
        var allocation = (await Pay(agent, loanId, principal, "principal-first-1")).GetProperty("allocation")[0];

        Assert.Equal(principal, allocation.GetProperty("principal").GetDecimal());
        Assert.Equal(0m, allocation.GetProperty("interest").GetDecimal());
        Assert.Equal(0m, (await Loan(agent, loanId)).GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task End_of_day_charges_a_late_loan_by_its_own_products_late_charge_terms()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var dueDate = Date(first, "dueDate");
        // A product with a day of grace, a ¥120 late fee and penalty at twice the contract rate.
        var terms = new Domain.Products.LateChargeTerms(GraceDays: 1, FixedFee: 120m, PenaltyRateMultiplier: 2m);
        await using (var setup = Db())
        {
            var standard = DemoData.DefaultProduct();
            var strict = standard with
            {
                Code = "strict-late-" + Guid.NewGuid().ToString("N")[..8],
                Policy = standard.Policy with { Servicing = new ProductServicing { LateCharges = terms } },
            };
            setup.Products.Add(ProductCatalog.ToRow(strict, Guid.NewGuid()));
            var booked = await setup.Loans.SingleAsync(l => l.Id == Guid.Parse(loanId));
            (await setup.Applications.SingleAsync(a => a.Id == booked.ApplicationId)).ProductCode = strict.Code;
            await setup.SaveChangesAsync();
        }

        await using var db = Db();
        await new EndOfDay(db, platform.Clock).RunAsync(dueDate.AddDays(5), new CobOptions(), CancellationToken.None);

        // Four days past the one day of grace, at 2 × the contract rate; the product's fee, not the standard ¥50.
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(loanId));
        var penalty = Math.Round(first.GetProperty("payment").GetDecimal() * terms.PenaltyAnnualRate(loan.AnnualRate) * 4 / 365m, 2, MidpointRounding.AwayFromZero);
        MoveTo(dueDate.AddDays(5));
        using var agent = await platform.SignedIn("agent");
        var view = await Loan(agent, loanId);
        Assert.Equal(120m, Schedule(view)[0].GetProperty("lateFee").GetDecimal());
        Assert.Equal(penalty, Schedule(view)[0].GetProperty("penaltyInterest").GetDecimal());
        Assert.Equal(0m, view.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task An_idempotency_key_answers_only_the_request_it_was_first_used_for()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate"));
        using var agent = await platform.SignedIn("agent");
        Assert.Equal(HttpStatusCode.Created, (await Post(agent, $"/api/v1/loans/{loanId}/payments", new { amount = 100m, channel = "cash", receiptReference = "R-100001" }, "bound-key")).StatusCode);

        var otherAmount = await Post(agent, $"/api/v1/loans/{loanId}/payments", new { amount = 200m, channel = "cash", receiptReference = "R-100001" }, "bound-key");
        var otherEndpoint = await Post(agent, $"/api/v1/loans/{loanId}/payoff", new { }, "bound-key");

        foreach (var refused in new[] { otherAmount, otherEndpoint })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("idempotency.key.reused", problem.GetProperty("code").GetString());
            Assert.Contains("bound-key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await using var db = Db();
        Assert.Equal(100m, (await db.Payments.AsNoTracking().Where(p => p.LoanId == Guid.Parse(loanId)).ToListAsync()).Sum(p => p.Amount));
        var loan = await Loan(agent, loanId);
        Assert.Equal("active", loan.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal(100m, Schedule(loan).Sum(i => i.GetProperty("paid").GetDecimal()));
    }

    [SkippableFact]
    public async Task End_of_day_accrues_interest_daily_and_ten_days_come_to_the_day_count_figure_to_the_cent()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        using var agent = await platform.SignedIn("agent");
        var start = DateOnly.Parse((await Loan(agent, loanId)).GetProperty("summary").GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture);
        var period = new AccrualPeriod(1, start, Date(first, "dueDate"), first.GetProperty("interest").GetDecimal(), Currency.Cny);
        await using (var db = Db())
        {
            for (var day = start.AddDays(1); day <= start.AddDays(10); day = day.AddDays(1))
            {
                await new EndOfDay(db, platform.Clock).RunAsync(day, new CobOptions(), CancellationToken.None);
            }

            // One entry a day that adds interest: by the 30/360 count the day after a 31st adds none.
            var days = Enumerable.Range(1, 10).Count(n => period.AccruedThrough(start.AddDays(n), DayCountConvention.Thirty360) > period.AccruedThrough(start.AddDays(n - 1), DayCountConvention.Thirty360));
            Assert.Equal(days, await db.JournalEntries.CountAsync(e => e.LoanId == Guid.Parse(loanId) && e.Kind == "InterestAccrual"));
        }

        var expected = period.AccruedThrough(start.AddDays(10), DayCountConvention.Thirty360);
        MoveTo(start.AddDays(10));
        using var later = await platform.SignedIn("agent");
        var loan = await Loan(later, loanId);
        Assert.True(expected > 0m);
        Assert.Equal(expected, loan.GetProperty("balances").GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(expected, loan.GetProperty("balances").GetProperty("InterestIncome").GetDecimal());
        Assert.Equal(expected, loan.GetProperty("interestAccruedToDate").GetDecimal());
    }

    [SkippableFact]
    public async Task A_quiet_loans_daily_interest_kept_on_its_row_goes_back_to_the_instalment_and_is_never_recognised_twice()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var id = Guid.Parse(loanId);
        using var agent = await platform.SignedIn("agent");
        var start = DateOnly.Parse((await Loan(agent, loanId)).GetProperty("summary").GetProperty("startDate").GetString()!, CultureInfo.InvariantCulture);
        var period = new AccrualPeriod(1, start, Date(first, "dueDate"), first.GetProperty("interest").GetDecimal(), Currency.Cny);
        async Task CloseThrough(int days)
        {
            await using var db = Db();
            for (var day = start.AddDays(days - 4); day <= start.AddDays(days); day = day.AddDays(1))
            {
                await new EndOfDay(db, platform.Clock).RunAsync(day, new CobOptions(), CancellationToken.None);
            }
        }

        async Task<(LoanRow Loan, InstallmentRow First)> Rows()
        {
            await using var db = Db();
            return (await db.Loans.AsNoTracking().SingleAsync(l => l.Id == id), await db.Installments.AsNoTracking().SingleAsync(i => i.LoanId == id && i.Number == 1));
        }

        // What the close reads of the running period, kept on the loan's row so a quiet day reads no instalment.
        static RunningPeriod? Kept(LoanRow row) => RunningPeriod.KeptBy(row.RunningInstallment, row.RunningPeriodStart, row.RunningDueDate, row.RunningScheduledInterest);
        var running = new RunningPeriod(1, start, period.DueDate, period.ScheduledInterest);

        // Five quiet days: the running interest is written to the loan's row only, beside the period it accrues over.
        await CloseThrough(5);
        var (loan, installment) = await Rows();
        Assert.Equal(new RunningInterest(1, period.AccruedThrough(start.AddDays(5), DayCountConvention.Thirty360)), LoanMapping.Running(loan));
        Assert.Equal(0m, installment.AccruedInterest);
        Assert.Equal(running, Kept(loan));

        // A payment saves the loan through its aggregate, which gives the interest back to the instalment.
        MoveTo(start.AddDays(5));
        using (var payer = await platform.SignedIn("agent"))
        {
            await Pay(payer, loanId, 100m, "quiet-hand-back");
        }

        (loan, installment) = await Rows();
        Assert.Null(loan.RunningInstallment);
        Assert.Equal(period.AccruedThrough(start.AddDays(5), DayCountConvention.Thirty360), installment.AccruedInterest);
        // The instalments were written: the period is read from them again.
        Assert.Null(Kept(loan));
        Assert.Null(loan.RunningDueDate);

        // Five more quiet days go on from the instalment's figure: ten days' interest, posted once.
        await CloseThrough(10);
        var expected = period.AccruedThrough(start.AddDays(10), DayCountConvention.Thirty360);
        (loan, _) = await Rows();
        Assert.Equal(new RunningInterest(1, expected), LoanMapping.Running(loan));
        Assert.Equal(running, Kept(loan));
        MoveTo(start.AddDays(10));
        using var later = await platform.SignedIn("agent");
        var view = await Loan(later, loanId);
        Assert.Equal(expected, view.GetProperty("balances").GetProperty("InterestIncome").GetDecimal());
        Assert.Equal(expected, view.GetProperty("interestAccruedToDate").GetDecimal());
    }

    [SkippableTheory]
    [InlineData("annuity")]
    [InlineData("equal-principal")]
    [InlineData("interest-only")]
    [InlineData("balloon")]
    public async Task The_api_payoff_quote_is_the_payoff_commands_figure_for_the_same_terms_and_date(string method)
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, _) = await BookALoan();
        var terms = new LoanTerms
        {
            Principal = 88_888m,
            AnnualRate = 0.0599m,
            TermMonths = 24,
            Method = RepaymentMethodNames.Parse(method)!.Value,
            StartDate = new DateOnly(2026, 1, 20),
            BalloonFraction = method == "balloon" ? 0.3m : 0m,
        };
        var schedule = ScheduleBuilder.Build(terms);
        await using (var db = Db())
        {
            // The booked loan takes these terms and their schedule.
            var row = await db.Loans.SingleAsync(l => l.Id == Guid.Parse(loanId));
            (row.Principal, row.AnnualRate, row.TermMonths, row.Method, row.StartDate, row.BalloonFraction) = (terms.Principal, terms.AnnualRate, 24, method, terms.StartDate, terms.BalloonFraction);
            db.Installments.RemoveRange(db.Installments.Where(i => i.LoanId == row.Id));
            db.Installments.AddRange(schedule.Installments.Select(i => new InstallmentRow
            {
                LoanId = row.Id, Number = i.Number, DueDate = i.DueDate, Payment = i.Payment, Principal = i.Principal, Interest = i.Interest, Fee = i.Fee, Balance = i.Balance,
            }));
            await db.SaveChangesAsync();
        }

        using var agent = await platform.SignedIn("agent");
        foreach (var on in new[] { new DateOnly(2026, 1, 20), new DateOnly(2026, 2, 7), new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 1) })
        {
            var api = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff?on={on:yyyy-MM-dd}");
            var cli = PayoffCalculator.Quote(schedule, 0, on, DayCountConvention.Thirty360).Quote!;
            Assert.Equal(cli.Payoff, api.GetProperty("total").GetDecimal());
            Assert.Equal((cli.Principal, cli.Interest, cli.Fees), (api.GetProperty("principal").GetDecimal(), api.GetProperty("interest").GetDecimal(), api.GetProperty("fees").GetDecimal()));
        }
    }

    [SkippableFact]
    public async Task A_closed_loan_has_every_receivable_at_zero_and_its_credit_moved_to_refund_payable()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        MoveTo(Date(first, "dueDate"));
        using var agent = await platform.SignedIn("agent");
        // Paid far beyond the instalment: the surplus is held, and it is more than the payoff.
        var principal = (await Loan(agent, loanId)).GetProperty("summary").GetProperty("principal").GetDecimal();
        await Pay(agent, loanId, principal * 2m, "credit-first");
        var quote = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/payoff");
        var credit = quote.GetProperty("credit").GetDecimal();
        Assert.Equal(0m, quote.GetProperty("total").GetDecimal());

        var paid = await Post(agent, $"/api/v1/loans/{loanId}/payoff", new { amount = 0m }, "close-it");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        var loan = await Loan(agent, loanId);
        var balances = loan.GetProperty("balances");
        Assert.Equal("closed", loan.GetProperty("summary").GetProperty("status").GetString());
        foreach (var account in new[] { "LoanPrincipalReceivable", "InterestReceivable", "FeeReceivable", "PenaltyInterestReceivable", "CustomerOverpayment" })
        {
            Assert.Equal(0m, balances.GetProperty(account).GetDecimal());
        }

        Assert.Equal(credit - quote.GetProperty("dueUnpaid").GetDecimal() - quote.GetProperty("principalNotDue").GetDecimal() - quote.GetProperty("accruedInterest").GetDecimal(), balances.GetProperty("RefundPayable").GetDecimal());
        Assert.True(balances.GetProperty("RefundPayable").GetDecimal() > 0m);
        Assert.Equal(0m, loan.GetProperty("credit").GetDecimal());
        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
    }

    [SkippableFact]
    public async Task A_loan_comes_with_its_latest_entries_and_balances_of_the_whole_journal_which_staff_page_through_in_posting_order()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (loanId, first) = await BookALoan();
        var start = Date(first, "dueDate").AddMonths(-1);
        await using (var seed = Db())
        {
            for (var day = 1; day <= 45; day++)
            {
                seed.JournalEntries.Add(LoanBooking.ToRow(Guid.Parse(loanId), LoanPostings.InterestAccrual(start.AddDays(day), Money.Of(1.37m + day / 100m, Currency.Cny)), platform.Clock.GetUtcNow()));
            }

            await seed.SaveChangesAsync();
        }

        using var agent = await platform.SignedIn("agent");
        var loan = await Loan(agent, loanId);
        await using var db = Db();
        var journal = await db.JournalEntries.AsNoTracking().Include(e => e.Lines).Where(e => e.LoanId == Guid.Parse(loanId)).ToListAsync();
        var folded = Ledger.Of(Currency.Cny, journal.Select(r => LoanBooking.FromRow(r, Currency.Cny)));
        foreach (var account in LedgerAccounts.All)
        {
            Assert.Equal(folded.Balances.Of(account), loan.GetProperty("balances").GetProperty(account.ToString()).GetDecimal());
        }

        Assert.Equal(0m, loan.GetProperty("trialBalanceNet").GetDecimal());
        Assert.Equal(journal.Count, loan.GetProperty("entryCount").GetInt32());
        var recent = loan.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(LoanQueries.RecentEntries, recent.Count);

        // The whole journal, two pages of 30: every entry once, in posting order, the view's latest 20 at its end.
        var pages = new List<JsonElement>();
        foreach (var page in new[] { 1, 2 })
        {
            using var answer = await agent.GetAsync($"/api/v1/loans/{loanId}/entries?page={page}&pageSize=30");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(journal.Count.ToString(CultureInfo.InvariantCulture), answer.Headers.GetValues("X-Total-Count").Single());
            pages.AddRange(JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.Clone().EnumerateArray());
        }

        Assert.Equal(journal.Count, pages.Count);
        Assert.Equal(pages.Select(e => e.GetProperty("businessDate").GetString()).Order(StringComparer.Ordinal), pages.Select(e => e.GetProperty("businessDate").GetString()));
        Assert.Equal(journal.Sum(e => e.Lines.Count), pages.Sum(e => e.GetProperty("lines").GetArrayLength()));
        Assert.Equal(pages.TakeLast(LoanQueries.RecentEntries).Select(e => e.GetRawText()), recent.Select(e => e.GetRawText()));

        // The loan's customer sees balances but no journal, and is not let page it.
        using var customer = await CustomerOf(loanId);
        var own = await Loan(customer, loanId);
        Assert.Equal(JsonValueKind.Null, own.GetProperty("entries").ValueKind);
        Assert.Equal(folded.Balances.Of(LedgerAccount.InterestReceivable), own.GetProperty("balances").GetProperty("InterestReceivable").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync($"/api/v1/loans/{loanId}/entries")).StatusCode);
    }

    /// <summary>A customer signed in who owns the loan (the demo customer is given it).</summary>
    private async Task<HttpClient> CustomerOf(string loanId)
    {
        var customer = await platform.SignedIn("13800138000");
        var own = (await customer.GetFromJsonAsync<JsonElement>("/api/v1/loans")).EnumerateArray().First().GetProperty("loanId").GetString();
        await using var db = Db();
        var customerId = (await db.Loans.AsNoTracking().SingleAsync(l => l.Id == Guid.Parse(own!))).CustomerId;
        var loan = await db.Loans.SingleAsync(l => l.Id == Guid.Parse(loanId));
        loan.CustomerId = customerId;
        await db.SaveChangesAsync();
        return customer;
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    /// <summary>The ledger's receivables equal what the schedule says is owed: dues outstanding plus principal not yet due.</summary>
    private static void AssertReceivablesMatchTheSchedule(JsonElement loan)
    {
        var balances = loan.GetProperty("balances");
        var receivable = balances.GetProperty("LoanPrincipalReceivable").GetDecimal() + balances.GetProperty("InterestReceivable").GetDecimal()
            + balances.GetProperty("FeeReceivable").GetDecimal() + balances.GetProperty("PenaltyInterestReceivable").GetDecimal();
        var schedule = Schedule(loan);
        var owed = schedule.Where(i => i.GetProperty("status").GetString() is not ("upcoming" or "partly-paid")).Sum(i => i.GetProperty("outstanding").GetDecimal())
            + schedule.Where(i => i.GetProperty("status").GetString() is "upcoming" or "partly-paid").Sum(i => i.GetProperty("principal").GetDecimal() - Math.Max(0m, i.GetProperty("paid").GetDecimal() - i.GetProperty("interest").GetDecimal()));
        Assert.Equal(owed, receivable);
    }

    private void MoveTo(DateOnly date)
    {
        var target = new DateTimeOffset(date.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        if (target > platform.Clock.Now)
        {
            platform.Clock.Now = target;
        }
    }

    private static DateOnly Date(JsonElement element, string property) =>
        DateOnly.Parse(element.GetProperty(property).GetString()!, CultureInfo.InvariantCulture);

    private static JsonElement[] Schedule(JsonElement loan) => [.. loan.GetProperty("schedule").EnumerateArray()];

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();

    private static async Task<JsonElement> Loan(HttpClient client, string loanId) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/loans/{loanId}")).RootElement.Clone();

    /// <summary>A prime application approved, accepted and disbursed today: the booked loan and its first instalment.</summary>
    private async Task<(string LoanId, JsonElement FirstInstallment)> BookALoan()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        // The scenarios share one clock that each moves on, so the new car is of the clock's year.
        var application = Applications.Prime();
        ((Dictionary<string, object?>)application["vehicle"]!)["year"] = platform.Clock.Now.Year;
        var decision = JsonDocument.Parse(await (await dealer.PostAsJsonAsync("/api/v1/applications", application)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("approved", decision.GetProperty("status").GetString());
        var applicationId = decision.GetProperty("applicationId").GetString();
        var offerId = decision.GetProperty("offers")[0].GetProperty("offerId").GetString();
        var contract = JsonDocument.Parse(await (await Contracts.ContractSigning.AcceptAsync(platform, dealer, applicationId, offerId)).Content.ReadAsStringAsync()).RootElement;
        var loanId = (await Payouts.Funding.BookAsync(underwriter, contract.GetProperty("contractId").GetString()!)).ToString();
        var loan = await Loan(underwriter, loanId);
        return (loanId, loan.GetProperty("schedule")[0].Clone());
    }

    private static async Task<JsonElement> Pay(HttpClient client, string loanId, decimal amount, string key, string surplus = "hold")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount, surplus, channel = "cash", receiptReference = "R-100001" }) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

public sealed class ServicingOnSqlite(ClockedPlatform platform) : ServicingScenarios<ClockedPlatform>(platform);

public sealed class ServicingOnPostgres(ClockedPostgresPlatform platform) : ServicingScenarios<ClockedPostgresPlatform>(platform);
