using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>The service desk and customer intelligence pages: a complaint from opening to rating, the assistant, the 360, insight and experiments.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DeskJourneys(BrowserFixture fixture)
{
    [Fact]
    public async Task A_customer_complains_an_agent_resolves_it_with_a_root_cause_and_the_customer_rates_the_service()
    {
        // The customer opens a complaint; a missing description is named beside its field, and what was typed stays.
        var customer = await fixture.NewPageAsync();
        await Portal.SignInAsync(customer, BrowserFixture.ReminderCustomer);
        await customer.GotoAsync("/help");
        await Assertions.Expect(customer.GetByTestId("assistant")).ToBeVisibleAsync();
        await customer.GetByTestId("kind-complaint").CheckAsync();
        await customer.GetByTestId("case-category").SelectOptionAsync("fees");
        await customer.GetByTestId("case-priority").SelectOptionAsync("high");
        await customer.GetByTestId("case-subject").FillAsync("Late fee charged twice");
        await customer.GetByTestId("case-submit").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-field='description'] .field-error")).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByTestId("case-subject")).ToHaveValueAsync("Late fee charged twice");
        await fixture.ShotAsync(customer, "8-1-help-field-error");

        await customer.GetByTestId("case-description").FillAsync("My statement shows the same late fee two times for one missed day. Please refund one of them.");
        await customer.GetByTestId("case-submit").ClickAsync();
        await customer.WaitForURLAsync("**/cases/*?opened=1");
        await Assertions.Expect(customer.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", "open");
        await Assertions.Expect(customer.GetByTestId("sla-first-response")).ToHaveAttributeAsync("data-state", "running");
        var reference = (await customer.GetByTestId("case-reference").TextContentAsync())!.Trim();
        var caseId = customer.Url.Split("/cases/")[1].Split('?')[0];
        await fixture.ShotAsync(customer, "8-2-case-opened");

        // The agent finds it in the queue (ordered by SLA urgency), takes it, answers and resolves it with a root cause.
        var agent = await fixture.NewPageAsync();
        await Portal.SignInAsync(agent, "agent");
        await agent.GotoAsync("/cases");
        var row = agent.Locator($"[data-testid='queue-row'][data-reference='{reference}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(agent.Locator("[data-testid='queue-row'][data-breached='true']").First).ToBeVisibleAsync();
        await fixture.ShotAsync(agent, "8-3-case-queue");
        await row.GetByTestId("queue-case").ClickAsync();
        await agent.WaitForURLAsync($"**/cases/{caseId}");
        await Assertions.Expect(agent.GetByTestId("case-customer-name")).ToHaveTextAsync("Wang Wei");
        await agent.GetByTestId("assign-submit").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("case-assignee")).ToHaveTextAsync("孙丽");
        await agent.GetByTestId("message-body").FillAsync("Sorry about this. I am checking the fee postings on your loan now.");
        await agent.GetByTestId("message-submit").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", "in-progress");
        await Assertions.Expect(agent.GetByTestId("sla-first-response")).ToHaveAttributeAsync("data-state", "met");
        await agent.GetByTestId("resolve-submit").ClickAsync();
        await Assertions.Expect(agent.Locator("[data-field='rootCause'] .field-error")).ToBeVisibleAsync();
        await agent.GetByTestId("resolve-cause").SelectOptionAsync("system-error");
        await agent.GetByTestId("resolve-text").FillAsync("The duplicate fee came from a posting error; one fee is waived and refunded.");
        await fixture.ShotAsync(agent, "8-4-case-agent");
        await agent.GetByTestId("resolve-submit").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", "resolved");
        await Assertions.Expect(agent.GetByTestId("case-root-cause")).ToHaveAttributeAsync("data-cause", "system-error");
        await fixture.ShotAsync(agent, "8-5-case-resolved");

        // The customer sees the whole timeline and rates the service: CSAT 5, NPS 9.
        await customer.GotoAsync("/help");
        var survey = customer.Locator($"[data-testid='pending-survey'][data-subject='{caseId}']");
        await Assertions.Expect(survey).ToBeVisibleAsync();
        await Assertions.Expect(customer.Locator($"[data-testid='my-case'][data-reference='{reference}']")).ToHaveAttributeAsync("data-status", "resolved");
        await customer.GotoAsync($"/cases/{caseId}");
        await Assertions.Expect(customer.GetByTestId("message")).ToHaveCountAsync(3);
        await Assertions.Expect(customer.GetByTestId("resolution-text")).ToContainTextAsync("waived");
        await fixture.ShotAsync(customer, "8-6-case-customer-resolved");
        await customer.GetByTestId("case-rate").ClickAsync();
        await customer.WaitForURLAsync("**/help/surveys/*");
        await customer.GetByTestId("survey-submit").ClickAsync();
        await Assertions.Expect(customer.Locator("[data-field='csat'] .field-error")).ToBeVisibleAsync();
        await customer.GetByTestId("csat-5").CheckAsync(new() { Force = true });
        await customer.GetByTestId("nps-9").CheckAsync(new() { Force = true });
        await fixture.ShotAsync(customer, "8-7-survey");
        await customer.GetByTestId("survey-submit").ClickAsync();
        await Assertions.Expect(customer.GetByTestId("survey-thanks")).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByTestId("survey-csat")).ToHaveTextAsync("5 / 5");
        var answered = await fixture.QueryAsync(db => db.Surveys.AsNoTracking().SingleAsync(s => s.SubjectId == caseId));
        Assert.Equal((5, 9), (answered.Csat, answered.Nps));
    }

    [Fact]
    public async Task The_assistant_answers_the_next_payment_with_the_loan_pages_figure_and_hands_over_what_it_cannot_answer()
    {
        var page = await fixture.NewPageAsync("en");
        await Portal.SignInAsync(page, "13800138000");
        await page.GotoAsync("/help");
        await page.GetByTestId("assistant-question").FillAsync("When is my next payment?");
        await page.GetByTestId("assistant-language").SelectOptionAsync("en");
        await page.GetByTestId("assistant-ask").ClickAsync();
        var answer = page.GetByTestId("assistant-answer");
        await Assertions.Expect(answer).ToHaveAttributeAsync("data-intent", "NextDue");
        var amount = (await page.GetByTestId("assistant-amount").TextContentAsync())!.Trim();
        var date = (await page.GetByTestId("assistant-date").TextContentAsync())!.Trim();
        await Assertions.Expect(page.GetByTestId("assistant-text")).ToContainTextAsync(amount.TrimStart('¥'));
        await fixture.ShotAsync(page, "8-8-assistant-next-payment");
        await Assertions.Expect(page.GetByTestId("assistant-pay")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("assistant-payoff")).ToBeVisibleAsync();

        await page.GetByTestId("assistant-loan").ClickAsync();
        await page.WaitForURLAsync("**/loans/*");
        await Assertions.Expect(page.GetByTestId("next-payment")).ToHaveTextAsync($"{date} · {amount}");

        // A question it does not understand is handed over: a case is opened and linked.
        await page.GotoAsync("/help");
        await page.GetByTestId("assistant-question").FillAsync("My neighbour's parrot keeps singing opera at night");
        await page.GetByTestId("assistant-ask").ClickAsync();
        await Assertions.Expect(page.GetByTestId("assistant-handover")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("assistant-answer-due")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, "8-9-assistant-handover");
        await page.GetByTestId("assistant-case").ClickAsync();
        await page.WaitForURLAsync("**/cases/*");
        await Assertions.Expect(page.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", "open");

        // The help articles are searched without signing in.
        var anonymous = await fixture.NewPageAsync("en");
        await anonymous.GotoAsync("/help/knowledge?q=prepay&lang=en");
        await Assertions.Expect(anonymous.GetByTestId("kb-article").First).ToBeVisibleAsync();
        await fixture.ShotAsync(anonymous, "8-10-knowledge");
    }

    [Fact]
    public async Task A_manager_reads_a_customers_360_the_segments_and_the_service_figures()
    {
        var liNa = await fixture.UserCustomerAsync("13800138000");
        var manager = await fixture.NewPageAsync();
        await Portal.SignInAsync(manager, "manager");

        // Li Na is at risk (a poorly rated complaint); her 360 shows her whole picture, the name in full.
        await manager.GotoAsync("/insight/at-risk");
        var atRisk = manager.Locator($"[data-testid='at-risk-row'][data-customer='{liNa}']");
        await Assertions.Expect(atRisk).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "9-1-at-risk");
        await atRisk.GetByTestId("at-risk-customer").ClickAsync();
        await manager.WaitForURLAsync($"**/customers/{liNa}");
        await Assertions.Expect(manager.GetByTestId("c360-name")).ToHaveTextAsync("Li Na");
        await Assertions.Expect(manager.GetByTestId("c360-national-id")).ToContainTextAsync("*");
        await Assertions.Expect(manager.GetByTestId("c360-at-risk")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("c360-loan")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.GetByTestId("c360-case").First).ToBeVisibleAsync();
        await manager.GetByTestId("nbo-decide").ClickAsync();
        await Assertions.Expect(manager.GetByTestId("nbo-line").First).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "9-2-customer-360");

        // The segments: profiles, sizes and the silhouette of every k tried.
        await manager.GotoAsync("/insight");
        await Assertions.Expect(manager.GetByTestId("segment").First).ToBeVisibleAsync();
        var k = int.Parse((await manager.GetByTestId("ins-k").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(manager.GetByTestId("segment")).ToHaveCountAsync(k);
        await Assertions.Expect(manager.Locator("[data-testid='silhouette-chart'] g.bar").First).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "9-3-insight-segments");

        // The dashboard counts complaints, resolution time, breaches and satisfaction from the database.
        await manager.GotoAsync("/dashboard?service=kind&satisfaction=agent");
        await Assertions.Expect(manager.Locator("[data-testid='service-row'][data-group='complaint']")).ToBeVisibleAsync();
        await Assertions.Expect(manager.Locator("[data-testid='satisfaction-row'][data-group='孙丽']")).ToBeVisibleAsync();
        await manager.GetByTestId("service-kpis").ScrollIntoViewIfNeededAsync();
        await fixture.ShotAsync(manager, "9-4-dashboard-service");

        // A risk analyst sees the same customer with the name masked.
        var analyst = await fixture.NewPageAsync();
        await Portal.SignInAsync(analyst, "analyst");
        await analyst.GotoAsync($"/customers/{liNa}");
        await Assertions.Expect(analyst.GetByTestId("c360-name")).ToHaveAttributeAsync("data-masked", "true");
        await Assertions.Expect(analyst.GetByTestId("c360-name")).Not.ToHaveTextAsync("Li Na");
    }

    [Fact]
    public async Task A_manager_defines_an_ab_experiment_and_reads_its_results()
    {
        var manager = await fixture.NewPageAsync("en");
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync("/experiments");
        await Assertions.Expect(manager.Locator($"[data-testid='experiment-row'][data-id='{ServiceDeskDemoData.ExperimentId}']")).ToBeVisibleAsync();

        await manager.GetByTestId("exp-id").FillAsync("Bad Id");
        await manager.GetByTestId("exp-metric").FillAsync("top-up offer accepted within 14 days");
        await manager.GetByTestId("exp-baseline").FillAsync("0.2");
        await manager.GetByTestId("exp-mde").FillAsync("0.05");
        await manager.GetByTestId("exp-submit").ClickAsync();
        await Assertions.Expect(manager.Locator("[data-field='id'] .field-error")).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "9-5-experiment-form");
        // The refused form is patched into the page by an enhanced post: let it settle before typing into it again,
        // and check each value holds, so a field re-rendered under the typing is not submitted empty.
        await manager.WaitForLoadStateAsync(LoadState.NetworkIdle);
        foreach (var (field, value) in new[] { ("exp-id", "top-up-message-2026"), ("exp-control", "plain"), ("exp-treatment", "personal") })
        {
            await manager.GetByTestId(field).FillAsync(value);
            await Assertions.Expect(manager.GetByTestId(field)).ToHaveValueAsync(value);
        }

        await Assertions.Expect(manager.GetByTestId("exp-metric")).ToHaveValueAsync("top-up offer accepted within 14 days");
        await manager.GetByTestId("exp-submit").ClickAsync();
        await manager.WaitForURLAsync("**/experiments/top-up-message-2026?created=1");
        await Assertions.Expect(manager.GetByTestId("experiment-final")).ToHaveAttributeAsync("data-final", "false");
        await Assertions.Expect(manager.GetByTestId("variant-row")).ToHaveCountAsync(2);
        var required = await fixture.QueryAsync(db => db.Experiments.AsNoTracking().Where(e => e.Id == "top-up-message-2026").Select(e => e.RequiredSamplePerVariant).SingleAsync());
        await Assertions.Expect(manager.GetByTestId("experiment-required")).ToHaveTextAsync(required.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await fixture.ShotAsync(manager, "9-6-experiment-created");

        // The seeded experiment half-way: the z-test with its interval, flagged not final.
        await manager.GotoAsync($"/experiments/{ServiceDeskDemoData.ExperimentId}");
        await Assertions.Expect(manager.GetByTestId("comparison")).ToHaveCountAsync(1);
        await Assertions.Expect(manager.GetByTestId("experiment-not-final")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByTestId("comparison-ci")).ToContainTextAsync("95%");
        await fixture.ShotAsync(manager, "9-7-experiment-results");
    }
}
