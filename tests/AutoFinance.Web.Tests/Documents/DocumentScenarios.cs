using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace AutoFinance.Web.Tests.Documents;

/// <summary>
/// Documents handed in through the API: refused by content whatever their name, stored and read back byte for
/// byte, listed against the product's required kinds, reviewed by staff with the customer told.
/// </summary>
public abstract class DocumentScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task A_renamed_executable_is_refused_with_a_problem_naming_the_file_field()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var applicationId = await NewApplication(dealer);
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[512]];

        var response = await dealer.PostAsync($"/api/v1/applications/{applicationId}/documents", Form("id-card-front", executable, "id-card.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("document.unsupported-type", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        var list = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/documents");
        Assert.Equal(0, list.GetProperty("documents").GetArrayLength());
    }

    [SkippableFact]
    public async Task A_declined_application_takes_no_more_documents()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var declined = await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Subprime())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        var applicationId = declined.GetProperty("applicationId").GetString();

        var response = await dealer.PostAsync($"/api/v1/applications/{applicationId}/documents", Form("driving-licence", Pdf(), "licence.pdf", "application/pdf"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("document.application-declined", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, (await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/documents")).GetProperty("documents").GetArrayLength());
    }

    [SkippableFact]
    public async Task Once_the_loan_is_paid_out_income_proof_is_refused_naming_the_kind_and_the_registration_certificate_is_taken()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadFromJsonAsync<JsonElement>();
        var applicationId = decision.GetProperty("applicationId").GetString()!;
        using var accepted = await Contracts.ContractSigning.AcceptAsync(platform, dealer, applicationId, decision.GetProperty("offers")[0].GetProperty("offerId").GetString());
        var contract = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        await Payouts.Funding.BookAsync(underwriter, contract.GetProperty("contractId").GetString()!);
        var before = (await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/documents")).GetProperty("documents").GetArrayLength();

        using var incomeProof = Form("income-proof", Pdf(), "payslip.pdf", "application/pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{applicationId}/documents") { Content = incomeProof };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        using var refused = await dealer.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("document.kind-after-payout", problem.GetProperty("code").GetString());
        Assert.Equal("贷款已放款，不再接收此类材料；放款后仍可提交机动车登记证书", problem.GetProperty("errors").GetProperty("kind")[0].GetString());

        var certificate = await Uploaded(dealer, applicationId, "registration-certificate", Pdf(), "registration.pdf");
        var list = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/documents");
        Assert.Equal("after-payout", list.GetProperty("stage").GetString());
        Assert.Equal(["registration-certificate"], list.GetProperty("taken").EnumerateArray().Select(k => k.GetString()));
        var documents = list.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(before + 1, documents.Count);
        Assert.Single(documents, d => d.GetProperty("documentId").GetString() == certificate && d.GetProperty("kind").GetString() == "registration-certificate");
    }

    [SkippableFact]
    public async Task A_JPEG_header_that_does_not_decode_is_refused()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var applicationId = await NewApplication(dealer);
        byte[] fake = [0xFF, 0xD8, 0xFF, 0xE0, .. "not really an image"u8.ToArray()];

        var response = await dealer.PostAsync($"/api/v1/applications/{applicationId}/documents", Form("driving-licence", fake, "licence.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task An_image_cut_short_in_transit_is_refused_as_a_document_and_as_an_ID_card_photo()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var applicationId = await NewApplication(dealer);
        foreach (var (whole, name, type) in new[] { (Image(SKEncodedImageFormat.Png), "scan.png", "image/png"), (Image(SKEncodedImageFormat.Jpeg), "scan.jpg", "image/jpeg") })
        {
            var cut = whole[..(whole.Length / 3)];
            using var upload = await dealer.PostAsync($"/api/v1/applications/{applicationId}/documents", Form("income-proof", cut, name, type));
            var problem = await upload.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(upload.StatusCode == HttpStatusCode.BadRequest, $"{name}: {problem}");
            Assert.Equal("document.unsupported-type", problem.GetProperty("code").GetString());

            using var reading = await dealer.PostAsync("/api/v1/id-card/read", Form("id-card-front", cut, name, type));
            var refused = await reading.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(reading.StatusCode == HttpStatusCode.BadRequest, $"{name}: {refused}");
            Assert.True(refused.GetProperty("errors").TryGetProperty("file", out _), refused.ToString());
        }

        Assert.Empty((await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/documents")).GetProperty("documents").EnumerateArray());
    }

    [SkippableFact]
    public async Task Accepted_documents_round_trip_byte_exact_and_staff_see_a_thumbnail_and_the_missing_kinds()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var applicationId = await NewApplication(dealer);
        var photo = Image(SKEncodedImageFormat.Jpeg);
        var scan = Image(SKEncodedImageFormat.Png);
        var pdf = Pdf();

        var front = await Uploaded(dealer, applicationId, "id-card-front", photo, "front.jpg");
        await Uploaded(dealer, applicationId, "id-card-back", scan, "back.png");
        await Uploaded(dealer, applicationId, "income-proof", pdf, "payslip.pdf");

        Assert.Equal(photo, await dealer.GetByteArrayAsync($"/api/v1/documents/{front}/file"));
        var list = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/documents");
        Assert.Equal(["driving-licence", "vehicle-invoice"], list.GetProperty("missing").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var documents = list.GetProperty("documents").EnumerateArray().ToArray();
        Assert.Equal(["image/jpeg", "image/png", "application/pdf"], documents.Select(d => d.GetProperty("contentType").GetString()!).ToArray());
        var pdfId = documents[2].GetProperty("documentId").GetString();
        Assert.Equal(pdf, await dealer.GetByteArrayAsync($"/api/v1/documents/{pdfId}/file"));

        using var underwriter = await platform.SignedIn("underwriter");
        var thumbnail = await underwriter.GetAsync($"/api/v1/documents/{front}/thumbnail");
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        using (var decoded = SKBitmap.Decode(await thumbnail.Content.ReadAsByteArrayAsync()))
        {
            Assert.True(Math.Max(decoded.Width, decoded.Height) <= 240);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await dealer.GetAsync($"/api/v1/documents/{front}/thumbnail")).StatusCode);
        using var stranger = platform.Dealer(Infrastructure.Seeding.DemoData.SecondDealerKey);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/documents/{front}/file")).StatusCode);
    }

    [SkippableFact]
    public async Task Staff_reject_a_document_with_a_reason_and_the_customer_is_told_in_the_app()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var applicationId = await NewApplication(dealer);
        var front = await Uploaded(dealer, applicationId, "id-card-front", Image(SKEncodedImageFormat.Jpeg), "front.jpg");
        using var underwriter = await platform.SignedIn("underwriter");

        var noReason = await underwriter.PostAsJsonAsync($"/api/v1/documents/{front}/review", new { decision = "reject" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var rejected = await underwriter.PostAsJsonAsync($"/api/v1/documents/{front}/review", new { decision = "reject", reason = "the photo is blurred" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.PostAsJsonAsync($"/api/v1/documents/{front}/review", new { decision = "accept" })).StatusCode);

        var list = await dealer.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}/documents");
        Assert.Equal("rejected", list.GetProperty("documents")[0].GetProperty("status").GetString());
        Assert.Contains("id-card-front", list.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var message = await db.Outbox.AsNoTracking().SingleAsync(m => m.DedupeKey.StartsWith("document:" + front));
        Assert.Equal("in-app", message.Channel);
        Assert.Contains("the photo is blurred", message.Body, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_ID_card_photo_fills_the_form_and_one_that_disagrees_with_the_application_raises_a_mismatch_check()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        Xunit.Skip.If(Ocr.OcrModels.Path is null || !Ocr.SyntheticIdCards.FontsInstalled, "OCR models or fonts absent: run test.sh");
        using var dealer = platform.Dealer();
        var card = Ocr.SyntheticIdCards.Render(77);

        var reading = await dealer.PostAsync("/api/v1/id-card/read", Form("id-card-front", card.Jpeg, "card.jpg", "image/jpeg"));
        Assert.Equal(HttpStatusCode.OK, reading.StatusCode);
        var fields = await reading.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(card.Truth.NationalId, fields.GetProperty("nationalId").GetString());
        Assert.Equal(card.Truth.Name, fields.GetProperty("name").GetString());

        var applicationId = await NewApplication(dealer);
        await Uploaded(dealer, applicationId, "id-card-front", card.Jpeg, "card.jpg");
        using var underwriter = await platform.SignedIn("underwriter");
        var detail = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{applicationId}");
        var check = detail.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString()!.StartsWith("identity.id-card", StringComparison.Ordinal));
        Assert.Equal("identity.id-card-mismatch", check.GetProperty("code").GetString());
        Assert.Contains("nationalId", check.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<string> NewApplication(HttpClient dealer)
    {
        var body = await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("applicationId").GetString()!;
    }

    private static async Task<string> Uploaded(HttpClient client, string applicationId, string kind, byte[] content, string name)
    {
        var response = await client.PostAsync($"/api/v1/applications/{applicationId}/documents", Form(kind, content, name, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("documentId").GetString()!;
    }

    private static MultipartFormDataContent Form(string kind, byte[] content, string name, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", name } };
    }

    private static byte[] Pdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static byte[] Image(SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(640, 400);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(230, 240, 250));
            using var paint = new SKPaint { Color = SKColors.DarkBlue };
            canvas.DrawRect(40, 40, 200, 260, paint);
        }

        using var encoded = bitmap.Encode(format, 90);
        return encoded.ToArray();
    }
}

public sealed class DocumentsOnSqlite(SqlitePlatform platform) : DocumentScenarios<SqlitePlatform>(platform);

public sealed class DocumentsOnPostgres(PostgresPlatform platform) : DocumentScenarios<PostgresPlatform>(platform);
