using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The bank rejects a whole bank file, on a phone and a desktop in Chinese: an underwriter writes the file, pastes the
/// bank's status report, and the file stays listed as rejected with the bank's reason, its payouts moved to the next file.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BankFileRejectionJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_underwriter_sees_a_bank_file_the_bank_rejected_whole_and_why(int width, int height, string device)
    {
        await WaitingPayouts.ForFileAsync(fixture, device == "phone" ? "R1" : "R2");
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "underwriter");
        await page.GotoAsync("/payouts");
        await page.GetByTestId("payout-file-write").ClickAsync();
        await Assertions.Expect(page.GetByTestId("file-outcome")).ToHaveAttributeAsync("data-outcome", "written");
        var message = await page.GetByTestId("file-written-download").InnerTextAsync();

        await page.GetByTestId("payout-report").Locator("summary").ClickAsync();
        await page.GetByTestId("payout-report-content").FillAsync(Rejection(message));
        await page.GetByTestId("payout-report-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-outcome")).ToHaveAttributeAsync("data-outcome", "imported");

        var file = page.Locator($"[data-testid=payout-file][data-message='{message}']");
        await Assertions.Expect(file).ToHaveAttributeAsync("data-status", "rejected");
        await Assertions.Expect(file.GetByTestId("payout-file-rejected")).ToHaveTextAsync("银行整体退回");
        await Assertions.Expect(file).ToContainTextAsync("FF01 文件格式无效");
        await Assertions.Expect(file).ToContainTextAsync("笔已转入下一文件");
        await Assertions.Expect(file.Locator("a[download]")).ToHaveCountAsync(0);
        await Portal.AssertFitsAsync(page);
        await file.ScrollIntoViewIfNeededAsync();
        await fixture.ShotAsync(page, $"bank-file-rejected-{device}");
    }

    /// <summary>The bank's pain.002 report refusing the whole file, with its reason.</summary>
    private static string Rejection(string message) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>PSR-{Guid.NewGuid():N}</MsgId><CreDtTm>2026-12-03T09:00:00+08:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts><OrgnlMsgId>{message}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>RJCT</GrpSts><StsRsnInf><Rsn><Cd>FF01</Cd></Rsn><AddtlInf>schema validation failed</AddtlInf></StsRsnInf></OrgnlGrpInfAndSts>
          </CstmrPmtStsRpt>
        </Document>
        """;
}
