using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Operations;

/// <summary>The model check's alert on characteristics whose stability index reached "act", on a platform of its own so no other check's alert is in the way.</summary>
public abstract class CharacteristicAlertScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task Characteristics_that_moved_raise_one_alert_naming_them_with_the_largest_csi()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        for (var i = 0; i < 6; i++)
        {
            (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).EnsureSuccessStatusCode();
        }

        // Every recent application's term is recorded as a value training never saw: its CSI becomes the largest.
        var model = platform.App.Services.GetRequiredService<ModelSet>().Active.Document;
        var term = model.Characteristics.Select((c, i) => (c.Name, i)).Single(c => c.Name == "term_months").i;
        await using (var scope = platform.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
            foreach (var application in await db.Applications.Where(a => a.ModelVersion == model.ModelId && a.Score != null).ToListAsync())
            {
                application.ChecksJson = System.Text.RegularExpressions.Regex.Replace(application.ChecksJson, "\"bins\":\"(?<bins>[^\"]*)\"", m =>
                {
                    var bins = m.Groups["bins"].Value.Split(',');
                    bins[term] = "-1";
                    return "\"bins\":\"" + string.Join(',', bins) + "\"";
                });
            }

            await db.SaveChangesAsync();
        }

        using var admin = await platform.SignedIn("admin");
        using var analyst = await platform.SignedIn("analyst");
        var run = await (await admin.PostAsync("/api/v1/jobs/model-monitoring/run", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("succeeded", run.GetProperty("outcome").GetString());
        Assert.Contains("alert raised", run.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var review = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/models/active/monitoring");
        var moved = review.GetProperty("stability").GetProperty("characteristics").EnumerateArray().Where(c => c.GetProperty("csi").GetDouble() >= 0.25).ToList();
        Assert.Equal("term_months", moved[0].GetProperty("name").GetString());
        var alert = (await analyst.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "model.csi");
        Assert.Equal(moved[0].GetProperty("csi").GetDouble(), alert.GetProperty("figure").GetDouble(), 9);
        Assert.All(moved, c => Assert.Contains(c.GetProperty("name").GetString()!, alert.GetProperty("detail").GetString(), StringComparison.Ordinal));

        // The same day's check raises no second one.
        await admin.PostAsync("/api/v1/jobs/model-monitoring/run", null);
        Assert.Single((await analyst.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).EnumerateArray(), a => a.GetProperty("kind").GetString() == "model.csi");
    }
}

public sealed class CharacteristicAlertOnSqlite(OperationsSqlitePlatform platform) : CharacteristicAlertScenarios<OperationsSqlitePlatform>(platform);

public sealed class CharacteristicAlertOnPostgres(OperationsPostgresPlatform platform) : CharacteristicAlertScenarios<OperationsPostgresPlatform>(platform);
