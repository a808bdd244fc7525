using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Models;

/// <summary>A model file is uploaded, promoted by a second person, used by the very next decision, and rolled back; every step audited.</summary>
public abstract class ModelRegistryScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task An_uploaded_model_decides_once_a_second_person_promotes_it_and_a_rollback_restores_the_previous_one()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var analyst = await platform.SignedIn("analyst");
        using var manager = await platform.SignedIn("manager");
        using var admin = await platform.SignedIn("admin");
        using var dealer = platform.Dealer();
        var defaultId = await DecidingModelAsync(dealer);

        var bad = await analyst.PostAsync("/api/v1/models", Upload("{\"not\": \"a model\"}", null));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("model.invalid-file", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.DoesNotContain("AutoFinance.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var document = File.ReadAllText(Path.Combine(RepoRoot(), "models", "default", "car-loans.json")).Replace(defaultId, "registry-trial-1", StringComparison.Ordinal);
        var challenger = File.ReadAllBytes(Path.Combine(RepoRoot(), "models", "default", "car-loans.challenger.zip"));

        // A document that loads but is no model to register: each refused with its code, nothing kept.
        var impossible = JsonNode.Parse(document)!;
        impossible["validation"]!["test"]!["auc"] = 7.5;
        var longId = document.Replace("registry-trial-1", new string('x', 3000), StringComparison.Ordinal);
        foreach (var (file, withChallenger, code) in new[] { (impossible.ToJsonString(), challenger, "model.figures-impossible"), (document, null, "model.challenger-missing"), (longId, challenger, "model.id-invalid") })
        {
            var refused = await analyst.PostAsync("/api/v1/models", Upload(file, withChallenger));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(code, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var uploaded = await analyst.PostAsync("/api/v1/models", Upload(document, challenger));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var model = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var expected = JsonDocument.Parse(document).RootElement.GetProperty("validation").GetProperty("test");
        Assert.Equal(expected.GetProperty("auc").GetDouble(), model.GetProperty("auc").GetDouble());
        Assert.Equal(expected.GetProperty("ks").GetDouble(), model.GetProperty("ks").GetDouble());
        Assert.Equal(expected.GetProperty("gini").GetDouble(), model.GetProperty("gini").GetDouble());
        Assert.Equal("uploaded", model.GetProperty("state").GetString());
        Assert.Equal(defaultId, await DecidingModelAsync(dealer));

        var versionId = model.GetProperty("modelVersionId").GetGuid();
        var asked = await manager.PostAsJsonAsync($"/api/v1/models/{versionId}/promote", new { reason = "better on the latest vintage" });
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var approvalId = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("approvalId").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/v1/approvals/{approvalId}/approve", null)).StatusCode);
        Assert.Equal(defaultId, await DecidingModelAsync(dealer));

        var approved = await admin.PostAsync($"/api/v1/approvals/{approvalId}/approve", null);
        Assert.Equal("approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("registry-trial-1", await DecidingModelAsync(dealer));
        var registry = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/models");
        Assert.Equal("registry-trial-1", registry.GetProperty("activeModelId").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/models/rollback", new { reason = "drift" })).StatusCode);
        var rolled = await manager.PostAsJsonAsync("/api/v1/models/rollback", new { reason = "approval rate fell overnight" });
        Assert.Equal(HttpStatusCode.OK, rolled.StatusCode);
        Assert.Equal(defaultId, await DecidingModelAsync(dealer));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync("/api/v1/models/rollback", new { reason = "again" })).StatusCode);

        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.Action.StartsWith("model.")).Select(e => e.Action).ToListAsync();
        Assert.Equal(["model.promoted", "model.rolled-back", "model.uploaded"], audited.Order(StringComparer.Ordinal).ToArray());
    }

    private static async Task<string> DecidingModelAsync(HttpClient dealer)
    {
        var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Prime())).Content.ReadFromJsonAsync<JsonElement>();
        return decision.GetProperty("modelVersion").GetString()!;
    }

    private static MultipartFormDataContent Upload(string document, byte[]? challenger)
    {
        var form = new MultipartFormDataContent { { new StringContent(document), "file", "model.json" } };
        if (challenger is not null)
        {
            form.Add(new ByteArrayContent(challenger), "challenger", "model.challenger.zip");
        }

        return form;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoFinance.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

public sealed class ModelRegistryOnSqlite(SqlitePlatform platform) : ModelRegistryScenarios<SqlitePlatform>(platform);

public sealed class ModelRegistryOnPostgres(PostgresPlatform platform) : ModelRegistryScenarios<PostgresPlatform>(platform);
