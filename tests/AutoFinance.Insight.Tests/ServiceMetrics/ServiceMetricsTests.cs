using AutoFinance.Insight.ServiceMetrics;

namespace AutoFinance.Insight.Tests.ServiceMetrics;

public sealed class ServiceMetricsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static ServiceCaseRecord Case(string id, string group, bool complaint, double? respondHours, double? resolveHours, bool reopened = false) =>
        new(id, group, complaint, T0, respondHours is { } r ? T0.AddHours(r) : null, resolveHours is { } s ? T0.AddHours(s) : null,
            T0.AddHours(4), T0.AddHours(40), reopened);

    [Fact]
    public void Percentiles_interpolate_between_closest_ranks()
    {
        Assert.Equal(2.5, Percentile.Of([4, 1, 3, 2], 0.5));
        Assert.Equal(3.7, Percentile.Of([1, 2, 3, 4], 0.9)!.Value, 12);
        Assert.Equal(7, Percentile.Of([7], 0.9));
        Assert.Null(Percentile.Of([], 0.5));
    }

    [Fact]
    public void A_case_reopened_and_open_again_counts_among_the_resolved_so_the_rate_never_passes_one()
    {
        ServiceCaseRecord[] cases =
        [
            Case("1", "online", false, 1, null, reopened: true),    // resolved once, reopened, open now
            Case("2", "online", false, 1, null, reopened: true),
            Case("3", "online", false, 1, 10),
        ];

        var report = ServiceMetricsCalculator.Report("online", cases, [], null, T0.AddHours(30));

        Assert.Equal(2.0 / 3, report.ReopenRate!.Value, 12);
    }

    [Fact]
    public void Service_figures_by_hand()
    {
        ServiceCaseRecord[] cases =
        [
            Case("1", "online", true, 1, 10),
            Case("2", "online", false, 2, 20, reopened: true),
            Case("3", "online", true, 6, 50),                // both timers late
            Case("4", "dealer", true, 3, null),              // open, resolution due in 40 h
            Case("5", "dealer", false, null, null),          // no response yet, due after 4 h
        ];
        SurveyResponse[] surveys =
        [
            new("online", SurveyKind.Csat, 5), new("online", SurveyKind.Csat, 4), new("online", SurveyKind.Csat, 3), new("online", SurveyKind.Csat, 1),
            new("online", SurveyKind.Nps, 10), new("online", SurveyKind.Nps, 10), new("online", SurveyKind.Nps, 7), new("online", SurveyKind.Nps, 3),
            new("dealer", SurveyKind.Csat, 9),                // off the scale: ignored
        ];
        var loans = new Dictionary<string, int> { ["online"] = 1000, ["dealer"] = 500 };
        var reports = ServiceMetricsCalculator.ByGroup(cases, surveys, loans, T0.AddHours(30));

        Assert.Equal(["dealer", "online", "all"], reports.Select(r => r.Group));
        var online = reports.Single(r => r.Group == "online");
        Assert.Equal(3, online.Cases);
        Assert.Equal(2, online.FirstResponseHoursP50);                 // 1, 2, 6
        Assert.Equal(5.2, online.FirstResponseHoursP90!.Value, 9);     // 2 + 0.8 × (6 − 2)
        Assert.Equal(20, online.ResolutionHoursP50);                   // 10, 20, 50
        Assert.Equal(1.0 / 3, online.SlaBreachRate!.Value, 12);         // case 3
        Assert.Equal(1.0 / 3, online.ReopenRate!.Value, 12);            // case 2 of three resolved
        Assert.Equal(2.0, online.ComplaintsPer1000Loans!.Value, 12);    // 2 complaints / 1000 loans
        Assert.Equal(0.5, online.Csat);                                 // 5 and 4 of four answers
        Assert.Equal(25, online.Nps);                                   // 2 promoters − 1 detractor of 4

        var dealer = reports.Single(r => r.Group == "dealer");
        Assert.Equal(0.5, dealer.SlaBreachRate);                        // case 5: no response after 30 h
        Assert.Null(dealer.ReopenRate);
        Assert.Null(dealer.ResolutionHoursP50);
        Assert.Equal(0, dealer.CsatResponses);
        Assert.Null(dealer.Csat);

        var all = reports.Single(r => r.Group == "all");
        Assert.Equal(5, all.Cases);
        Assert.Equal(0.4, all.SlaBreachRate!.Value, 12);
        Assert.Equal(2.0, all.ComplaintsPer1000Loans!.Value, 12);       // 3 complaints / 1500 loans
    }

    [Fact]
    public void Nps_counts_promoters_minus_detractors()
    {
        SurveyResponse[] answers = [.. new[] { 10, 9, 8, 6, 0 }.Select(s => new SurveyResponse("g", SurveyKind.Nps, s))];
        Assert.Equal(0, ServiceMetricsCalculator.Report("g", [], answers, null, T0).Nps);
    }
}
