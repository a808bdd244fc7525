namespace AutoFinance.Domain.Bureau;

/// <summary>
/// The figures a decision reads from a credit report, derived as of a date. Each rule is written beside its
/// property; a report without accounts (a thin file) gives zeros and nulls, never an error.
/// </summary>
public sealed record BureauFeatures
{
    /// <summary>The worst repayment status in the last 24 months over every account: 0 for none overdue, 1–7 by
    /// periods overdue; <c>G</c>, <c>D</c> and <c>Z</c> (ended by write-off, guarantor or collateral) count as 7.</summary>
    public required int WorstStatus24m { get; init; }

    /// <summary>Months from the as-of month back to the latest month 30 or more days late (status 2 or worse); null if none in 24 months.</summary>
    public required int? MonthsSinceLast30PlusLate { get; init; }

    /// <summary>Account-months 30+ days late (status 2 or worse) in the last 24 months.</summary>
    public required int Count30Plus { get; init; }

    /// <summary>Account-months 60+ days late (status 3 or worse).</summary>
    public required int Count60Plus { get; init; }

    /// <summary>Account-months 90+ days late (status 4 or worse).</summary>
    public required int Count90Plus { get; init; }

    /// <summary>Months from the as-of month back to the latest month 90+ days late; null if none in 24 months.</summary>
    public required int? MonthsSinceLast90PlusLate { get; init; }

    /// <summary>Balance over limit of the active cards (0–1 and beyond when over limit); null without an active card limit.</summary>
    public required decimal? RevolvingUtilisation { get; init; }

    /// <summary>Loan-approval inquiries within one month (30 days) of the as-of date.</summary>
    public required int LoanInquiries1m { get; init; }

    /// <summary>Loan-approval inquiries within three months (91 days).</summary>
    public required int LoanInquiries3m { get; init; }

    /// <summary>Loan-approval inquiries within six months (182 days).</summary>
    public required int LoanInquiries6m { get; init; }

    public required int ActiveLoans { get; init; }

    /// <summary>The scheduled payments of active loans plus the minimum payments of active cards, per month.</summary>
    public required decimal MonthlyObligations { get; init; }

    /// <summary>Whole months from the oldest account's opening to the as-of date; null without accounts.</summary>
    public required int? OldestAccountMonths { get; init; }

    /// <summary>Open public records (judgments, enforcements, arrears).</summary>
    public required int OpenPublicRecords { get; init; }

    /// <summary>Fewer than two accounts, or none older than six months: too little history to judge by.</summary>
    public required bool ThinFile { get; init; }

    public static BureauFeatures Derive(CreditReport report, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(report);
        var worst = 0;
        int? since30 = null;
        int? since90 = null;
        int c30 = 0, c60 = 0, c90 = 0;
        decimal limits = 0, used = 0, obligations = 0;
        var activeLoans = 0;
        DateOnly? oldest = null;
        var months = MonthIndex(asOf);
        foreach (var account in report.Accounts)
        {
            oldest = oldest is { } o && o <= account.OpenedOn ? o : account.OpenedOn;
            var status = account.RepaymentStatus24;
            var lastMonth = MonthIndex(account.StatusMonth);
            for (var i = 0; i < status.Length; i++)
            {
                var level = Level(status[i]);
                if (level == 0)
                {
                    continue;
                }

                // The last character is the status month; each one before it a month earlier.
                var monthsAgo = Math.Max(0, months - (lastMonth - (status.Length - 1 - i)));
                if (monthsAgo >= 24)
                {
                    continue;
                }

                worst = Math.Max(worst, level);
                if (level >= 2)
                {
                    c30++;
                    since30 = since30 is { } s30 && s30 <= monthsAgo ? s30 : monthsAgo;
                }

                if (level >= 3)
                {
                    c60++;
                }

                if (level >= 4)
                {
                    c90++;
                    since90 = since90 is { } s90 && s90 <= monthsAgo ? s90 : monthsAgo;
                }
            }

            if (account.Status != AccountStatus.Active)
            {
                continue;
            }

            if (account.Kind == AccountKind.Loan)
            {
                activeLoans++;
                obligations += account.ScheduledPayment;
            }
            else
            {
                limits += account.Amount;
                used += account.Balance;
                obligations += account.ScheduledPayment;
            }
        }

        var loanInquiries = report.Inquiries.Where(q => q.Reason == InquiryReason.LoanApproval && q.Date <= asOf).Select(q => asOf.DayNumber - q.Date.DayNumber).ToList();
        var oldestMonths = oldest is { } first ? WholeMonths(first, asOf) : (int?)null;
        return new BureauFeatures
        {
            WorstStatus24m = worst,
            MonthsSinceLast30PlusLate = since30,
            Count30Plus = c30,
            Count60Plus = c60,
            Count90Plus = c90,
            MonthsSinceLast90PlusLate = since90,
            RevolvingUtilisation = limits > 0 ? Math.Round(used / limits, 4, MidpointRounding.AwayFromZero) : null,
            LoanInquiries1m = loanInquiries.Count(d => d <= 30),
            LoanInquiries3m = loanInquiries.Count(d => d <= 91),
            LoanInquiries6m = loanInquiries.Count(d => d <= 182),
            ActiveLoans = activeLoans,
            MonthlyObligations = obligations,
            OldestAccountMonths = oldestMonths,
            OpenPublicRecords = report.PublicRecords.Count(p => p.Status == "open"),
            ThinFile = report.Accounts.Count < 2 || oldestMonths is null or < 6,
        };
    }

    /// <summary>The overdue level of one status character (0 when not overdue).</summary>
    public static int Level(char status) => status switch
    {
        >= '1' and <= '7' => status - '0',
        'G' or 'D' or 'Z' => 7,
        _ => 0,
    };

    private static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = MonthIndex(to) - MonthIndex(from);
        return Math.Max(0, to.Day < from.Day ? months - 1 : months);
    }
}
