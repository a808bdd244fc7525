using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// A query value an endpoint cannot take (a word for a page number, "maybe" for true or false) is refused like any
/// other bad field: 400, the parameter named, the stable code the pages translate; never a bare 400 or a 500.
/// </summary>
public sealed class QueryParameterTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Theory]
    [InlineData("manager", "/api/v1/alerts?all=maybe", "all", "'maybe' is not true or false")]
    [InlineData("manager", "/api/v1/loans?page=abc", "page", "'abc' is not a whole number")]
    [InlineData("underwriter", "/api/v1/applications?limit=1e3", "limit", "'1e3' is not a whole number")]
    [InlineData("manager", "/api/v1/loans/0191a1b2-0000-7000-8000-000000000001/payoff?on=2026-02-30", "on", "'2026-02-30' is not a date (yyyy-MM-dd)")]
    [InlineData("manager", "/api/v1/messages?customerId=li-na", "customerId", "'li-na' is not an id (a GUID)")]
    public async Task A_query_value_of_the_wrong_kind_is_refused_naming_the_parameter(string role, string path, string parameter, string message)
    {
        using var client = await platform.SignedIn(role);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("field.invalid", problem.GetProperty("code").GetString());
        Assert.Equal(message, Assert.Single(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("/api/v1/customers/0191a1b2-0000-7000-8000-000000000001/access-log?limit=abc", "limit", "field.whole", "须为整数")]
    [InlineData("/api/v1/alerts?all=maybe", "all", "field.true-false", "须为 true 或 false")]
    [InlineData("/api/v1/messages?customerId=li-na", "customerId", "field.guid", "须为有效的编号（GUID）")]
    [InlineData("/api/v1/loans/0191a1b2-0000-7000-8000-000000000001/payoff?on=2026-02-30", "on", "field.date", "请填写日期，格式如 2026-05-01")]
    public async Task A_Chinese_caller_is_told_in_Chinese_what_kind_of_value_the_parameter_takes(string path, string parameter, string kind, string sentence)
    {
        using var manager = await platform.SignedIn("manager");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        using var response = await manager.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("field.invalid", problem.GetProperty("code").GetString());
        Assert.Equal(kind, Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(sentence, Assert.Single(problem.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("/api/v1/loans?page=-1", "page")]
    [InlineData("/api/v1/applications?limit=0", "limit")]
    [InlineData("/api/v1/cases?pageSize=0", "pageSize")]
    [InlineData("/api/v1/approvals?page=0&pageSize=10", "page")]
    public async Task A_page_below_one_is_refused_naming_the_parameter(string path, string parameter)
    {
        using var manager = await platform.SignedIn("manager");

        using var response = await manager.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("list.page.invalid", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/loans?page=1&pageSize=100000")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/hardship-requests?state=bogus")]
    [InlineData("/api/v1/hardship-requests?status=bogus")]
    [InlineData("/api/v1/cases?status=bogus")]
    public async Task An_unknown_state_word_is_refused_with_its_code_at_the_top_and_by_the_field(string path)
    {
        using var manager = await platform.SignedIn("manager");

        using var response = await manager.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("list.status.unknown", problem.GetProperty("code").GetString());
        Assert.Equal("list.status.unknown", Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_unknown_application_status_is_refused_naming_it()
    {
        using var underwriter = await platform.SignedIn("underwriter");

        using var response = await underwriter.GetAsync("/api/v1/applications?status=zzz");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("list.status.unknown", Assert.Single(problem.GetProperty("problems").EnumerateArray()).GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.OK, (await underwriter.GetAsync("/api/v1/applications?status=referred")).StatusCode);
    }

    /// <summary>The calendar's first and last days are dates like any other: a range to them is a range with no end there.</summary>
    [Theory]
    [InlineData("/api/v1/jobs/runs?from=0001-01-01")]
    [InlineData("/api/v1/jobs/runs?to=9999-12-31")]
    [InlineData("/api/v1/jobs/runs/export.csv?from=0001-01-01&to=9999-12-31")]
    [InlineData("/jobs?from=0001-01-01&to=9999-12-31")]
    public async Task The_job_history_from_the_first_to_the_last_day_of_the_calendar_answers(string path)
    {
        using var admin = await platform.SignedIn("admin");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(path.StartsWith("/jobs", StringComparison.Ordinal) ? "text/html" : "application/json");

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A page's address is the reader's to edit: a value of the wrong kind is left out, and the page shows as without it.</summary>
    [Theory]
    [InlineData(null, "/calculator?price=abc&p1t=abc")]
    [InlineData(null, "/calculator?price=1e30")]
    [InlineData("manager", "/loans?page=abc")]
    [InlineData("underwriter", "/applications?page=2x&sort=-score")]
    public async Task A_page_given_a_query_value_of_the_wrong_kind_shows_as_without_it(string? role, string path)
    {
        using var client = role is null ? platform.Anonymous() : await platform.SignedIn(role);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {page[..Math.Min(page.Length, 300)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_queries_with_values_of_the_right_kind_are_answered()
    {
        using var manager = await platform.SignedIn("manager");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/alerts?all=true")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/loans?page=1")).StatusCode);
    }
}
