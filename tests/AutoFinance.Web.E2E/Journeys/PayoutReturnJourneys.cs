using System.Globalization;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Payouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// The dealer's bank sends a confirmed payout back, on a phone and a desktop in Chinese: the underwriter sees on the
/// application that the money is owed to the dealer again and why, reviews the payee and pays the dealer again; the
/// loan stays booked and the new payout is marked as paid again.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PayoutReturnJourneys(BrowserFixture fixture)
{
    [Theory]
    [InlineData(390, 844, "phone")]
    [InlineData(1366, 900, "desktop")]
    public async Task An_underwriter_pays_a_dealer_again_after_their_bank_returned_the_payout(int width, int height, string device)
    {
        var (applicationId, reference) = await ReturnedAsync(device == "phone" ? 103 : 104);
        var page = await fixture.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await Portal.SignInAsync(page, "underwriter");

        // The payout queue lists it as returned; its reference leads to the application, where it is paid again.
        await page.GotoAsync("/payouts?status=returned");
        var listed = page.Locator($"[data-testid=payout][data-reference='{reference}']");
        await Assertions.Expect(listed).ToHaveAttributeAsync("data-status", "returned");
        await listed.GetByTestId("payout-application").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/applications/{applicationId}"));

        var section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "booked");
        var returned = section.GetByTestId("payout-returned");
        await Assertions.Expect(returned).ToContainTextAsync("经销商的收款银行已退回付款");
        await Assertions.Expect(returned).ToContainTextAsync("AC04 账户已销户");
        await Assertions.Expect(section.Locator("[data-testid=payout][data-status=returned]")).ToHaveCountAsync(1);
        await returned.ScrollIntoViewIfNeededAsync();
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"payout-returned-1-owed-{device}");

        await section.Locator("input[name=channel][value=file]").CheckAsync();
        await section.GetByTestId("disburse-review").ClickAsync();
        var confirm = page.GetByTestId("disburse-confirm-step");
        await Assertions.Expect(confirm).ToContainTextAsync("不会重复入账");
        await confirm.GetByTestId("disburse").ClickAsync();

        await Assertions.Expect(page.GetByTestId("funding-outcome")).ToHaveAttributeAsync("data-outcome", "instructed");
        section = page.GetByTestId("disbursement");
        await Assertions.Expect(section).ToHaveAttributeAsync("data-status", "booked");
        await Assertions.Expect(section.GetByTestId("payout-returned")).ToHaveCountAsync(0);
        var again = section.Locator("[data-testid=payout][data-status=pending]");
        await Assertions.Expect(again.GetByTestId("payout-again")).ToHaveTextAsync("重新付款");
        await Assertions.Expect(section.GetByTestId("disburse-review")).ToHaveCountAsync(0);
        await again.ScrollIntoViewIfNeededAsync();
        await Portal.AssertFitsAsync(page);
        await fixture.ShotAsync(page, $"payout-returned-2-paid-again-{device}");
    }

    /// <summary>
    /// A contract paid out by bank file and booked on the statement's debit, then sent back by the dealer's bank on the
    /// next statement (AC04): its application's id and the payout's reference.
    /// </summary>
    private async Task<(Guid ApplicationId, string Reference)> ReturnedAsync(int sequence)
    {
        var (applicationId, contractId) = await FundedContracts.SignedWithDocumentsAsync(fixture, sequence);
        string reference;
        decimal amount;
        using (var scope = fixture.Platform.App.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var underwriter = await FundedContracts.UnderwriterAsync(services);
            var facts = new FundingDesk.FactsInput("PICC-2026-7788" + sequence, "中国人民财产保险", "京车抵-2026-0099" + sequence, new DateOnly(2026, 1, 5), "GPS-8800" + sequence);
            Assert.True((await services.GetRequiredService<FundingDesk>().RecordAsync(underwriter, contractId, facts, CancellationToken.None)).Value is not null);
            var instructed = await services.GetRequiredService<DealerPayouts>().InstructAsync(underwriter, contractId, DealerPayouts.FileChannel, null, CancellationToken.None);
            var payout = instructed.Value?.Payout ?? throw new InvalidOperationException(instructed.Problem);
            (reference, amount) = (payout.Reference, payout.Amount);
        }

        await ImportAsync(Statement(reference, amount, credit: false));
        await ImportAsync(Statement(reference, amount, credit: true));
        return (applicationId, reference);
    }

    private async Task ImportAsync(string statement)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var imported = await services.GetRequiredService<BankReconciliation>().ImportAsync(await FundedContracts.UnderwriterAsync(services), statement, null, CancellationToken.None);
        // The debit confirms the payout (booking the loan); the credit brings it back: each line matched to the payout.
        Assert.True(imported.Value is { Lines: [{ Status: StatementLineStatus.Matched }] }, imported.Problem);
    }

    /// <summary>A camt.053 with the payout's debit, or the credit sending it back with the bank's reason (AC04).</summary>
    private static string Statement(string reference, decimal amount, bool credit)
    {
        var entry = $"{(credit ? "R" : "D")}{Guid.NewGuid():N}"[..20];
        var returned = credit ? "<RtrInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>account closed</AddtlInf></RtrInf>" : string.Empty;
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>STMT-{entry}</MsgId><CreDtTm>2026-12-04T06:00:00+08:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>STMT-{entry}</Id>
                  <Acct><Id><Othr><Id>110060149018800012345</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                  <Ntry>
                    <NtryRef>{entry}</NtryRef>
                    <Amt Ccy="CNY">{amount.ToString("0.00", CultureInfo.InvariantCulture)}</Amt>
                    <CdtDbtInd>{(credit ? "CRDT" : "DBIT")}</CdtDbtInd>
                    <Sts><Cd>BOOK</Cd></Sts>
                    <BookgDt><Dt>2026-12-04</Dt></BookgDt>
                    <NtryDtls><TxDtls><Refs><EndToEndId>{reference}</EndToEndId></Refs>{returned}</TxDtls></NtryDtls>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;
    }
}
