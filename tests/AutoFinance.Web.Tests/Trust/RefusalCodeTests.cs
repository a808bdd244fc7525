using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// Every refusal carries a stable code a screen can translate, not only the ones about a field: a call without a
/// session, a role that may not, a record not there (or not the caller's to see).
/// </summary>
public sealed class RefusalCodeTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task A_call_without_a_session_a_forbidden_one_and_an_unknown_record_each_answer_their_code()
    {
        using var anonymous = platform.Anonymous();
        using var agent = await platform.SignedIn("agent");

        await AssertCode(await anonymous.GetAsync("/api/v1/loans"), HttpStatusCode.Unauthorized, "auth.required");
        await AssertCode(await agent.GetAsync("/api/v1/admin/users"), HttpStatusCode.Forbidden, "auth.forbidden");
        await AssertCode(await agent.GetAsync($"/api/v1/loans/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "record.not-found");
    }

    private static async Task AssertCode(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
    }
}
