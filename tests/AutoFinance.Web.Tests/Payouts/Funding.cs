using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>
/// How a test funds a signed contract as staff do: the required documents handed in and accepted, the checklist facts
/// recorded, the payout instructed, and — for the provider channel — the simulator's signed callback awaited until
/// the loan is booked.
/// </summary>
public static class Funding
{
    /// <summary>Completes the checklist, disburses through the provider and waits for the confirmed payout; the loan booked.</summary>
    public static async Task<Guid> BookAsync(HttpClient underwriter, string contractId)
    {
        await CompleteChecklistAsync(underwriter, contractId);
        using var instructed = await DisburseAsync(underwriter, contractId);
        var text = await instructed.Content.ReadAsStringAsync();
        Assert.True(instructed.StatusCode == HttpStatusCode.OK, text);
        var settled = await SettledAsync(underwriter, contractId);
        Assert.True(settled.GetProperty("status").GetString() == "booked", settled.ToString());
        return settled.GetProperty("loanId").GetGuid();
    }

    /// <summary>Writes a new bank file of the payouts no file carries yet, as staff do, and downloads it: its address and XML.</summary>
    public static async Task<(Uri Location, string Xml)> WriteBankFileAsync(HttpClient staff)
    {
        using var written = await staff.PostAsync("/api/v1/payouts/files", null);
        Assert.True(written.StatusCode == HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
        var location = written.Headers.Location!;
        using var download = await staff.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/xml", download.Content.Headers.ContentType?.MediaType);
        return (location, await download.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> FileAsync(HttpClient staff, string contractId) =>
        JsonDocument.Parse(await staff.GetStringAsync($"/api/v1/contracts/{contractId}/funding")).RootElement.Clone();

    /// <summary>Hands in and accepts every missing required document, then records insurance, mortgage registration and GPS.</summary>
    public static async Task CompleteChecklistAsync(HttpClient underwriter, string contractId)
    {
        await AcceptDocumentsAsync(underwriter, contractId);
        await RecordFactsAsync(underwriter, contractId);
    }

    public static async Task AcceptDocumentsAsync(HttpClient underwriter, string contractId)
    {
        var file = await FileAsync(underwriter, contractId);
        var applicationId = file.GetProperty("applicationId").GetString();
        var documents = file.GetProperty("checklist").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "funding.documents");
        foreach (var kind in documents.GetProperty("missing").EnumerateArray().Select(k => k.GetString()!))
        {
            var pdf = new ByteArrayContent(Pdf.Value);
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { pdf, "file", $"{kind}.pdf" } };
            using var uploaded = await underwriter.PostAsync($"/api/v1/applications/{applicationId}/documents", form);
            var text = await uploaded.Content.ReadAsStringAsync();
            Assert.True(uploaded.IsSuccessStatusCode, text);
            var documentId = JsonDocument.Parse(text).RootElement.GetProperty("documentId").GetString();
            using var reviewed = await underwriter.PostAsJsonAsync($"/api/v1/documents/{documentId}/review", new { decision = "accept" });
            Assert.True(reviewed.IsSuccessStatusCode, await reviewed.Content.ReadAsStringAsync());
        }
    }

    public static async Task RecordFactsAsync(HttpClient underwriter, string contractId, string? gpsDeviceId = "GPS-860001")
    {
        // Registered the day the contract was signed: a mortgage cannot be registered before the contract it secures.
        var signedOn = (await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{contractId}/funding")).GetProperty("signedOn").GetString();
        using var recorded = await underwriter.PutAsJsonAsync($"/api/v1/contracts/{contractId}/funding", new
        {
            insurancePolicyNumber = "PICC-2026-118800",
            insurer = "中国人民财产保险",
            mortgageRegistrationNumber = "京车抵-2026-000123",
            mortgageRegisteredOn = signedOn,
            gpsDeviceId,
        });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> DisburseAsync(HttpClient underwriter, string contractId, string? channel = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/contracts/{contractId}/disburse");
        if (channel is not null)
        {
            request.Content = JsonContent.Create(new { channel });
        }

        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await underwriter.SendAsync(request);
    }

    /// <summary>Waits (a few seconds at most) for the provider's callback to settle the contract's payout: the funding file then.</summary>
    public static async Task<JsonElement> SettledAsync(HttpClient staff, string contractId)
    {
        for (var i = 0; i < 200; i++)
        {
            var file = await FileAsync(staff, contractId);
            if (file.GetProperty("status").GetString() != "payout-pending")
            {
                return file;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the provider's callback never settled the payout");
    }

    public static async Task<JsonElement> ImportAsync(HttpClient client, string statement)
    {
        using var response = await client.PostAsync("/api/v1/reconciliation/statements", new StringContent(statement, Encoding.UTF8, "application/xml"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A camt.053 with one debit from the lender's disbursement account carrying the payout's reference as its EndToEndId.</summary>
    public static string DebitStatement(string reference, decimal amount, string entryReference) =>
        Statement(reference, amount, entryReference, "DBIT", new DateOnly(2026, 12, 3), string.Empty);

    /// <summary>
    /// A camt.053 with one credit sending a transfer back (<c>RtrInf</c>): the payout's reference as the original
    /// EndToEndId, with the bank's reason code and text.
    /// </summary>
    public static string ReturnStatement(string reference, decimal amount, string entryReference, string reasonCode = "AC04", string reasonText = "account closed") =>
        Statement(reference, amount, entryReference, "CRDT", new DateOnly(2026, 12, 4), $"<RtrInf><Rsn><Cd>{reasonCode}</Cd></Rsn><AddtlInf>{reasonText}</AddtlInf></RtrInf>");

    private static string Statement(string reference, decimal amount, string entryReference, string direction, DateOnly booked, string details) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
          <BkToCstmrStmt>
            <GrpHdr><MsgId>STMT-{entryReference}</MsgId><CreDtTm>{booked:yyyy-MM-dd}T06:00:00+08:00</CreDtTm></GrpHdr>
            <Stmt>
              <Id>STMT-{entryReference}</Id>
              <Acct><Id><Othr><Id>110060149018800012345</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
              <Ntry>
                <NtryRef>{entryReference}</NtryRef>
                <Amt Ccy="CNY">{amount.ToString("0.00", CultureInfo.InvariantCulture)}</Amt>
                <CdtDbtInd>{direction}</CdtDbtInd>
                <Sts><Cd>BOOK</Cd></Sts>
                <BookgDt><Dt>{booked:yyyy-MM-dd}</Dt></BookgDt>
                <NtryDtls><TxDtls><Refs><EndToEndId>{reference}</EndToEndId></Refs>{details}</TxDtls></NtryDtls>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    /// <summary>
    /// The bank's pain.002 status report on a bank file: the file rejected whole (no transfer named), or one transfer
    /// rejected with a reason code.
    /// </summary>
    public static string StatusReport(string fileMessageId, string? rejectedReference, string reasonCode = "AC04") => StatusReport(fileMessageId, rejectedReference, reasonCode, null);

    /// <summary>The same, the whole file's rejection giving the bank's reason (<c>StsRsnInf</c>) when <paramref name="fileReason"/> is set.</summary>
    public static string StatusReport(string fileMessageId, string? rejectedReference, string reasonCode, (string Code, string Text)? fileReason) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.10">
          <CstmrPmtStsRpt>
            <GrpHdr><MsgId>PSR-{Guid.NewGuid():N}</MsgId><CreDtTm>2026-12-03T09:00:00+08:00</CreDtTm></GrpHdr>
            <OrgnlGrpInfAndSts><OrgnlMsgId>{fileMessageId}</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.09</OrgnlMsgNmId><GrpSts>{(rejectedReference is null ? "RJCT" : "PART")}</GrpSts>{(fileReason is { } why ? $"<StsRsnInf><Rsn><Cd>{why.Code}</Cd></Rsn><AddtlInf>{why.Text}</AddtlInf></StsRsnInf>" : "")}</OrgnlGrpInfAndSts>
            {(rejectedReference is null ? "" : $"<OrgnlPmtInfAndSts><OrgnlPmtInfId>{fileMessageId}-1</OrgnlPmtInfId><TxInfAndSts><OrgnlInstrId>{rejectedReference}</OrgnlInstrId><OrgnlEndToEndId>{rejectedReference}</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>{reasonCode}</Cd></Rsn><AddtlInf>closed account</AddtlInf></StsRsnInf></TxInfAndSts></OrgnlPmtInfAndSts>")}
          </CstmrPmtStsRpt>
        </Document>
        """;

    public static async Task<JsonElement> ImportStatusReportAsync(HttpClient staff, string report, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new StringContent(report, Encoding.UTF8, "application/xml");
        using var imported = await staff.PostAsync("/api/v1/payouts/status-reports", content);
        var text = await imported.Content.ReadAsStringAsync();
        Assert.True(imported.StatusCode == expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static readonly Lazy<byte[]> Pdf = new(() =>
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    });
}
