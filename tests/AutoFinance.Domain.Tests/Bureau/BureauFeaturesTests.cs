using AutoFinance.Domain.Bureau;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Tests.Bureau;

public sealed class BureauFeaturesTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 10);
    private static readonly DateOnly StatusMonth = new(2026, 2, 1);

    private static CreditAccount Loan(string status, decimal payment = 2000m, AccountStatus state = AccountStatus.Active, DateOnly? opened = null) => new()
    {
        AccountId = Guid.NewGuid().ToString("N"),
        Kind = AccountKind.Loan,
        Purpose = "consumer",
        Institution = "Bank",
        OpenedOn = opened ?? new DateOnly(2020, 5, 20),
        Amount = 100_000m,
        Balance = 40_000m,
        Status = state,
        ScheduledPayment = payment,
        StatusMonth = StatusMonth,
        RepaymentStatus24 = status,
    };

    private static CreditAccount Card(decimal limit, decimal balance, DateOnly? opened = null) => new()
    {
        AccountId = Guid.NewGuid().ToString("N"),
        Kind = AccountKind.Revolving,
        Purpose = "card",
        Institution = "Bank",
        OpenedOn = opened ?? new DateOnly(2018, 1, 15),
        Amount = limit,
        Balance = balance,
        Status = AccountStatus.Active,
        ScheduledPayment = balance / 10m,
        StatusMonth = StatusMonth,
        RepaymentStatus24 = new string('N', 24),
    };

    private static CreditReport Report(IReadOnlyList<CreditAccount> accounts, IReadOnlyList<CreditInquiry>? inquiries = null, IReadOnlyList<PublicRecord>? records = null) => new()
    {
        ReportId = "R1",
        ReportDate = AsOf,
        Identity = new ReportIdentity { Name = "Test", NationalId = "110105198803140011" },
        Summary = new ReportSummary { LoanAccounts = accounts.Count(a => a.Kind == AccountKind.Loan), CardAccounts = accounts.Count(a => a.Kind == AccountKind.Revolving) },
        Accounts = accounts,
        Inquiries = inquiries ?? [],
        PublicRecords = records ?? [],
    };

    [Fact]
    public void A_clean_history_has_no_lateness()
    {
        var f = BureauFeatures.Derive(Report([Loan(new string('N', 24)), Card(20_000m, 5_000m)]), AsOf);
        Assert.Equal(0, f.WorstStatus24m);
        Assert.Null(f.MonthsSinceLast30PlusLate);
        Assert.Equal((0, 0, 0), (f.Count30Plus, f.Count60Plus, f.Count90Plus));
        Assert.False(f.ThinFile);
    }

    [Fact]
    public void The_worst_status_is_the_highest_level_over_every_account()
    {
        var f = BureauFeatures.Derive(Report([Loan("NNNNNNNNNNNN12NNNNNNNNNN"), Loan("NNNNNNNNNNNNNNNNNNNN3NNN")]), AsOf);
        Assert.Equal(3, f.WorstStatus24m);
    }

    [Fact]
    public void A_write_off_counts_as_the_worst_status()
    {
        Assert.Equal(7, BureauFeatures.Derive(Report([Loan("NNNNNNNNNNNNNNNNNNNNNNNG", state: AccountStatus.WrittenOff)]), AsOf).WorstStatus24m);
    }

    [Fact]
    public void Thirty_plus_means_status_two_or_worse_and_months_are_counted_back_from_the_as_of_month()
    {
        // The status month is February; March is the as-of month, so the last character is one month ago.
        var f = BureauFeatures.Derive(Report([Loan("NNNNNNNNNNNNNNNNNNNN2N1N")]), AsOf);
        Assert.Equal(4, f.MonthsSinceLast30PlusLate);
        Assert.Equal(1, f.Count30Plus);
        Assert.Equal(0, f.Count60Plus);
    }

    [Fact]
    public void Counts_of_30_60_and_90_plus_are_account_months()
    {
        var f = BureauFeatures.Derive(Report([Loan("NNNNNN1234NNNNNNNNNNNNNN"), Loan("NNNNNNNNNNNNNNNNNNNN2NNN")]), AsOf);
        Assert.Equal((4, 2, 1), (f.Count30Plus, f.Count60Plus, f.Count90Plus));
        Assert.Equal(15, f.MonthsSinceLast90PlusLate);
    }

    [Fact]
    public void Revolving_utilisation_is_balance_over_limit_of_active_cards()
    {
        var f = BureauFeatures.Derive(Report([Card(20_000m, 5_000m), Card(30_000m, 20_000m), Loan(new string('N', 24))]), AsOf);
        Assert.Equal(0.5m, f.RevolvingUtilisation);
        Assert.Null(BureauFeatures.Derive(Report([Loan(new string('N', 24))]), AsOf).RevolvingUtilisation);
    }

    [Fact]
    public void Loan_approval_inquiries_are_counted_in_one_three_and_six_months()
    {
        CreditInquiry Q(int daysAgo, InquiryReason reason = InquiryReason.LoanApproval) => new() { Date = AsOf.AddDays(-daysAgo), Reason = reason, Institution = "Bank" };
        var f = BureauFeatures.Derive(Report([Loan(new string('N', 24))], [Q(3), Q(29), Q(60), Q(150), Q(200), Q(5, InquiryReason.PostLoanManagement), Q(5, InquiryReason.SelfQuery)]), AsOf);
        Assert.Equal((2, 3, 4), (f.LoanInquiries1m, f.LoanInquiries3m, f.LoanInquiries6m));
    }

    [Fact]
    public void Active_loans_and_their_payments_with_card_minimums_are_the_monthly_obligations()
    {
        var f = BureauFeatures.Derive(Report([Loan(new string('N', 24), 2_500m), Loan(new string('N', 24), 1_000m, AccountStatus.Closed), Card(20_000m, 6_000m)]), AsOf);
        Assert.Equal(1, f.ActiveLoans);
        Assert.Equal(3_100m, f.MonthlyObligations);
    }

    [Fact]
    public void The_age_of_the_oldest_account_is_in_whole_months()
    {
        var f = BureauFeatures.Derive(Report([Loan(new string('N', 24), opened: new DateOnly(2016, 3, 11)), Card(1m, 0m, new DateOnly(2020, 1, 1))]), AsOf);
        Assert.Equal(119, f.OldestAccountMonths);
    }

    [Fact]
    public void A_report_with_one_young_account_is_a_thin_file_and_one_without_accounts_has_no_age()
    {
        var young = BureauFeatures.Derive(Report([Card(5_000m, 100m, new DateOnly(2025, 12, 1))]), AsOf);
        Assert.True(young.ThinFile);
        var empty = BureauFeatures.Derive(Report([]), AsOf);
        Assert.True(empty.ThinFile);
        Assert.Null(empty.OldestAccountMonths);
        Assert.Equal(0, empty.MonthlyObligations);
    }

    [Fact]
    public void A_90_plus_delinquency_within_twelve_months_declines_with_that_reason()
    {
        var findings = BureauFindings.Hit(Report([Loan("NNNNNNNNNNNNNNNNNN1234NN"), Card(10_000m, 0m)]), AsOf);
        var serious = BureauRules.Evaluate(findings).Single(o => o.Code == ReasonCodes.BureauRecentSeriousDelinquency);
        Assert.False(serious.Passed);
        Assert.Equal(RuleEffect.Decline, serious.OnFailure);
        Assert.Equal("3", serious.Values["monthsAgo"]);
    }

    [Fact]
    public void A_90_plus_delinquency_older_than_twelve_months_does_not_decline()
    {
        var findings = BureauFindings.Hit(Report([Loan("NNN4NNNNNNNNNNNNNNNNNNNN"), Card(10_000m, 0m)]), AsOf);
        Assert.True(BureauRules.Evaluate(findings).Single(o => o.Code == ReasonCodes.BureauRecentSeriousDelinquency).Passed);
    }

    [Fact]
    public void An_unavailable_bureau_refers_with_bureau_unavailable()
    {
        var outcome = Assert.Single(BureauRules.Evaluate(BureauFindings.Unavailable));
        Assert.Equal((ReasonCodes.BureauUnavailable, false, RuleEffect.Refer), (outcome.Code, outcome.Passed, outcome.OnFailure));
        Assert.StartsWith("Bureau unavailable", ReasonTexts.Text(outcome, "en"), StringComparison.Ordinal);
    }
}
