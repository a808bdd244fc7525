using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Origination;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Explainable;
using AutoFinance.Credit.Models;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Synthetic;
using AutoFinance.Web.Tests.Origination;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Models;

/// <summary>
/// The platform started on a model whose explainable boosting machine scores (trained here on a synthetic car-loan
/// history, with the scorecard beside it); the same document can name the machine as the scorecard's challenger.
/// </summary>
public sealed class EbmChampionPlatform : SqlitePlatform
{
    private readonly Lazy<ScorecardDocument> _trained = new(Train);

    /// <summary>The trained document: the scorecard champion with the explainable boosting machine beside it.</summary>
    public ScorecardDocument Trained => _trained.Value;

    protected override IEnumerable<string> Arguments
    {
        get
        {
            var path = Path.Combine(WorkDirectory, "ebm-champion.json");
            Directory.CreateDirectory(WorkDirectory);
            ModelJson.Save(Trained with { Kind = "ebm", ModelId = "ebm-champion-trial" }, path);
            return [$"--Models:Path={path}"];
        }
    }

    private static ScorecardDocument Train()
    {
        var file = Path.Combine(Path.GetTempPath(), $"autofinance-ebm-history-{Guid.NewGuid():N}.csv");
        try
        {
            using (var writer = new StreamWriter(file))
            {
                CarLoanHistoryGenerator.WriteCsv(writer, 6000, 5);
            }

            var loaded = DatasetLoader.LoadFile(file, new DatasetOptions { Target = CarLoanFeatures.Defaulted });
            var options = new TrainingOptions { Folds = 0, Tuning = null, Target = new(CarLoanFeatures.Defaulted, null), Ebm = new EbmOptions() };
            return ScorecardTrainer.Train(loaded, options, TimeProvider.System).Document;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class EbmModelScenarios(EbmChampionPlatform platform) : IClassFixture<EbmChampionPlatform>
{
    [Fact]
    public async Task A_decision_by_the_explainable_boosting_machine_gives_as_reasons_its_largest_contributions_which_with_the_intercept_add_up_to_its_log_odds()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");

        var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", Applications.Subprime())).Content.ReadFromJsonAsync<JsonElement>();
        var detail = await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{decision.GetProperty("applicationId").GetString()}");

        Assert.Equal("ebm-champion-trial", decision.GetProperty("modelVersion").GetString());
        var values = ScoreCheckValues(detail);
        var contributions = values.Where(v => v.Key.StartsWith(DecisionService.ContributionPrefix, StringComparison.Ordinal))
            .ToDictionary(v => v.Key[DecisionService.ContributionPrefix.Length..], v => Number(v.Value), StringComparer.Ordinal);
        Assert.Equal(platform.Trained.Ebm!.Terms.Select(t => t.Name).Order(StringComparer.Ordinal), contributions.Keys.Order(StringComparer.Ordinal));
        var logOdds = Number(values["logOdds"]);
        Assert.Equal(logOdds, Number(values["intercept"]) + contributions.Values.Sum(), 12);
        Assert.Equal(Number(values["pd"]), 1 / (1 + Math.Exp(-logOdds)), 6);

        string[] expected = [.. contributions.Where(c => c.Value > 0).OrderByDescending(c => c.Value).Take(4).Select(c => ReasonCatalog.ScorePrefix + c.Key)];
        Assert.NotEmpty(expected);
        var staffReasons = detail.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)
            .Where(code => code.StartsWith(ReasonCatalog.ScorePrefix, StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected, staffReasons);
        var applicantReasons = decision.GetProperty("reasons").EnumerateArray().Where(r => r.GetProperty("code").GetString()!.StartsWith(ReasonCatalog.ScorePrefix, StringComparison.Ordinal)).ToArray();
        Assert.Equal(expected, applicantReasons.Select(r => r.GetProperty("code").GetString()));
        Assert.All(applicantReasons, r => Assert.EndsWith("lowered the score", r.GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_explainable_boosting_machine_as_the_scorecards_challenger_gives_the_pd_it_gives_as_champion()
    {
        using var dealer = platform.Dealer();
        using var underwriter = await platform.SignedIn("underwriter");
        var models = platform.App.Services.GetRequiredService<ModelSet>();
        var application = Applications.NearPrime();

        var asChampion = await ScoreCheckOf(dealer, underwriter, application);
        models.Use(CreditModel.From(platform.Trained with { ChallengerKind = "ebm", ModelId = "scorecard-ebm-challenger-trial" }, null), null);
        try
        {
            var asChallenger = await ScoreCheckOf(dealer, underwriter, application);

            Assert.Equal("scorecard-ebm-challenger-trial", asChallenger["model"]);
            Assert.Equal(asChampion["pd"], asChallenger["challengerPd"]);
            Assert.Equal(asChampion["challengerPd"], asChallenger["pd"]);
            Assert.DoesNotContain(asChallenger.Keys, k => k.StartsWith(DecisionService.ContributionPrefix, StringComparison.Ordinal));
        }
        finally
        {
            models.Use(models.Default, null);
        }
    }

    private static async Task<Dictionary<string, string>> ScoreCheckOf(HttpClient dealer, HttpClient underwriter, Dictionary<string, object?> application)
    {
        var decision = await (await dealer.PostAsJsonAsync("/api/v1/applications", application)).Content.ReadFromJsonAsync<JsonElement>();
        return ScoreCheckValues(await underwriter.GetFromJsonAsync<JsonElement>($"/api/v1/applications/{decision.GetProperty("applicationId").GetString()}"));
    }

    private static Dictionary<string, string> ScoreCheckValues(JsonElement detail) =>
        detail.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "score.active-model")
            .GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
