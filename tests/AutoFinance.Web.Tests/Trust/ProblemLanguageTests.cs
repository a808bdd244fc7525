using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Web.Tests.Origination;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// A caller that asks for Chinese with Accept-Language reads the API's problems in Chinese, said from their stable
/// codes; the codes, fields and figures are the same in both languages, and English stays the API's default.
/// </summary>
public sealed class ProblemLanguageTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_dealer_asking_for_chinese_reads_each_field_problem_in_chinese_with_the_same_codes()
    {
        var body = Applications.Prime();
        var id = Applications.NationalIdOf(body);
        body.Section("applicant")["nationalId"] = id[..17] + (id[17] == '0' ? '1' : '0');
        body.Section("applicant")["yearsEmployed"] = 99;

        var chinese = await Problem(await Send(platform.Dealer(), "zh-CN,zh;q=0.9,en;q=0.8", c => c.PostAsJsonAsync("/api/v1/applications", body)));
        var english = await Problem(await Send(platform.Dealer(), null, c => c.PostAsJsonAsync("/api/v1/applications", body)));

        Assert.Equal("申请有误", chinese.Body.GetProperty("title").GetString());
        Assert.Equal("身份证号最后一位（校验位）不正确，请核对", FirstError(chinese.Body, "applicant.nationalId"));
        Assert.Equal("须在 0 至 60 之间", FirstError(chinese.Body, "applicant.yearsEmployed"));
        Assert.Equal("zh-CN", chinese.Language);
        Assert.Equal(Codes(english.Body), Codes(chinese.Body));
        Assert.Contains("applicant.nationalId=id.check-character", Codes(chinese.Body));

        Assert.Equal("The application has problems", english.Body.GetProperty("title").GetString());
        Assert.Contains("check", FirstError(english.Body, "applicant.nationalId"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(english.Language);
    }

    [Fact]
    public async Task A_refusal_without_fields_is_said_in_chinese_from_its_code()
    {
        var notFound = await Problem(await Send(await platform.SignedIn("agent"), "zh-CN", c => c.GetAsync($"/api/v1/loans/{Guid.NewGuid()}")));
        var signIn = await Problem(await Send(platform.Anonymous(), "zh", c => c.GetAsync("/api/v1/loans")));

        Assert.Equal(HttpStatusCode.NotFound, notFound.Status);
        Assert.Equal("未找到", notFound.Body.GetProperty("title").GetString());
        Assert.Equal("找不到该记录，或您无权查看", notFound.Body.GetProperty("detail").GetString());
        Assert.Equal("record.not-found", notFound.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.Status);
        Assert.Equal("请先登录", signIn.Body.GetProperty("title").GetString());
        Assert.Equal("auth.required", signIn.Body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_list_filter_problem_is_said_in_chinese_and_a_caller_preferring_english_keeps_english()
    {
        var chinese = await Problem(await Send(await platform.SignedIn("manager"), "zh-CN", c => c.GetAsync("/api/v1/approvals?from=yesterday")));
        var english = await Problem(await Send(await platform.SignedIn("manager"), "en-GB, zh-CN;q=0.5", c => c.GetAsync("/api/v1/approvals?from=yesterday")));

        Assert.Equal(HttpStatusCode.BadRequest, chinese.Status);
        Assert.Equal("请填写日期，格式如 2026-05-01", FirstError(chinese.Body, "from"));
        Assert.Equal("must be a date as yyyy-MM-dd", FirstError(english.Body, "from"));
        Assert.Null(english.Language);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string? language, Func<HttpClient, Task<HttpResponseMessage>> call)
    {
        using (client)
        {
            if (language is not null)
            {
                client.DefaultRequestHeaders.Add("Accept-Language", language);
            }

            return await call(client);
        }
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? Language)> Problem(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(), response.Content.Headers.ContentLanguage.SingleOrDefault());
        }
    }

    private static string FirstError(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString()!;

    private static List<string> Codes(JsonElement problem) =>
        [.. problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("field").GetString() + "=" + p.GetProperty("code").GetString()).Order()];
}
