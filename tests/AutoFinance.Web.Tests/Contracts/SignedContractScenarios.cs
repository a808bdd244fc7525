using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace AutoFinance.Web.Tests.Contracts;

/// <summary>
/// The contract PDF issued at acceptance: its text states the parties, the amount and the disclosure's hash; the
/// platform's PAdES signature validates in independent validators and breaks when one signed byte changes; the
/// customer and staff download it, strangers do not, and its SHA-256 is in the audit log.
/// </summary>
public abstract class SignedContractScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task The_accepted_contract_is_a_PDF_stating_the_parties_the_amount_and_the_disclosure_hash()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (contract, pdf, body) = await AcceptedContract();

        using var document = PdfDocument.Open(pdf);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("Test Applicant", text, StringComparison.Ordinal);
        Assert.Contains("汽车贷款合同", text, StringComparison.Ordinal);
        Assert.Contains("Beijing Auto Mall", text, StringComparison.Ordinal);
        Assert.Contains(contract.GetProperty("disclosureHash").GetString()!, text, StringComparison.Ordinal);
        var principal = body.GetProperty("offers")[0].GetProperty("principal").GetDecimal();
        Assert.Contains("¥" + principal.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_platform_signature_validates_independently_and_fails_after_one_signed_byte_changes()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (_, pdf, _) = await AcceptedContract();

        var check = PdfSignatureCheck.WithBouncyCastle(pdf);
        Assert.True(check.Valid);
        Assert.Equal("ETSI.CAdES.detached", check.SubFilter);
        Assert.True(check.HasSigningCertificateV2);
        Assert.Contains("AutoFinance Contract Signing", check.SignerSubject, StringComparison.Ordinal);

        var tampered = (byte[])pdf.Clone();
        tampered[200] ^= 0x01;
        Assert.False(PdfSignatureCheck.WithBouncyCastle(tampered).Valid);

        if (await PdfSignatureCheck.WithPdfsig(pdf) is { } verdict)
        {
            Assert.Contains("Signature is Valid", verdict, StringComparison.Ordinal);
            Assert.Contains("ETSI.CAdES.detached", verdict, StringComparison.Ordinal);
            Assert.DoesNotContain("Signature is Valid", await PdfSignatureCheck.WithPdfsig(tampered) ?? "", StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task The_customer_and_staff_download_the_contract_a_stranger_does_not_and_its_hash_is_audited()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        var (contract, pdf, _) = await AcceptedContract();
        var contractId = contract.GetProperty("contractId").GetString();
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Equal(sha, contract.GetProperty("documentSha256").GetString());

        using var underwriter = await platform.SignedIn("underwriter");
        Assert.Equal(pdf, await underwriter.GetByteArrayAsync($"/api/v1/contracts/{contractId}/document"));
        using var stranger = platform.Dealer(Infrastructure.Seeding.DemoData.SecondDealerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/contracts/{contractId}/document")).StatusCode);

        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var sealedEntry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "contract.sealed" && e.EntityId == contractId);
        Assert.Contains(sha, sealedEntry.DataJson, StringComparison.Ordinal);
    }

    private async Task<(JsonElement Contract, byte[] Pdf, JsonElement Decision)> AcceptedContract()
    {
        using var dealer = platform.Dealer();
        var response = await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", body.GetProperty("status").GetString());
        var applicationId = body.GetProperty("applicationId").GetString();
        var offerId = body.GetProperty("offers")[0].GetProperty("offerId").GetString();
        var accepted = await Contracts.ContractSigning.AcceptAsync(platform, dealer, applicationId, offerId);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var contract = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var download = await dealer.GetAsync($"/api/v1/contracts/{contract.GetProperty("contractId").GetString()}/document");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        return (contract, await download.Content.ReadAsByteArrayAsync(), body);
    }
}

public sealed class SignedContractsOnSqlite(SqlitePlatform platform) : SignedContractScenarios<SqlitePlatform>(platform);

public sealed class SignedContractsOnPostgres(PostgresPlatform platform) : SignedContractScenarios<PostgresPlatform>(platform);
