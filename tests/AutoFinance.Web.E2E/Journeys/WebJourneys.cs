using System.Globalization;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Components.Calculator;
using AutoFinance.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>The journeys of customers, dealers and staff through the pages, in headless Chromium on the real platform.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebJourneys(BrowserFixture fixture)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    [Fact]
    public async Task A_customer_compares_plans_applies_is_approved_reads_the_disclosure_and_accepts()
    {
        var page = await fixture.NewPageAsync();

        // Register (the user name is the mobile number, proved by the code texted to it) and land on the calculator.
        await page.GotoAsync("/register");
        await page.GetByTestId("register-mobile").FillAsync("13512345678");
        await page.GetByTestId("register-send-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("register-code-notice")).ToBeVisibleAsync();
        await page.GetByTestId("register-code").FillAsync(await fixture.SmsCodeAsync("13512345678"));
        await page.GetByTestId("register-name").FillAsync("Zhao Lei");
        await page.GetByTestId("register-password").FillAsync("a-long-password-2026");
        await page.GetByTestId("register-submit").ClickAsync();
        await page.WaitForURLAsync("**/calculator");

        // Compare three plans on a 200,000 car with 60,000 down: the figures are the engine's, to the cent.
        await page.GetByTestId("calc-price").FillAsync("200000");
        await page.GetByTestId("calc-down").FillAsync("60000");
        await page.GetByTestId("calc-submit").ClickAsync();
        await page.WaitForURLAsync("**/calculator?*price=200000*");
        var today = fixture.Platform.Clock.Today;
        var product = DemoData.DefaultProduct();
        var (expected, _) = PlanCalculator.Compute(
            new CalculatorInput(200_000m, 60_000m, VehicleCondition.New, VehicleEnergy.Conventional, string.Empty, today.Year, "B",
                [new(36, RepaymentMethod.Annuity, 30m, 8m), new(36, RepaymentMethod.EqualPrincipal, 30m, 8m), new(36, RepaymentMethod.Balloon, 30m, 8m)]),
            product.Policy, product.RateCard, today);
        for (var i = 0; i < 3; i++)
        {
            await Assertions.Expect(page.GetByTestId($"plan-{i + 1}-payment")).ToHaveTextAsync(Fmt.Money(expected[i].RegularPayment));
            await Assertions.Expect(page.GetByTestId($"plan-{i + 1}-apr")).ToHaveTextAsync(Fmt.Percent(expected[i].Disclosure.AnnualisedRates.AprPercent));
        }

        await Assertions.Expect(page.GetByTestId("payments-chart").First).ToBeVisibleAsync();
        await fixture.ShotAsync(page, "1-1-calculator");

        // Apply: a problem is named beside its field, and the form keeps what was typed.
        await page.GotoAsync("/apply");
        var birth = new DateOnly(1987, 6, 15);
        var vehicle = new Dictionary<string, string>
        {
            ["vehicle.condition"] = "new", ["vehicle.energy"] = "conventional", ["vehicle.make"] = "Volkswagen", ["vehicle.model"] = "Sagitar",
            ["vehicle.year"] = today.Year.ToString(Invariant), ["vehicle.mileageKm"] = "10", ["vehicle.vin"] = "NOT-A-VIN",
            ["vehicle.price"] = "200000", ["downPayment"] = "60000", ["termMonths"] = "36", ["repaymentMethod"] = "annuity",
        };
        await Portal.FillStepAsync(page, vehicle);
        await page.GetByTestId("apply-next").ClickAsync();
        await Assertions.Expect(page.Locator("[data-field='vehicle.vin'] .field-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("f-vehicle.make")).ToHaveValueAsync("Volkswagen");
        await fixture.ShotAsync(page, "1-2-apply-validation");
        vehicle["vehicle.vin"] = DemoIdentities.Vin("LFV2A21K", 'S', "3100001");
        await page.GetByTestId("f-vehicle.vin").FillAsync(vehicle["vehicle.vin"]);
        await Portal.NextAsync(page, 2);
        await Portal.FillStepAsync(page, new Dictionary<string, string>
        {
            ["applicant.fullName"] = "Zhao Lei", ["applicant.nationalId"] = DemoIdentities.NationalId(DemoIdentities.SandboxRegion, birth, 91),
            ["applicant.dateOfBirth"] = Iso(birth), ["applicant.mobile"] = "13512345678", ["applicant.employmentType"] = "salaried",
            ["applicant.employerName"] = "Demo Technology Co.", ["applicant.yearsEmployed"] = "8", ["applicant.monthlyIncome"] = "32000",
            ["applicant.monthlyDebtPayments"] = "1500", ["applicant.housing"] = "own", ["applicant.yearsAtAddress"] = "6",
        });
        await Portal.NextAsync(page, 3);
        await Assertions.Expect(page.Locator("[data-field^='bureau.'], [name^='Form.Bureau']")).ToHaveCountAsync(0);
        await fixture.ShotAsync(page, "1-3-apply-review");
        // Submitted without the authorisation, the form says what is missing.
        await page.GetByTestId("apply-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".field-error[data-field='consent']")).ToHaveTextAsync(AutoFinance.Web.Components.Localization.UiLanguage.Zh["err.consent.required"]);
        await page.GetByTestId("apply-consent").CheckAsync();
        await page.GetByTestId("apply-submit").ClickAsync();
        await page.WaitForURLAsync("**/applications/*?decided=1");

        // The decision at once, with its reasons and offers.
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveTextAsync("已批准");
        await Assertions.Expect(page.GetByTestId("offer").First).ToBeVisibleAsync();
        await fixture.ShotAsync(page, "1-4-decision");

        // The full disclosure of the first offer, then accept it.
        var term = int.Parse((await page.GetByTestId("offer").First.GetAttributeAsync("data-term"))!, Invariant);
        await page.GetByTestId("offer-disclosure").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("disclosure")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("disclosure-schedule").Locator("tbody tr")).ToHaveCountAsync(term);
        await fixture.ShotAsync(page, "1-5-disclosure");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("accept")).ToBeHiddenAsync();
        await fixture.ShotAsync(page, "1-6-disclosure-print");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        // A number gets one code a minute, whatever it is for, and registration texted one moments ago.
        fixture.Platform.Clock.Offset += TimeSpan.FromSeconds(61);
        await Portal.SignContractAsync(page, fixture.SmsCodesAsync("13512345678"));
        await Assertions.Expect(page.GetByTestId("accepted-banner")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, "1-7-accepted");

        var contracts = await fixture.QueryAsync(db => db.Contracts.CountAsync(c => c.AcceptedBy.StartsWith("customer:")));
        Assert.True(contracts >= 3);
    }

    [Fact]
    public async Task A_dealer_submits_an_application_that_is_referred_and_an_underwriter_approves_it()
    {
        var dealer = await fixture.NewPageAsync();
        await Portal.SignInAsync(dealer, "dealer");
        var birth = new DateOnly(1993, 5, 9);
        var today = fixture.Platform.Clock.Today;
        await Portal.ApplyAsync(dealer,
            new Dictionary<string, string>
            {
                ["vehicle.condition"] = "new", ["vehicle.energy"] = "conventional", ["vehicle.make"] = "Volkswagen", ["vehicle.model"] = "Sagitar",
                ["vehicle.year"] = today.Year.ToString(Invariant), ["vehicle.mileageKm"] = "10", ["vehicle.vin"] = DemoIdentities.Vin("LFV2A21K", 'S', "3200007"),
                ["vehicle.price"] = "168000", ["downPayment"] = "40000", ["termMonths"] = "48", ["repaymentMethod"] = "annuity",
            },
            new Dictionary<string, string>
            {
                ["applicant.fullName"] = "Sun Hao", ["applicant.nationalId"] = DemoIdentities.NationalId(DemoIdentities.StretchedRegion, birth, 93),
                ["applicant.dateOfBirth"] = Iso(birth), ["applicant.mobile"] = "13700137099", ["applicant.employmentType"] = "self-employed",
                ["applicant.yearsEmployed"] = "2", ["applicant.monthlyIncome"] = "20000", ["applicant.monthlyDebtPayments"] = "2000",
                ["applicant.housing"] = "rent", ["applicant.yearsAtAddress"] = "6",
            });
        await Assertions.Expect(dealer.GetByTestId("application-status")).ToHaveTextAsync("人工审核中");
        await Assertions.Expect(dealer.GetByTestId("reasons")).ToBeVisibleAsync();
        var reference = (await dealer.Locator("h1").TextContentAsync())!.Split(' ')[^1];
        await fixture.ShotAsync(dealer, "2-1-dealer-referred");

        // The desk lists the dealer's own applications, filtered by status.
        await dealer.GotoAsync("/applications?status=referred");
        await Assertions.Expect(dealer.Locator($"[data-reference='{reference}']")).ToBeVisibleAsync();
        Assert.True(await dealer.GetByTestId("application-row").CountAsync() >= 2);
        await fixture.ShotAsync(dealer, "2-2-dealer-desk");

        // The underwriter finds it in the queue with its SLA timer, claims it and approves it.
        var underwriter = await fixture.NewPageAsync();
        await Portal.SignInAsync(underwriter, "underwriter");
        await underwriter.GotoAsync("/underwriting");
        await Assertions.Expect(underwriter.Locator($"[data-reference='{reference}']")).ToBeVisibleAsync();
        await fixture.ShotAsync(underwriter, "2-3-referral-queue");
        await underwriter.Locator($"[data-reference='{reference}'] a").ClickAsync();
        await Assertions.Expect(underwriter.GetByTestId("checks")).ToBeVisibleAsync();
        await Assertions.Expect(underwriter.GetByTestId("sla")).ToBeVisibleAsync();
        await underwriter.GetByTestId("claim").ClickAsync();
        await Assertions.Expect(underwriter.GetByTestId("decide-reason")).ToBeVisibleAsync();
        await fixture.ShotAsync(underwriter, "2-4-underwriter-detail");
        await underwriter.GetByTestId("decide-reason").FillAsync("Stable self-employment for two years; bank statements verified.");
        await underwriter.GetByTestId("decide-submit").ClickAsync();
        await Assertions.Expect(underwriter.GetByTestId("application-status")).ToHaveTextAsync("已批准");
        await fixture.ShotAsync(underwriter, "2-5-underwriter-approved");

        // The dealer sees the approval and the offers.
        await dealer.GotoAsync("/applications?status=approved");
        await dealer.Locator($"[data-reference='{reference}'] a").ClickAsync();
        await Assertions.Expect(dealer.GetByTestId("application-status")).ToHaveTextAsync("已批准");
        await Assertions.Expect(dealer.GetByTestId("offer").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_customer_pays_an_instalment_and_sees_the_schedule_update()
    {
        var page = await fixture.NewPageAsync();
        await Portal.SignInAsync(page, "13800138000");
        await page.GotoAsync("/loans");
        await page.GetByTestId("loan-link").First.ClickAsync();
        var first = page.Locator("[data-testid='installment'][data-number='1']");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-state", "overdue");
        await fixture.ShotAsync(page, "3-1-loan-overdue");

        // The amount offered is what is owed now on the overdue instalment (with any penalty end of day charged), as the API says.
        var loan = await fixture.LoanOfAsync("13800138000");
        var owed = await fixture.QueryAsync(async db =>
        {
            var one = await db.Installments.AsNoTracking().FirstAsync(i => i.LoanId == loan.Id && i.Number == 1);
            return InstallmentBook.Due(one).Total;
        });
        await Assertions.Expect(page.GetByTestId("pay-amount")).ToHaveValueAsync(Fmt.Field(owed));
        await page.GetByTestId("pay-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pay-confirm-amount")).ToHaveTextAsync(Fmt.Money(owed));
        await fixture.ShotAsync(page, "3-1b-loan-pay-confirm");
        await page.GetByTestId("pay-confirm").ClickAsync();

        // The money goes through the payment provider: its checkout, then the receipt once the provider confirms it.
        await Assertions.Expect(page.GetByTestId("sim-pay")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, "3-1c-provider-checkout");
        await Portal.PayOnCheckoutAsync(page);
        await Assertions.Expect(page.GetByTestId("receipt-amount")).ToHaveTextAsync(Fmt.Money(owed));
        await fixture.ShotAsync(page, "3-1d-payment-receipt");
        await page.GotoAsync($"/loans/{loan.Id}");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-state", "paid");
        var second = page.Locator("[data-testid='installment'][data-number='2']");
        await Assertions.Expect(second).ToHaveAttributeAsync("data-state", "upcoming");
        await Assertions.Expect(second).ToHaveAttributeAsync("data-next", "true");
        await Assertions.Expect(page.GetByTestId("due-now")).ToHaveTextAsync(Fmt.Money(0m));
        await Assertions.Expect(page.GetByTestId("payment-row")).ToHaveCountAsync(1);
        await fixture.ShotAsync(page, "3-2-loan-paid");

        // Staff see the same loan with its ledger; the manager's dashboard counts it.
        var manager = await fixture.NewPageAsync();
        await Portal.SignInAsync(manager, "manager");
        await manager.GotoAsync(page.Url.Split('?')[0].Replace(fixture.Platform.BaseAddress.ToString().TrimEnd('/'), string.Empty, StringComparison.Ordinal));
        await Assertions.Expect(manager.GetByTestId("ledger")).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "3-3-staff-loan-360");
        await manager.GotoAsync("/dashboard");
        await Assertions.Expect(manager.GetByTestId("funnel")).ToBeVisibleAsync();
        await fixture.ShotAsync(manager, "3-4-dashboard");
    }

    [Fact]
    public async Task Switching_language_changes_every_page_and_is_remembered()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("透明、即时的汽车贷款");
        await page.GetByTestId("language-switch").GetByText("EN").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Car finance that is clear and immediate");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GotoAsync("/calculator");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Loan plan calculator");
        await fixture.ShotAsync(page, "5-1-calculator-en");
        await page.GetByTestId("language-switch").GetByText("中文").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("贷款方案计算器");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/calculator$"));
    }

    [Fact]
    public async Task A_customer_cannot_open_another_customers_loan_or_application_by_url()
    {
        var liNa = await fixture.UserCustomerAsync("13800138000");
        var (loanId, applicationId) = await fixture.QueryAsync(async db =>
        {
            var loan = await db.Loans.AsNoTracking().FirstAsync(l => l.CustomerId == liNa);
            return (loan.Id, loan.ApplicationId);
        });
        var page = await fixture.NewPageAsync();
        await Portal.SignInAsync(page, "13900139000");

        var response = await page.GotoAsync($"/loans/{loanId}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, "6-1-not-found");

        response = await page.GotoAsync($"/applications/{applicationId}");
        Assert.Equal(404, response!.Status);
        response = await page.GotoAsync($"/applications/{applicationId}/offers/{Guid.NewGuid()}");
        Assert.Equal(404, response!.Status);
    }
}
