namespace AutoFinance.Domain.Bureau;

/// <summary>
/// SYNTHETIC credit reports, one shared generator for the bureau simulator and the synthetic car-loan history the
/// default model is trained on, so the reports the model learnt from and the reports the platform pulls have one shape.
/// Pure: everything comes from the <see cref="Random"/> handed in, so a seeded source gives the same report each time.
/// </summary>
/// <remarks>
/// Proportions follow the shape of a car-loan applicant population: about 6% no hit, 10% thin files (one young
/// account), and among the rest about 70% clean histories, 18% with a 1–30 day late or two, 8% with 31–90 day lates and
/// 4% with a 90+ days delinquency somewhere in the last two years. A positive <c>weakness</c> (a latent credit quality
/// in standard deviations) tilts the draw towards the delinquent profiles and, in <see cref="ReportTraits.Strain"/>,
/// raises card use and recent inquiries; zero gives the population shares.
/// </remarks>
public static class SyntheticCreditReports
{
    private static readonly string[] Banks = ["中国工商银行", "中国建设银行", "招商银行", "平安银行", "中国银行", "交通银行", "兴业银行", "浦发银行"];
    private static readonly string[] Finance = ["上汽通用汽车金融", "大众汽车金融（中国）", "平安消费金融", "招联消费金融", "宝马汽车金融（中国）"];

    private static readonly (ReportProfile Profile, double Share, double Tilt)[] Population =
    [
        (ReportProfile.NoHit, 0.06, 0.2),
        (ReportProfile.Thin, 0.10, 0.3),
        (ReportProfile.Clean, 0.63, -0.5),
        (ReportProfile.Minor, 0.16, 0.6),
        (ReportProfile.Moderate, 0.035, 1.1),
        (ReportProfile.Serious, 0.015, 1.6),
    ];

