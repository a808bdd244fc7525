using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Operations;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Hosting.Scheduling;
using AutoFinance.Web.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>
/// Li Na pays her loan by direct debit. The platform is down at 06:00 Beijing time on her due date: back at 10:00 the
/// same day, it makes the morning's debits up once and her instalment is paid on time, to the cent, once; started again
/// that day it makes up nothing more. Down at 06:00 on her next due date and back only after midnight, it leaves that
/// day's debits to the retry days. A run of the day stopped partway (the provider's answer for her debit never came)
/// followed by the made-up run debits her once.
/// </summary>
[RunsLong]
public sealed class MissedDirectDebitTests
{
    private const string Mobile = "13800138000";

    /// <summary>A sandbox card the provider always debits.</summary>
    private const string Card = "6222020200118888";

    /// <summary>A sandbox card whose first debit request under a reference is answered 503 without being taken.</summary>
    private const string FirstRequestLost = "6222020200110503";

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>10:00 on 10 March 2026 in Beijing, when the demo loan is booked.</summary>
    private static readonly DateTimeOffset Booked = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_missed_direct_debit_slot_is_made_up_once_the_same_day_and_not_the_day_after(string provider)
    {
        Xunit.Skip.If(provider == "PostgreSql" && PostgresPlatform.Server is null, "no PostgreSQL configured");
        await using var platform = new RestartedPlatform(provider, Booked);
        Loan loan;
        await using (var before = await platform.StartAsync(scheduler: false))
        {
            loan = await BoundLoanAsync(platform, before, Card);
            await before.StopAsync();
        }

        // Down at 06:00 on the due date, back at 10:00.
        platform.Clock.Now = At(loan.FirstDue, 10);
        await using (var back = await platform.StartAsync(scheduler: true))
        {
            await RestartedPlatform.MadeUpAsync(back);

            var madeUp = JobQueries.View(Assert.Single(await RestartedPlatform.RunsAsync(back), r => r.Trigger == JobRunner.MadeUp));
            Assert.Equal(PlatformJobs.DirectDebit, madeUp.Job);
            Assert.Equal(At(loan.FirstDue, 6), madeUp.Occurrence);
            Assert.Equal(JobOutcome.Succeeded, madeUp.Outcome);
            Assert.Equal(DateString(loan.FirstDue), madeUp.DetailFacts!["day"]);
            Assert.Equal("1", madeUp.DetailFacts["requested"]);
            Assert.Equal(loan.FirstPayment.ToString("0.00", CultureInfo.InvariantCulture), madeUp.DetailFacts["amount"]);
            await PaidOnceAsync(platform, back, loan);
            await back.StopAsync();
        }

        // Started again the same day: the slot was made up, nothing more is asked.
        platform.Clock.Now = At(loan.FirstDue, 11);
        await using (var again = await platform.StartAsync(scheduler: true))
        {
            await RestartedPlatform.MadeUpAsync(again);

            Assert.Single(await RestartedPlatform.RunsAsync(again), r => r.Trigger == JobRunner.MadeUp);
            Assert.Single(await DebitsAsync(platform, loan));
            await again.StopAsync();
        }

        // Down at 06:00 on the next due date, back at 01:00 the day after: that day is over, nothing is made up.
        platform.Clock.Now = At(loan.SecondDue.AddDays(1), 1);
        await using (var nextDay = await platform.StartAsync(scheduler: true))
        {
            await RestartedPlatform.MadeUpAsync(nextDay);

            Assert.Single(await RestartedPlatform.RunsAsync(nextDay), r => r.Trigger == JobRunner.MadeUp);
            Assert.Single(await DebitsAsync(platform, loan));
            Assert.Equal(1, await PaymentsAsync(nextDay, loan.Id));
            await nextDay.StopAsync();
        }
    }

