using System.Globalization;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// Disbursement on a phone (390×844) and a desktop (1366×900): the underwriter sees the funding checklist item by item,
/// records insurance, mortgage registration and GPS on the page, reviews the payee, the masked account and the amount,
/// confirms, and the loan is booked once the provider confirms the payout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisbursementJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_underwriter_disburses_through_the_checklist_and_the_two_step_confirmation(int width, int height, string device)
    {
        // Each screen its own applicant and vehicle: a repeated VIN would already back the other screen's loan and be declined.
        var (applicationId, _) = await SignedContractWithDocumentsAsync(sequence: device == "phone" ? 101 : 102);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "underwriter");
        await page.GotoAsync($"/applications/{applicationId}");

        var section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "signed");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-code='funding.documents']")).ToHaveAttributeAsync("data-met", "true");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-code='funding.insurance']")).ToHaveAttributeAsync("data-met", "false");
        await Assertions.Expect(section.Locator("[data-testid=funding-item][data-code='funding.mortgage-registration']")).ToHaveAttributeAsync("data-met", "false");
        await Assertions.Expect(section.GetByTestId("funding-not-ready")).ToBeVisibleAsync();
        await Assertions.Expect(section.GetByTestId("disburse-review")).ToHaveCountAsync(0);
        await fixture.ShotAsync(page, $"disburse-1-checklist-{device}");

        await section.GetByTestId("funding-insurance-policy").FillAsync("PICC-2026-556677");
        await section.GetByTestId("funding-insurer").FillAsync("中国人民财产保险");
        await section.GetByTestId("funding-mortgage-number").FillAsync("京车抵-2026-000778");
        await section.GetByTestId("funding-mortgage-date").FillAsync("2026-01-05");
        await section.GetByTestId("funding-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("funding-outcome")).ToHaveAttributeAsync("data-outcome", "saved");
        await Assertions.Expect(page.Locator("[data-testid=funding-item][data-met=false]")).ToHaveCountAsync(0);

        // Step one: review the payee, the masked account and the amount; nothing is paid yet.
        await Assertions.Expect(page.GetByTestId("funding-account")).ToHaveTextAsync("**** 5678");
        await Assertions.Expect(page.GetByTestId("funding-payee-name")).ToHaveTextAsync(DemoFunding.Accounts[0].Payee);
        await page.GetByTestId("disburse-review").ClickAsync();
        var confirm = page.GetByTestId("disburse-confirm-step");
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await Assertions.Expect(confirm).ToContainTextAsync("**** 5678");
        await Assertions.Expect(page.GetByTestId("disbursement")).ToHaveAttributeAsync("data-status", "signed");
        await fixture.ShotAsync(page, $"disburse-2-review-{device}");

        // Step two: confirm; the loan is booked when the provider's callback confirms the payout.
        await confirm.GetByTestId("disburse").ClickAsync();
        await Assertions.Expect(page.GetByTestId("funding-outcome")).ToBeVisibleAsync();
        for (var attempt = 0; attempt < 40 && await page.GetByTestId("disbursement").GetAttributeAsync("data-status") != "booked"; attempt++)
        {
            await page.WaitForTimeoutAsync(250);
            await page.GotoAsync($"/applications/{applicationId}");
        }

        await Assertions.Expect(page.GetByTestId("disbursement")).ToHaveAttributeAsync("data-status", "booked");
        await Assertions.Expect(page.Locator("[data-testid=payout][data-status=confirmed]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("open-loan")).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"disburse-3-booked-{device}");

        await page.GotoAsync("/payouts?status=confirmed");
        await Assertions.Expect(page.Locator("[data-testid=payout][data-status=confirmed]").First).ToBeVisibleAsync();
        await fixture.ShotAsync(page, $"disburse-4-queue-{device}");
    }

    /// <summary>A prime dealer application approved and accepted, its required documents handed in and accepted (the platform's own services).</summary>
    private async Task<(Guid ApplicationId, Guid ContractId)> SignedContractWithDocumentsAsync(int sequence)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var names = services.GetRequiredService<AccountNames>();
        var dealerRow = await db.Dealers.AsNoTracking().FirstAsync(d => d.Code == "DLR-001");
        var dealer = new Actor(Roles.Dealer, null, dealerRow.Id, null, dealerRow.Name);
        var underwriterHash = names.LookupHash("underwriter");
        var underwriterUser = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == underwriterHash);
        var underwriter = new Actor(Roles.Underwriter, underwriterUser.Id, null, null, names.DisplayName(underwriterUser));
        var birth = new DateOnly(1987, 6, 15);
        var mobile = "13900139" + sequence.ToString("000", CultureInfo.InvariantCulture);
        var submitted = await services.GetRequiredService<DecisionService>().SubmitAsync(new ApplicationRequest
        {
            Channel = "dealer",
            Language = "zh-CN",
            Applicant = new ApplicantInput
            {
                FullName = "Qian Hui", NationalId = DemoIdentities.NationalId(DemoIdentities.SandboxRegion, birth, sequence), DateOfBirth = birth, Mobile = mobile,
                EmploymentType = "salaried", EmployerName = "Demo Technology Co.", YearsEmployed = 9, MonthlyIncome = 30_000m, MonthlyDebtPayments = 1_000m,
                Housing = "own", YearsAtAddress = 7,
            },
            CreditCheck = new CreditCheckConsent { Agreed = true, TextVersion = AutoFinance.Application.Verification.CreditCheckText.CurrentVersion },
            Vehicle = new VehicleInput { Vin = DemoIdentities.Vin("LFV2A21K", 'S', sequence.ToString("0000000", CultureInfo.InvariantCulture)), Condition = "new", Energy = "conventional", Make = "Volkswagen", Model = "Lavida", Year = 2026, MileageKm = 5, Price = 120_000m },
            DownPayment = 40_000m,
            TermMonths = 24,
            RepaymentMethod = "annuity",
        }, new SubmissionContext(dealer, null, null, Guid.NewGuid().ToString()), CancellationToken.None);
        var decision = submitted.Response ?? throw new InvalidOperationException(string.Join("; ", submitted.Errors.Select(e => $"{e.Field}: {e.Message}")));
        Assert.True(decision.Approved, $"{decision.Status}: {string.Join("; ", decision.Reasons.Select(r => r.Code))}");
        var contract = await fixture.SignAsync(services, dealer, decision.ApplicationId, decision.Offers[0].OfferId, mobile);
        var documents = services.GetRequiredService<DocumentCommands>();
        var pdf = OnePagePdf();
        foreach (var kind in new[] { "id-card-front", "id-card-back", "driving-licence", "vehicle-invoice", "income-proof" })
        {
            var uploaded = await documents.UploadAsync(underwriter, decision.ApplicationId, kind, pdf, CancellationToken.None);
            await documents.ReviewAsync(underwriter, uploaded.Value!.DocumentId, new DocumentCommands.Review("accept", null), CancellationToken.None);
        }

        return (decision.ApplicationId, contract.Value!.ContractId);
    }

    private static byte[] OnePagePdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
