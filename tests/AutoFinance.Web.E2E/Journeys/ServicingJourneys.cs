using System.Globalization;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Servicing.QuotePayoff;
using AutoFinance.Credit.Validation;
using AutoFinance.Infrastructure.Reporting;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>After the loan is booked: collections, end of day and the inbox, paying off, and the model's health.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ServicingJourneys(BrowserFixture fixture)
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_collector_logs_a_promise_to_pay_on_an_overdue_loan_from_the_worklist()
    {
        await fixture.CloseTodayAsync();
        var loan = await fixture.LoanOfAsync(BrowserFixture.ReminderCustomer);
        var today = fixture.Platform.Clock.Today;

        // The manager shares the worklist among the collectors; the dashboard's bucket drills down to it.
        var manager = await fixture.NewPageAsync();
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/dashboard");
        await Assertions.Expect(manager.GetByTestId("vintages")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("decision-times")).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "7-1-dashboard");
        await manager.Locator("[data-testid='bucket-row'][data-bucket='1-30'] a").ClickAsync();
        await manager.WaitForURLAsync("**/collections?bucket=1-30");
        await Assertions.Expect(manager.Locator($"[data-testid='worklist-row'][data-reference='{loan.Reference}']")).ToBeVisibleAsync();
        await manager.GetByTestId("assign").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("coll-message")).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "7-2-worklist-assigned");

        // The collector finds the loan among their own accounts, with its rank, bucket and action.
        var collector = await fixture.NewPageAsync();
        await Portal.SignInAsync(collector, "collector");
        await collector.GotoAsync("/collections?mine=true");
        var row = collector.Locator($"[data-testid='worklist-row'][data-reference='{loan.Reference}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await fixture.ShotAsync(collector, "7-3-worklist-mine");

        // A promise to pay without its amount is refused beside the field, and what was typed stays.
        await row.GetByTestId("log-contact").ClickAsync();
        await collector.WaitForURLAsync($"**/collections/{loan.Id}");
        await Assertions.Expect(collector.GetByTestId("no-contacts")).ToBeVisibleAsync();
        await collector.GetByTestId("contact-outcome").SelectOptionAsync("PTP");
        await collector.GetByTestId("contact-amount").FillAsync(string.Empty);
        await collector.GetByTestId("contact-date").FillAsync(Iso(today.AddDays(3)));
        await collector.GetByTestId("contact-note").FillAsync("Salary arrives on Friday; will pay the instalment in full.");
        await collector.GetByTestId("contact-submit").ClickAsync();
        await Assertions.Expect(collector.Locator("[data-field='promisedAmount'] .field-error")).ToBeVisibleAsync();
        await Assertions.Expect(collector.GetByTestId("contact-note")).ToHaveValueAsync("Salary arrives on Friday; will pay the instalment in full.");
        await fixture.ShotAsync(collector, "7-4-contact-field-error");

        var owed = await fixture.QueryAsync(async db =>
            (await db.Installments.AsNoTracking().Where(i => i.LoanId == loan.Id && i.DueDate <= today).ToListAsync()).Sum(i => InstallmentBook.Due(i).Total));
        await collector.GetByTestId("contact-amount").FillAsync(Fmt.Field(owed));
        await collector.GetByTestId("contact-submit").ClickAsync();
        await Assertions.Expect(collector.GetByTestId("contact-saved")).ToBeVisibleAsync();
        var contact = collector.GetByTestId("contact").First;
        await Assertions.Expect(contact).ToHaveAttributeAsync("data-outcome", "PTP");
        await Assertions.Expect(contact.GetByTestId("promise-status")).ToHaveAttributeAsync("data-status", "pending");
        await fixture.ShotAsync(collector, "7-5-contact-logged");

        // The worklist shows the open promise; the loan 360 is a click away.
        await collector.GotoAsync("/collections?mine=true");
        await Assertions.Expect(row.Locator(".status.pending")).ToBeVisibleAsync();
        await row.GetByTestId("worklist-loan").ClickAsync();
        await Assertions.Expect(collector.GetByTestId("ledger")).ToBeVisibleAsync();
        await Assertions.Expect(collector.GetByTestId("loan-contacts")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_customer_turns_off_reminder_texts_from_the_inbox_and_the_choice_is_kept()
    {
        var customer = await fixture.NewPageAsync();
        await Portal.SignInAsync(customer, BrowserFixture.ReminderCustomer);
        await customer.GotoAsync("/inbox");
        await customer.GetByTestId("inbox-preferences").ClickAsync();
        await customer.WaitForURLAsync("**/inbox/preferences");
        await Assertions.Expect(customer.GetByTestId("pref-servicing-in-app")).ToBeDisabledAsync();
        await Assertions.Expect(customer.GetByTestId("pref-reminders-sms")).ToBeCheckedAsync();
        await Assertions.Expect(customer.GetByTestId("pref-marketing-sms")).Not.ToBeCheckedAsync();

        await customer.GetByTestId("pref-reminders-sms").UncheckAsync();
        await customer.GetByTestId("pref-language-en").CheckAsync();
        await customer.GetByTestId("prefs-submit").ClickAsync();
        await Assertions.Expect(customer.GetByTestId("prefs-saved")).ToBeVisibleAsync();
        await fixture.ShotAsync(customer, "8-3-notification-preferences");

        await customer.ReloadAsync();
        await Assertions.Expect(customer.GetByTestId("pref-reminders-sms")).Not.ToBeCheckedAsync();
        await Assertions.Expect(customer.GetByTestId("pref-reminders-in-app")).ToBeCheckedAsync();
        await Assertions.Expect(customer.GetByTestId("pref-language-en")).ToBeCheckedAsync();
        await customer.GetByTestId("pref-reminders-sms").CheckAsync();
        await customer.GetByTestId("pref-language-zh-CN").CheckAsync();
        await customer.GetByTestId("prefs-submit").ClickAsync();
        await Assertions.Expect(customer.GetByTestId("prefs-saved")).ToBeVisibleAsync();

        // The same page hands the customer everything held about them, with their session.
        var download = customer.GetByTestId("my-data-download");
        await Assertions.Expect(download).ToHaveAttributeAsync("href", "/api/v1/me/data");
        var data = await customer.APIRequest.GetAsync("/api/v1/me/data");
        Assert.Equal(200, data.Status);
        var held = (await data.JsonAsync())!.Value;
        Assert.Equal(BrowserFixture.ReminderCustomer, held.GetProperty("customer").GetProperty("mobile").GetString());
        Assert.NotEmpty(held.GetProperty("contracts").EnumerateArray());
    }

    [Fact]
    public async Task A_customer_sees_a_reminder_in_the_inbox_after_the_end_of_day_run()
    {
        // The manager runs close of business for today from the operations page.
        var manager = await fixture.NewPageAsync();
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/end-of-day");
        await Assertions.Expect(manager.GetByTestId("eod-date")).ToHaveValueAsync(Iso(fixture.Platform.Clock.Today));
        await manager.GetByTestId("eod-submit").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("eod-result")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("eod-finished")).ToHaveAttributeAsync("data-finished", "true");
        await Assertions.Expect(manager.GetByTestId("eod-partition").First).ToHaveAttributeAsync("data-status", "done");
        await fixture.ShotAsync(manager, "8-1-end-of-day");

        // The missed-payment reminder reaches the customer's inbox once the outbox worker has delivered it.
        var customer = await fixture.NewPageAsync();
        await Portal.SignInAsync(customer, BrowserFixture.ReminderCustomer);
        await customer.GetByRole(AriaRole.Link, new() { Name = "消息" }).ClickAsync();
        await customer.WaitForURLAsync("**/inbox");
        var reminder = customer.Locator("[data-testid='message'][data-template='reminder.overdue']");
        for (var attempt = 0; attempt < 30 && await reminder.CountAsync() == 0; attempt++)
        {
            await Task.Delay(1_000);
            await customer.ReloadAsync();
        }

        await Assertions.Expect(reminder.First).ToBeVisibleAsync();
        var loan = await fixture.LoanOfAsync(BrowserFixture.ReminderCustomer);
        await Assertions.Expect(reminder.First.GetByTestId("message-loan")).ToHaveAttributeAsync("href", $"/loans/{loan.Id}");
        await fixture.ShotAsync(customer, "8-2-inbox");
        await reminder.First.GetByTestId("message-loan").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-testid='installment'][data-number='1']")).ToHaveAttributeAsync("data-state", "overdue");
    }

    [Fact]
    public async Task A_customer_pays_off_a_loan_from_the_loan_page_and_sees_it_closed()
    {
        var loan = await fixture.LoanOfAsync(BrowserFixture.PayoffCustomer);
        var today = fixture.Platform.Clock.Today;
        var page = await fixture.NewPageAsync();
        await Portal.SignInAsync(page, BrowserFixture.PayoffCustomer);
        await page.GotoAsync("/loans");
        await page.GetByTestId("loan-link").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("payoff")).ToBeVisibleAsync();

        // Today's figure is the API's payoff quote, to the cent.
        var expected = await Quote(loan.Id, today);
        await Assertions.Expect(page.GetByTestId("payoff-total")).ToHaveTextAsync(Fmt.Money(expected.Total));

        // A quote for a later date adds the interest run up to that day.
        var later = today.AddDays(10);
        await page.GetByTestId("payoff-on").FillAsync(Iso(later));
        await page.GetByTestId("payoff-quote").ClickAsync();
        await Assertions.Expect(page.GetByTestId("payoff-figures")).ToHaveAttributeAsync("data-on", Iso(later));
        await Assertions.Expect(page.GetByTestId("payoff-total")).ToHaveTextAsync(Fmt.Money((await Quote(loan.Id, later)).Total));
        await fixture.ShotAsync(page, "9-1-payoff-quote");

        // Paying off needs the amount confirmed; then the loan is closed with nothing owed.
        await page.GotoAsync($"/loans/{loan.Id}");
        await page.GetByTestId("payoff-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".payoff-form .field-error")).ToBeVisibleAsync();
        await page.GetByTestId("payoff-confirm").CheckAsync();
        await page.GetByTestId("payoff-submit").ClickAsync();
        await Portal.PayOnCheckoutAsync(page);
        await Assertions.Expect(page.GetByTestId("receipt-amount")).ToHaveTextAsync(Fmt.Money(expected.Total));
        await page.GotoAsync($"/loans/{loan.Id}");
        await Assertions.Expect(page.GetByTestId("loan-status")).ToHaveTextAsync("已结清");
        await Assertions.Expect(page.GetByTestId("loan-closed")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("outstanding")).ToHaveTextAsync(Fmt.Money(0m));
        await Assertions.Expect(page.Locator("[data-testid='installment']:not([data-state='paid'])")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("pay")).ToHaveCountAsync(0);
        await fixture.ShotAsync(page, "9-2-paid-off");

        Assert.Equal(AutoFinance.Domain.Servicing.Loans.LoanStatus.Closed, (await fixture.LoanOfAsync(BrowserFixture.PayoffCustomer)).Status);
    }

    [Fact]
    public async Task The_model_page_shows_the_scorecard_and_the_population_stability_of_recent_scores()
    {
        var (document, bins, psi) = await fixture.QueryAsync(async db =>
        {
            var model = fixture.Platform.App.Services.GetRequiredService<ModelSet>().Active.Document;
            var since = fixture.Platform.Clock.GetUtcNow().AddDays(-90);
            var scores = await db.Applications.AsNoTracking().Where(a => a.ModelVersion == model.ModelId && a.Score != null && a.SubmittedAt >= since)
                .Select(a => a.Score!.Value).ToArrayAsync();
            return (model, model.Characteristics.Sum(c => c.Bins.Count), Stability.ScorePsi(model.Population!, scores));
        });

        var page = await fixture.NewPageAsync();
        await Portal.SignInAsync(page, "analyst");
        await page.GetByRole(AriaRole.Link, new() { Name = "模型", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/model");
        await Assertions.Expect(page.GetByTestId("model-id")).ToHaveTextAsync(document.ModelId);
        await Assertions.Expect(page.GetByTestId("scorecard-row")).ToHaveCountAsync(bins);
        await Assertions.Expect(page.GetByTestId("psi")).ToHaveTextAsync(psi.ToString("0.000", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("psi-band")).ToHaveAttributeAsync("data-band", psi < 0.10 ? "stable" : psi < 0.25 ? "watch" : "act");
        await Assertions.Expect(page.GetByTestId("validation-test")).ToContainTextAsync(document.Validation!.Test.Auc.ToString("0.000", CultureInfo.InvariantCulture));

        // Each characteristic's stability, and the back-test on matured loans or the word that there are none yet.
        ModelMonitoringQueries.ModelReview review;
        await using (var scope = fixture.Platform.App.Services.CreateAsyncScope())
        {
            review = await scope.ServiceProvider.GetRequiredService<ModelMonitoringQueries>().GetAsync(CancellationToken.None);
        }

        await Assertions.Expect(page.GetByTestId("csi-row")).ToHaveCountAsync(review.Stability.Characteristics.Count);
        if (review.Stability.Characteristics.Count > 0)
        {
            var first = review.Stability.Characteristics[0];
            await Assertions.Expect(page.GetByTestId("csi-row").First).ToHaveAttributeAsync("data-characteristic", first.Name);
            await Assertions.Expect(page.GetByTestId("csi-value").First).ToHaveTextAsync(first.Csi.ToString("0.000", CultureInfo.InvariantCulture));
        }

        if (review.BackTest.Loans == 0)
        {
            await Assertions.Expect(page.GetByTestId("backtest-state")).ToHaveAttributeAsync("data-state", "none");
        }
        else
        {
            await Assertions.Expect(page.GetByTestId("backtest-loans")).ToHaveTextAsync(review.BackTest.Loans.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(page.GetByTestId("backtest-grade")).ToHaveCountAsync(review.BackTest.Grades.Count);
        }

        await fixture.ShotAsync(page, "10-1-model");

        // A customer may not open it.
        var customer = await fixture.NewPageAsync();
        await Portal.SignInAsync(customer, "13800138000");
        var response = await customer.GotoAsync("/model");
        Assert.Equal(403, response!.Status);
    }

    private Task<PayoffFigures> Quote(Guid loanId, DateOnly on) => fixture.QueryAsync(async db =>
    {
        var loan = await db.Loans.AsNoTracking().SingleAsync(l => l.Id == loanId);
        var installments = await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync();
        var held = await CustomerCredit.HeldAsync(db, loanId, CancellationToken.None);
        return PayoffFigures.From(LoanMapping.ToAggregate(loan, installments, [], held, Domain.Servicing.Loans.ServicingTerms.Default).Quote(on).Value!);
    });
}
