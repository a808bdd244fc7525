using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Origination;

/// <summary>An application form in progress is kept on the server for the signed-in customer and comes back when the form opens again.</summary>
public sealed class ApplicationDraftTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    private static readonly object Values = new
    {
        step = 2,
        values = new Dictionary<string, string>
        {
            ["Make"] = "Geely", ["Model"] = "Galaxy E5", ["Price"] = "139800", ["DownPayment"] = "40000",
            ["FullName"] = "Wang Wei", ["NationalId"] = "990000199107020214", ["EmployerName"] = "Harbour Logistics",
        },
    };

    [Fact]
    public async Task A_saved_draft_is_read_back_and_the_apply_form_resumes_at_its_step_with_the_values_entered()
    {
        using var customer = await platform.SignedIn("13900139000");

        var saved = await customer.PutAsJsonAsync("/api/v1/applications/draft", Values);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var draft = await customer.GetFromJsonAsync<JsonElement>("/api/v1/applications/draft");
        Assert.Equal(2, draft.GetProperty("step").GetInt32());
        Assert.Equal("Galaxy E5", draft.GetProperty("values").GetProperty("Model").GetString());

        // The form opens on the applicant step with what was typed, in either language, and keeps the car's values for later.
        foreach (var language in new[] { "zh-CN", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/apply");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var page = await (await customer.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"draft-resumed\"", page, StringComparison.Ordinal);
            Assert.Contains("value=\"Harbour Logistics\"", page, StringComparison.Ordinal);
            Assert.Contains("name=\"Form.Model\" value=\"Galaxy E5\"", page, StringComparison.Ordinal);
            Assert.Matches("<li class=\"on\">[^<]+</li>", page);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await customer.DeleteAsync("/api/v1/applications/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await customer.GetAsync("/api/v1/applications/draft")).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_kept_encrypted_and_only_for_the_customer_who_wrote_it()
    {
        using var customer = await platform.SignedIn("13800138000");
        (await customer.PutAsJsonAsync("/api/v1/applications/draft", Values)).EnsureSuccessStatusCode();

        using (var scope = platform.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            var rows = await db.ApplicationDrafts.AsNoTracking().ToListAsync();
            Assert.All(rows, r => Assert.DoesNotContain("990000199107020214", r.ValuesCipher, StringComparison.Ordinal));
        }

        using var other = await platform.SignedIn("13900139000");
        await other.DeleteAsync("/api/v1/applications/draft");
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync("/api/v1/applications/draft")).StatusCode);
        using var dealer = await platform.SignedIn("dealer");
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.GetAsync("/api/v1/applications/draft")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await customer.PutAsJsonAsync("/api/v1/applications/draft", new { step = 9 })).StatusCode);
    }
}