    [SkippableTheory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_run_made_up_after_a_partial_run_of_the_same_day_debits_nobody_twice(string provider)
    {
        Xunit.Skip.If(provider == "PostgreSql" && PostgresPlatform.Server is null, "no PostgreSQL configured");
        await using var platform = new RestartedPlatform(provider, Booked);
        Loan loan;
        await using (var before = await platform.StartAsync(scheduler: false))
        {
            loan = await BoundLoanAsync(platform, before, FirstRequestLost);

            // At 05:30 a manager starts the day's debits; the provider's answer for Li Na's never comes, and the
            // platform goes down before 06:00.
            platform.Clock.Now = At(loan.FirstDue, 5).AddMinutes(30);
            using var manager = await platform.SignedInAsync("manager");
            using var run = await manager.PostAsync($"/api/v1/servicing/direct-debits/run?date={DateString(loan.FirstDue)}", null);
            Assert.Equal(HttpStatusCode.OK, run.StatusCode);
            Assert.Equal(1, (await run.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unanswered").GetInt32());
            Assert.Equal("pending", Assert.Single(await DebitsAsync(platform, loan)).GetProperty("status").GetString());
            await before.StopAsync();
        }

        platform.Clock.Now = At(loan.FirstDue, 10);
        await using (var back = await platform.StartAsync(scheduler: true))
        {
            await RestartedPlatform.MadeUpAsync(back);

            var madeUp = JobQueries.View(Assert.Single(await RestartedPlatform.RunsAsync(back), r => r.Trigger == JobRunner.MadeUp));
            Assert.Equal(At(loan.FirstDue, 6), madeUp.Occurrence);
            Assert.Equal("0", madeUp.DetailFacts!["requested"]);
            Assert.Equal("1", madeUp.DetailFacts["resentTaken"]);
            await PaidOnceAsync(platform, back, loan);
            await back.StopAsync();
        }
    }

    /// <summary>Li Na's demo loan, its first two due dates and the first instalment.</summary>
    private sealed record Loan(Guid Id, DateOnly FirstDue, DateOnly SecondDue, decimal FirstPayment);

    /// <summary>
    /// Li Na binds a card for her demo loan, and the direct-debit job's last run is the morning before her first due
    /// date, as a platform that ran every day until then recorded it.
    /// </summary>
    private static async Task<Loan> BoundLoanAsync(RestartedPlatform platform, WebApplication app, string card)
    {
        using var customer = await platform.SignedInAsync(Mobile);
        var loanId = (await customer.GetFromJsonAsync<JsonElement>("/api/v1/loans")).EnumerateArray().Single().GetProperty("loanId").GetGuid();
        var schedule = (await customer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("schedule");
        var loan = new Loan(loanId, Due(schedule[0]), Due(schedule[1]), schedule[0].GetProperty("payment").GetDecimal());

        using (var asked = await customer.PostAsync("/api/v1/me/mandates/code", null))
        {
            Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        }

        var code = await Registration.LatestCodeAsync(Mobile);
        using (var bound = await customer.PostAsJsonAsync("/api/v1/me/mandates", new { cardNumber = card, holderName = "李娜", bank = "工商银行", code }))
        {
            Assert.True(bound.StatusCode == HttpStatusCode.Created, await bound.Content.ReadAsStringAsync());
        }

        await RestartedPlatform.RecordRunsAsync(app, RestartedPlatform.Run(PlatformJobs.DirectDebit, At(loan.FirstDue.AddDays(-1), 6)));
        return loan;
    }

    /// <summary>The provider's callback posts the debit: one request for the instalment, one payment of it to the cent.</summary>
    private static async Task PaidOnceAsync(RestartedPlatform platform, WebApplication app, Loan loan)
    {
        JsonElement debit = default;
        for (var i = 0; i < 150; i++)
        {
            debit = Assert.Single(await DebitsAsync(platform, loan));
            if (debit.GetProperty("status").GetString() != "pending")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("succeeded", debit.GetProperty("status").GetString());
        Assert.Equal(loan.FirstPayment, debit.GetProperty("amount").GetDecimal());
        await using var scope = app.Services.CreateAsyncScope();
        var payment = await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Payments.AsNoTracking().SingleAsync(p => p.LoanId == loan.Id);
        Assert.Equal(loan.FirstPayment, payment.Amount);
        Assert.Equal("direct-debit", payment.Channel);
    }

    private static async Task<List<JsonElement>> DebitsAsync(RestartedPlatform platform, Loan loan)
    {
        using var customer = await platform.SignedInAsync(Mobile);
        return [.. (await customer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loan.Id}/payment-intents")).EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "debit").Select(i => i.Clone())];
    }

    private static async Task<int> PaymentsAsync(WebApplication app, Guid loanId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Payments.CountAsync(p => p.LoanId == loanId);
    }

    private static DateOnly Due(JsonElement instalment) => DateOnly.Parse(instalment.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture);

    private static string DateString(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An hour of a day in Beijing, in UTC as runs keep it.</summary>
    private static DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Beijing).ToUniversalTime();
}
