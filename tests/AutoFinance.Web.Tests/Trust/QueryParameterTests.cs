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

    [Fact]
    public async Task The_same_queries_with_values_of_the_right_kind_are_answered()
    {
        using var manager = await platform.SignedIn("manager");

        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/alerts?all=true")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/loans?page=1")).StatusCode);
    }
}
