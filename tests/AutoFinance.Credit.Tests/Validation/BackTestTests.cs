using AutoFinance.Credit.Validation;

namespace AutoFinance.Credit.Tests.Validation;

public sealed class BackTestTests
{
    private static readonly string[] Grades = ["A", "B"];

    [Fact]
    public void Observed_and_expected_bad_rates_overall_and_per_grade_with_the_ranking_of_outcomes()
    {
        // Grade A: PDs 0.02, 0.04, 0.06 with the last one bad; grade B: 0.10, 0.20, 0.30 with the last two bad.
        var report = BackTest.Of(Grades, [0, 0, 0, 1, 1, 1], [0.02, 0.04, 0.06, 0.10, 0.20, 0.30], [0, 0, 1, 0, 1, 1]);

        Assert.Equal(6, report.Loans);
        Assert.Equal(3, report.Bads);
        Assert.Equal(0.5, report.ObservedBadRate, 12);
        Assert.Equal(0.12, report.ExpectedBadRate, 12); // 0.72 / 6

        // Bad above good in 8 of the 9 pairs (only 0.06 against 0.10 is not): AUC 8/9, Gini 7/9.
        Assert.Equal(0.8889, report.Auc!.Value, 4);
        Assert.Equal(0.7778, report.Gini!.Value, 4);

        // Ascending PD, the gap of the cumulative goods and bads is largest (2/3) after 0.04 and after 0.10.
        Assert.Equal(0.6667, report.Ks!.Value, 4);

        Assert.Equal("A", report.Grades[0].Grade);
        Assert.Equal(3, report.Grades[0].Count);
        Assert.Equal(1, report.Grades[0].Bads);
        Assert.Equal(0.3333, report.Grades[0].ObservedBadRate, 4);
        Assert.Equal(0.04, report.Grades[0].PredictedPd, 12);
        Assert.Equal(2, report.Grades[1].Bads);
        Assert.Equal(0.6667, report.Grades[1].ObservedBadRate, 4);
        Assert.Equal(0.20, report.Grades[1].PredictedPd, 12);
    }

    [Fact]
    public void Without_a_bad_loan_there_is_no_ranking_to_measure()
    {
        var report = BackTest.Of(Grades, [0, 1], [0.02, 0.2], [0, 0]);

        Assert.Equal(2, report.Loans);
        Assert.Equal(0, report.ObservedBadRate);
        Assert.Equal(0.11, report.ExpectedBadRate, 12);
        Assert.Null(report.Auc);
        Assert.Null(report.Gini);
        Assert.Null(report.Ks);
    }

    [Fact]
    public void No_loans_give_zero_rates_and_empty_grades()
    {
        var report = BackTest.Of(Grades, [], [], []);

        Assert.Equal(0, report.Loans);
        Assert.Equal(0, report.ObservedBadRate);
        Assert.Equal(0, report.ExpectedBadRate);
        Assert.Null(report.Auc);
        Assert.All(report.Grades, g => Assert.Equal(0, g.Count));
    }
}
