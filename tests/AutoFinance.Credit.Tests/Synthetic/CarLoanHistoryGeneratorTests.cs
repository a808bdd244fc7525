using AutoFinance.Credit.Synthetic;
using AutoFinance.Domain.Bureau;

namespace AutoFinance.Credit.Tests.Synthetic;

/// <summary>
/// The synthetic history the default model is trained on: a credit report per row, its derived figures as the bureau
/// columns, realistic shares of thin files and no hits, risk that follows the report, the same rows for the same seed.
/// </summary>
public sealed class CarLoanHistoryGeneratorTests
{
    private static readonly Lazy<List<CarLoanHistoryGenerator.Row>> History = new(() => [.. CarLoanHistoryGenerator.Generate(20_000, 11)]);

    [Fact]
    public void The_same_seed_writes_the_same_history()
    {
        using var one = new StringWriter();
        using var two = new StringWriter();

        CarLoanHistoryGenerator.WriteCsv(one, 500, 42);
        CarLoanHistoryGenerator.WriteCsv(two, 500, 42);

        Assert.Equal(one.ToString(), two.ToString());
    }

    [Fact]
    public void The_bureau_columns_are_the_derived_features_of_a_report_and_no_typed_figures()
    {
        using var writer = new StringWriter();

        CarLoanHistoryGenerator.WriteCsv(writer, 50, 3);

        var header = writer.ToString().Split('\n')[0].Split(',');
        Assert.Subset(header.ToHashSet(), CarLoanFeatures.Bureau.ToHashSet());
        Assert.DoesNotContain("bureau_score", header);
        Assert.DoesNotContain("delinquencies_24m", header);
        var noHit = writer.ToString().Split('\n')[1..].Select(l => l.Split(',')).FirstOrDefault(cells => cells.Length > 1 && cells[Array.IndexOf(header, CarLoanFeatures.BureauFile)] == "no-hit");
        if (noHit is not null)
        {
            Assert.Equal(string.Empty, noHit[Array.IndexOf(header, CarLoanFeatures.WorstStatus24m)]);
        }
    }

    [Fact]
    public void Thin_files_and_no_hits_come_in_realistic_shares()
    {
        var rows = History.Value;

        var noHit = rows.Count(r => r.BureauFile == "no-hit") / (double)rows.Count;
        var thin = rows.Count(r => r.BureauFile == "thin") / (double)rows.Count;

        Assert.InRange(noHit, 0.03, 0.10);
        Assert.InRange(thin, 0.05, 0.15);
        Assert.All(rows.Where(r => r.BureauFile == "no-hit"), r => Assert.Null(r.Bureau));
        Assert.All(rows.Where(r => r.BureauFile == "thin"), r => Assert.True(r.Bureau!.ThinFile));
    }

    [Fact]
    public void A_worse_repayment_record_defaults_more_often_and_about_one_in_twenty_defaults_overall()
    {
        var rows = History.Value;

        double Rate(IEnumerable<CarLoanHistoryGenerator.Row> part) => part.Average(r => r.Defaulted ? 1.0 : 0.0);
        var clean = Rate(rows.Where(r => r.Bureau is { WorstStatus24m: 0 }));
        var late = Rate(rows.Where(r => r.Bureau is { WorstStatus24m: >= 2 }));
        var serious = Rate(rows.Where(r => r.Bureau is { Count90Plus: > 0 }));

        Assert.InRange(Rate(rows), 0.035, 0.065);
        Assert.True(late > clean * 2, $"30+ late {late:0.000} against clean {clean:0.000}");
        Assert.True(serious > late, $"90+ late {serious:0.000} against 30+ late {late:0.000}");
    }

    [Fact]
    public void The_simulator_and_the_history_draw_reports_from_one_generator_with_the_population_shares()
    {
        var random = new Random(5);
        var profiles = Enumerable.Range(0, 20_000).Select(_ => SyntheticCreditReports.DrawProfile(random)).ToList();

        Assert.InRange(profiles.Count(p => p == ReportProfile.NoHit) / 20_000.0, 0.05, 0.07);
        Assert.InRange(profiles.Count(p => p == ReportProfile.Clean) / 20_000.0, 0.61, 0.65);
        var asOf = new DateOnly(2026, 6, 15);
        var serious = Enumerable.Range(0, 50).Select(seed => BureauFeatures.Derive(SyntheticCreditReports.Generate(new Random(seed), ReportProfile.Serious, ReportTraits.Typical, "R", "name", "id", asOf)!, asOf));
        Assert.True(serious.Count(f => f.Count90Plus > 0) > 30, "most serious histories show a 90+ days late month");
    }
}
