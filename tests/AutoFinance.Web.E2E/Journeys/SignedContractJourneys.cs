using System.Globalization;
using System.Text;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Tests.Ocr;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// A new customer from the first tap to the signed contract, on a phone (390×844) and a desktop (1366×900): registers
/// with the code texted to the mobile, photographs the ID card so the form fills itself (name, number, birth date),
/// applies and is approved, is refused with a wrong signing code and signs with the texted one, and downloads the
/// platform-sealed PDF. Every step saves a screenshot under TestResults/screenshots.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignedContractJourneys(BrowserFixture fixture)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Theory]
    [InlineData(390, 844, "phone", "13600136001", "周晓梅", 211)]
    [InlineData(1366, 900, "desktop", "13600136002", "陈志强", 212)]
    public async Task A_new_customer_registers_with_a_code_applies_with_an_ID_card_photo_signs_with_a_code_and_downloads_the_signed_contract(
        int width, int height, string screen, string mobile, string name, int sequence)
    {
        Assert.True(SyntheticIdCards.FontsInstalled, "the Chinese fonts test.sh installs are absent");
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        var shot = 0;
        Task Shot(string step) => fixture.ShotAsync(page, $"signed-contract-{screen}-{++shot}-{step}");

        // Register: the mobile is proved by the code texted to it.
        await page.GotoAsync("/register");
        await page.GetByTestId("register-mobile").FillAsync(mobile);
        await page.GetByTestId("register-send-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("register-code-notice")).ToBeVisibleAsync();
        await page.GetByTestId("register-code").FillAsync(await fixture.SmsCodeAsync(mobile));
        await page.GetByTestId("register-name").FillAsync(name);
        await page.GetByTestId("register-password").FillAsync("a-long-password-2026");
        await Shot("register");
        await page.GetByTestId("register-submit").ClickAsync();
        await page.WaitForURLAsync("**/calculator");

        // The ID card's photo fills the applicant's name, number and birth date.
        var birth = new DateOnly(1988, 4, 12).AddDays(sequence);
        var nationalId = DemoIdentities.NationalId(DemoIdentities.SandboxRegion, birth, sequence);
        var card = SyntheticIdCards.Render(sequence, (name, nationalId));
        await page.GotoAsync("/apply");
        await page.GetByTestId("id-card-file").SetInputFilesAsync(new FilePayload { Name = "id-card.jpg", MimeType = "image/jpeg", Buffer = card.Jpeg });
        await page.GetByTestId("id-card-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("id-card-read")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Shot("id-card-read");
        var today = fixture.Platform.Clock.Today;
        await Portal.FillStepAsync(page, new Dictionary<string, string>
        {
            ["vehicle.condition"] = "new", ["vehicle.energy"] = "conventional", ["vehicle.make"] = "Volkswagen", ["vehicle.model"] = "Lavida",
            ["vehicle.year"] = today.Year.ToString(Invariant), ["vehicle.mileageKm"] = "5", ["vehicle.vin"] = DemoIdentities.Vin("LFV2A21K", 'S', "34" + sequence.ToString("00000", Invariant)),
            ["vehicle.price"] = "150000", ["downPayment"] = "50000", ["termMonths"] = "36", ["repaymentMethod"] = "annuity",
        });
        await Portal.NextAsync(page, 2);
        await Assertions.Expect(page.GetByTestId("f-applicant.fullName")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByTestId("f-applicant.nationalId")).ToHaveValueAsync(nationalId);
        await Assertions.Expect(page.GetByTestId("f-applicant.dateOfBirth")).ToHaveValueAsync(birth.ToString("yyyy-MM-dd", Invariant));
        await Assertions.Expect(page.GetByTestId("f-applicant.mobile")).ToHaveValueAsync(mobile);
        await Portal.FillStepAsync(page, new Dictionary<string, string>
        {
            ["applicant.employmentType"] = "salaried", ["applicant.employerName"] = "Demo Technology Co.", ["applicant.yearsEmployed"] = "8",
            ["applicant.monthlyIncome"] = "32000", ["applicant.monthlyDebtPayments"] = "1000", ["applicant.housing"] = "own", ["applicant.yearsAtAddress"] = "6",
        });
        await Shot("applicant-filled");
        await Portal.NextAsync(page, 3);
        await Assertions.Expect(page.Locator("[data-field^='bureau.'], [name^='Form.Bureau']")).ToHaveCountAsync(0);
        await page.GetByTestId("apply-consent").CheckAsync();
        await page.GetByTestId("apply-submit").ClickAsync();
        await page.WaitForURLAsync("**/applications/*?decided=1");
        await Assertions.Expect(page.GetByTestId("application-status")).ToHaveTextAsync("已批准");
        await Shot("approved");

        // Signing: a wrong code signs nothing and says so by the field; the texted code signs.
        await page.GetByTestId("offer-disclosure").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("disclosure")).ToBeVisibleAsync();
        // A number gets one code a minute, whatever it is for, and registration texted one moments ago.
        fixture.Platform.Clock.Offset += TimeSpan.FromSeconds(61);
        await page.GetByTestId("sign-send-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-code-notice")).ToContainTextAsync(mobile[..3] + "****" + mobile[^4..]);
        var code = await fixture.SmsCodeAsync(mobile);
        await page.GetByTestId("sign-code").FillAsync(code == "000000" ? "111111" : "000000");
        await page.GetByTestId("accept-confirm").CheckAsync();
        await page.GetByTestId("accept-submit").ClickAsync();
        await Assertions.Expect(page.Locator(".field-error[data-field=code]")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("accepted-banner")).ToHaveCountAsync(0);
        await Shot("wrong-code");
        await page.GetByTestId("sign-code").FillAsync(code);
        await page.GetByTestId("accept-confirm").CheckAsync();
        await page.GetByTestId("accept-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("accepted-banner")).ToBeVisibleAsync();
        await Shot("signed");

        // The signed PDF: the platform's PAdES seal over the contract.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("accepted-contract-pdf").ClickAsync());
        var path = await download.PathAsync();
        var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path));
        Assert.StartsWith("%PDF-", pdf, StringComparison.Ordinal);
        Assert.Contains("/ETSI.CAdES.detached", pdf, StringComparison.Ordinal);
        Assert.Contains("/ByteRange", pdf, StringComparison.Ordinal);
        var audited = await fixture.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "offer.accepted").Select(e => e.DataJson).ToListAsync());
        Assert.Contains(audited, json => json.Contains("sms-code", StringComparison.Ordinal));
    }
}