    /// <summary>Draws a profile (one uniform draw); <paramref name="weakness"/> 0 gives the population shares.</summary>
    public static ReportProfile DrawProfile(Random random, double weakness = 0)
    {
        ArgumentNullException.ThrowIfNull(random);
        var weights = Population.Select(p => p.Share * Math.Exp(p.Tilt * weakness)).ToArray();
        var u = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return Population[i].Profile;
            }
        }

        return Population[^1].Profile;
    }

    /// <summary>
    /// A report of the <paramref name="profile"/> as of <paramref name="today"/> (its status month the month before),
    /// or null for <see cref="ReportProfile.NoHit"/>.
    /// </summary>
    public static CreditReport? Generate(Random random, ReportProfile profile, ReportTraits traits, string reportId, string name, string nationalId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(traits);
        if (profile == ReportProfile.NoHit)
        {
            return null;
        }

        var modest = traits.Modest;
        var strain = Math.Clamp(traits.Strain, 0, 3);
        var statusMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var accounts = new List<CreditAccount>();
        var accountCount = profile == ReportProfile.Thin ? 1 : random.Next(2, modest ? 5 : 8);
        var oldestYears = profile == ReportProfile.Thin ? 0 : random.Next(2, 15);
        var lateAccount = random.Next(accountCount);
        var everOverdue = 0;
        var loans = 0;
        var cards = 0;
        string? firstMonth = null;
        for (var i = 0; i < accountCount; i++)
        {
            var card = profile == ReportProfile.Thin || i % 2 == 1 || random.NextDouble() < 0.3;
            var opened = profile == ReportProfile.Thin
                ? today.AddMonths(-random.Next(2, 6)).AddDays(-random.Next(0, 28))
                : today.AddMonths(-(i == 0 ? (oldestYears * 12) + random.Next(0, 12) : random.Next(3, Math.Max(4, oldestYears * 12))));
            var closed = !card && (modest || random.NextDouble() < 0.25);
            var status = Status24(random, profile, i == lateAccount, opened, statusMonth, closed);
            if (status.Any(c => c is >= '1' and <= '7'))
            {
                everOverdue++;
            }

            var month = opened.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            if (firstMonth is null || string.CompareOrdinal(month, firstMonth) < 0)
            {
                firstMonth = month;
            }

            if (card)
            {
                cards++;
                var limit = (modest ? random.Next(1, 4) * 5_000m : random.Next(1, 21) * 5_000m) * traits.AmountScale;
                var used = profile == ReportProfile.Stretched ? 0.75 + (random.NextDouble() * 0.25) : random.NextDouble() * (modest ? 0.2 : 0.6);
                var utilisation = Math.Min(1.1, used + (strain * 0.2));
                var balance = Math.Round(limit * (decimal)utilisation, 2);
                accounts.Add(new CreditAccount
                {
                    AccountId = $"C{i + 1:00}",
                    Kind = AccountKind.Revolving,
                    Purpose = "card",
                    Institution = Banks[random.Next(Banks.Length)],
                    OpenedOn = opened,
                    Amount = Math.Round(limit, 2),
                    Balance = balance,
                    Status = AccountStatus.Active,
                    ScheduledPayment = Math.Round(balance / 10m, 2),
                    StatusMonth = statusMonth,
                    RepaymentStatus24 = status,
                });
            }
            else
            {
                loans++;
                var purpose = random.NextDouble() switch { < 0.35 => "auto", < 0.6 => "mortgage", < 0.9 => "consumer", _ => "business" };
                var amount = (purpose switch { "mortgage" => random.Next(50, 400) * 10_000m, "auto" => random.Next(5, 30) * 10_000m, _ => random.Next(1, 20) * 10_000m }) * traits.AmountScale;
                amount = Math.Round(amount, 2);
                var termMonths = purpose == "mortgage" ? 240 : 36;
                var payment = Math.Round(amount / termMonths * 1.2m, 2);
                var share = 0.2 + (random.NextDouble() * 0.7);
                accounts.Add(new CreditAccount
                {
                    AccountId = $"L{i + 1:00}",
                    Kind = AccountKind.Loan,
                    Purpose = purpose,
                    Institution = purpose == "auto" ? Finance[random.Next(Finance.Length)] : Banks[random.Next(Banks.Length)],
                    OpenedOn = opened,
                    Amount = amount,
                    Balance = closed ? 0m : Math.Round(amount * (decimal)share, 2),
                    Status = closed ? AccountStatus.Closed : AccountStatus.Active,
                    ScheduledPayment = closed ? 0m : payment,
                    StatusMonth = statusMonth,
                    RepaymentStatus24 = status,
                });
            }
        }

        var inquiries = new List<CreditInquiry>();
        var inquiryCount = profile switch { ReportProfile.Stretched => random.Next(5, 9), ReportProfile.Thin => random.Next(0, 2), _ => random.Next(0, 5) } + (int)Math.Round(strain * 1.5);
        for (var i = 0; i < inquiryCount; i++)
        {
            var reason = random.NextDouble() switch
            {
                < 0.5 => InquiryReason.LoanApproval,
                < 0.75 => InquiryReason.CardApproval,
                < 0.9 => InquiryReason.PostLoanManagement,
                < 0.95 => InquiryReason.GuaranteeCheck,
                _ => InquiryReason.SelfQuery,
            };
            var within = profile == ReportProfile.Stretched || strain > 1 ? 120 : 365;
            inquiries.Add(new CreditInquiry { Date = today.AddDays(-random.Next(1, within)), Reason = reason, Institution = Banks[random.Next(Banks.Length)] });
        }

        var publicRecords = new List<PublicRecord>();
        if ((profile == ReportProfile.Serious && random.NextDouble() < 0.4) || (profile is ReportProfile.Minor && random.NextDouble() < 0.02))
        {
            publicRecords.Add(new PublicRecord
            {
                Kind = random.NextDouble() < 0.5 ? "civil-judgment" : "enforcement",
                Date = today.AddDays(-random.Next(60, 900)),
                Amount = random.Next(1, 50) * 1_000m,
                Status = random.NextDouble() < 0.5 ? "open" : "settled",
            });
        }

        return new CreditReport
        {
            ReportId = reportId,
            ReportDate = today,
            Identity = new ReportIdentity { Name = name, NationalId = nationalId },
            Summary = new ReportSummary { LoanAccounts = loans, CardAccounts = cards, AccountsEverOverdue = everOverdue, FirstAccountMonth = firstMonth },
            Accounts = accounts,
            Inquiries = inquiries,
            PublicRecords = publicRecords,
        };
    }

    /// <summary>The 24 months up to <paramref name="statusMonth"/>, oldest first; "/" before the account opened.</summary>
    private static string Status24(Random random, ReportProfile profile, bool lateAccount, DateOnly opened, DateOnly statusMonth, bool closed)
    {
        var months = new char[24];
        for (var i = 0; i < 24; i++)
        {
            var month = statusMonth.AddMonths(i - 23);
            months[i] = month < new DateOnly(opened.Year, opened.Month, 1) ? '/' : 'N';
        }

        if (closed)
        {
            months[23] = 'C';
        }

        if (!lateAccount)
        {
            return new string(months);
        }

        void Late(int at, string run)
        {
            for (var k = 0; k < run.Length && at + k < 24; k++)
            {
                if (months[at + k] == 'N')
                {
                    months[at + k] = run[k];
                }
            }
        }

        switch (profile)
        {
            case ReportProfile.Minor:
                Late(random.Next(0, 22), "1");
                break;
            case ReportProfile.Moderate:
            case ReportProfile.Stretched:
                Late(random.Next(0, 20), "12");
                break;
            case ReportProfile.Serious:
                Late(random.Next(0, 18), "1234");
                break;
            case ReportProfile.Recent90Plus:
                Late(18, "1234");
                break;
        }

        return new string(months);
    }
}

/// <summary>The kind of history a synthetic report tells.</summary>
public enum ReportProfile
{
    NoHit,
    Thin,
    Clean,
    Minor,
    Moderate,
    Serious,
    Recent90Plus,
    Stretched,
}

/// <summary>
/// How a synthetic report leans: <see cref="Modest"/> keeps to a few accounts, loans repaid and small card limits (the
/// simulator's sandbox people, so a test reads its scenario and not a debt side effect); <see cref="Strain"/> (0–3) raises card use and
/// recent inquiries; <see cref="AmountScale"/> scales amounts and limits with the person's means.
/// </summary>
public sealed record ReportTraits(bool Modest = false, double Strain = 0, decimal AmountScale = 1m)
{
    public static ReportTraits Typical { get; } = new();
}
