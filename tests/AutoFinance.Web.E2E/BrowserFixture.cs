using AutoFinance.Application.Common;
using System.Net.Http.Json;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E;

/// <summary>
/// One platform and one headless Chromium (Debian's, never a downloaded one) for all the journeys. Besides the demo
/// data, three customers hold a loan booked on the seeding day — Li Na (the demo loan), Wang Wei (his signed contract
/// disbursed here) and <see cref="PayoffCustomer"/> — and the clock is then moved on to the day after their first due
/// date, so each first instalment is one day overdue (close of business that day sends the "missed" reminder).
/// Each journey works on its own loan, so they pass in any order.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The customer whose loan the pay-off journey closes (a user name, the mobile number).</summary>
    public const string PayoffCustomer = "15800158000";

    /// <summary>The customer whose overdue loan the collections and inbox journeys use.</summary>
    public const string ReminderCustomer = "13900139000";

    public PlatformHost Platform { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Screenshots { get; } = Environment.GetEnvironmentVariable("AUTOFINANCE_SCREENSHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(Screenshots);
        Platform = await PlatformHost.StartAsync();
        await BookLoansAsync();
        // The story book's loans started months ago; the clock follows the loans booked today.
        var seedingDay = Platform.Clock.Today;
        var firstDue = await QueryAsync(db => db.Installments.AsNoTracking().Where(i => i.Number == 1 && i.DueDate > seedingDay).MinAsync(i => i.DueDate));
        Platform.Clock.Offset = TimeSpan.FromDays(firstDue.DayNumber + 1 - Platform.Clock.Today.DayNumber);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        Playwright?.Dispose();
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
    }

    /// <summary>
    /// A fresh browser session (cookies of its own) in a fixed locale and time zone.
    /// </summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Platform.BaseAddress.ToString().TrimEnd('/'),
            Locale = locale,
            TimezoneId = "UTC",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task<T> QueryAsync<T>(Func<AutoFinanceDbContext, Task<T>> query)
    {
        using var scope = Platform.App.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>());
    }

    /// <summary>Close of business for today, through the host's own service (safe to run again).</summary>
    public async Task<EndOfDay.Result> CloseTodayAsync()
    {
        using var scope = Platform.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EndOfDay>().RunAsync(Platform.Clock.Today, new CobOptions { Worker = "e2e" }, CancellationToken.None);
    }

    /// <summary>The code in the newest text with a code the partner simulator's SMS gateway delivered to a number (notices go there too).</summary>
    public async Task<string> SmsCodeAsync(string mobile)
    {
        var simulator = Platform.App.Services.GetRequiredService<AutoFinance.Infrastructure.Partners.PartnerDirectory>().Simulator;
        using var client = new HttpClient { BaseAddress = simulator };
        var inbox = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/sms/v1/inbox/{mobile}");
        return inbox.EnumerateArray().Select(m => System.Text.RegularExpressions.Regex.Match(m.GetProperty("text").GetString()!, @"\b\d{6}\b").Value).First(code => code.Length > 0);
    }

    /// <summary>A reader of the newest contract-signing code texted to a number, for <see cref="Journeys.Portal.SignContractAsync"/>.</summary>
    public Func<Task<string>> SmsCodesAsync(string mobile) => () => SmsCodeAsync(mobile);

    /// <summary>Signs an offer in-process as the platform's pages do: the signing code texted to the customer's mobile, then the acceptance with it.</summary>
    public async Task<CommandResult<ContractView>> SignAsync(IServiceProvider services, Actor actor, Guid applicationId, Guid offerId, string mobile)
    {
        ArgumentNullException.ThrowIfNull(services);
        var sent = await services.GetRequiredService<ContractSigningCodes>().RequestCodeAsync(actor, applicationId, offerId, null, CancellationToken.None);
        if (sent.Value?.Result.Sent != true)
        {
            throw new InvalidOperationException($"no signing code sent: {sent.Failure} {sent.Problem} {sent.Value?.Result.Outcome}");
        }

        return await services.GetRequiredService<OriginationCommands>().AcceptAsync(actor, applicationId, offerId, new CustomerSignature.TextedCode(await SmsCodeAsync(mobile)), CancellationToken.None);
    }

    /// <summary>The (only) loan of a customer user.</summary>
    public async Task<LoanRow> LoanOfAsync(string userName)
    {
        var customer = await UserCustomerAsync(userName);
        return await QueryAsync(db => db.Loans.AsNoTracking().SingleAsync(l => l.CustomerId == customer));
    }

    public Task<Guid> UserCustomerAsync(string userName)
    {
        var hash = Platform.App.Services.GetRequiredService<AccountNames>().LookupHash(userName);
        return QueryAsync(async db => (await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == hash)).CustomerId!.Value);
    }

    /// <summary>Wang Wei's signed contract disbursed, and a third customer approved, accepted and disbursed, all on the seeding day.</summary>
    private async Task BookLoansAsync()
    {
        using var scope = Platform.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var names = services.GetRequiredService<AccountNames>();
        var underwriterHash = names.LookupHash("underwriter");
        var wangWeisHash = names.LookupHash(ReminderCustomer);
        var underwriterUser = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == underwriterHash);
        var underwriter = new Actor(Roles.Underwriter, underwriterUser.Id, null, null, names.DisplayName(underwriterUser));
        var wangWei = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == wangWeisHash);
        var signed = await db.Contracts.AsNoTracking().Where(c => c.Status == AutoFinance.Domain.Origination.Lifecycle.ContractStatus.Signed)
            .Join(db.Applications.AsNoTracking().Where(a => a.CustomerId == wangWei.CustomerId), c => c.ApplicationId, a => a.Id, (c, _) => c.Id).SingleAsync();
        var funding = new DemoFunding(services, services.GetRequiredService<TimeProvider>());
        await funding.BookAsync(underwriter, signed, CancellationToken.None);

        var accounts = services.GetRequiredService<AccountService>();
        var (userId, problem) = await accounts.RegisterCustomerAsync(PayoffCustomer, DemoData.Password, "Zhou Qing", CancellationToken.None);
        var customer = new Actor(Roles.Customer, userId ?? throw new InvalidOperationException(problem), null, null, "Zhou Qing");
        var birth = new DateOnly(1986, 2, 20);
        var submitted = await services.GetRequiredService<DecisionService>().SubmitAsync(new ApplicationRequest
        {
            Channel = "online",
            Language = "zh-CN",
            Applicant = new ApplicantInput
            {
                FullName = "Zhou Qing", NationalId = DemoIdentities.NationalId(DemoIdentities.SandboxRegion, birth, 97), DateOfBirth = birth, Mobile = PayoffCustomer,
                EmploymentType = "salaried", EmployerName = "Demo Technology Co.", YearsEmployed = 9, MonthlyIncome = 30_000m, MonthlyDebtPayments = 1_000m,
                Housing = "own", YearsAtAddress = 7,
            },
            CreditCheck = new CreditCheckConsent { Agreed = true, TextVersion = AutoFinance.Application.Verification.CreditCheckText.CurrentVersion },
            Vehicle = new VehicleInput { Vin = DemoIdentities.Vin("LFV2A21K", 'S', "3300003"), Condition = "new", Energy = "conventional", Make = "Volkswagen", Model = "Lavida", Year = 2026, MileageKm = 5, Price = 120_000m },
            DownPayment = 40_000m,
            TermMonths = 24,
            RepaymentMethod = "annuity",
        }, new SubmissionContext(customer, null, null, Guid.NewGuid().ToString()), CancellationToken.None);
        var decision = submitted.Response ?? throw new InvalidOperationException(string.Join("; ", submitted.Errors.Select(e => $"{e.Field}: {e.Message}")));
        if (decision.Status != "approved")
        {
            throw new InvalidOperationException($"the pay-off customer's application was {decision.Status}");
        }

        var customerId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CustomerId).FirstAsync();
        var contract = Check(await SignAsync(services, customer with { CustomerId = customerId }, decision.ApplicationId, decision.Offers[0].OfferId, PayoffCustomer));
        await funding.BookAsync(underwriter, contract.ContractId, CancellationToken.None);
    }

    private static T Check<T>(CommandResult<T> result) =>
        result.Failure == CommandFailure.None ? result.Value! : throw new InvalidOperationException($"{result.Failure}: {result.Problem}");
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
