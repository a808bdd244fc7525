using System.Globalization;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>Contracts the disbursement journeys start from, made through the platform's own services.</summary>
internal static class FundedContracts
{
    /// <summary>A prime dealer application approved and accepted, its required documents handed in and accepted (the platform's own services).</summary>
    public static async Task<(Guid ApplicationId, Guid ContractId)> SignedWithDocumentsAsync(BrowserFixture fixture, int sequence)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var dealerRow = await db.Dealers.AsNoTracking().FirstAsync(d => d.Code == "DLR-001");
        var dealer = new Actor(Roles.Dealer, null, dealerRow.Id, null, dealerRow.Name);
        var underwriter = await UnderwriterAsync(services);
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

    /// <summary>The demo underwriter, as the services take a person acting.</summary>
    public static async Task<Actor> UnderwriterAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var names = services.GetRequiredService<AccountNames>();
        var hash = names.LookupHash("underwriter");
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == hash);
        return new Actor(Roles.Underwriter, user.Id, null, null, names.DisplayName(user));
    }

    /// <summary>
    /// Pays the contract out by bank file (its checklist complete), books it on the statement's debit, then has the
    /// dealer's bank send it back on the next statement (AC04): the payout's reference.
    /// </summary>
    public static async Task<string> PaidOutThenReturnedAsync(BrowserFixture fixture, Guid contractId)
    {
        string reference;
        decimal amount;
        using (var scope = fixture.Platform.App.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var instructed = await services.GetRequiredService<DealerPayouts>().InstructAsync(await UnderwriterAsync(services), contractId, DealerPayouts.FileChannel, null, CancellationToken.None);
            var payout = instructed.Value?.Payout ?? throw new InvalidOperationException(instructed.Problem);
            (reference, amount) = (payout.Reference, payout.Amount);
        }

        await ImportAsync(fixture, Statement(reference, amount, credit: false));
        await ImportAsync(fixture, Statement(reference, amount, credit: true));
        return reference;
    }

    private static async Task ImportAsync(BrowserFixture fixture, string statement)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var imported = await services.GetRequiredService<BankReconciliation>().ImportAsync(await UnderwriterAsync(services), statement, null, CancellationToken.None);
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
