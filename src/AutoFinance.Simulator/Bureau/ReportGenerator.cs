using System.Security.Cryptography;
using System.Text;

namespace AutoFinance.Simulator.Bureau;

/// <summary>
/// Deterministic credit reports: the same national ID gives the same report on the same day. Proportions follow the
/// shape of a car-loan applicant population: about 6% no hit, 10% thin files (one young account), and among the rest
/// about 70% clean histories, 18% with a 1–30 day late or two, 8% with 31–90 day lates and 4% with a 90+ days
/// delinquency somewhere in the last two years; utilisation, inquiries and public records vary with the same draw.
/// </summary>
public static class ReportGenerator
{
    private static readonly string[] Banks = ["中国工商银行", "中国建设银行", "招商银行", "平安银行", "中国银行", "交通银行", "兴业银行", "浦发银行"];
    private static readonly string[] Finance = ["上汽通用汽车金融", "大众汽车金融（中国）", "平安消费金融", "招联消费金融", "宝马汽车金融（中国）"];

    public static object? Generate(string idNumber, string name, DateOnly today)
    {
        var region = Scenarios.Region(idNumber);
        var random = new Random(Seed(idNumber));
        var statusMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var profile = region switch
        {
            Scenarios.NoHit => Profile.NoHit,
            Scenarios.Clean or Scenarios.MobileNotTheirs => Profile.Clean,
            Scenarios.Recent90Plus => Profile.Recent90Plus,
            Scenarios.ThinFile => Profile.Thin,
            Scenarios.Stretched => Profile.Stretched,
            _ => Draw(random),
        };
        if (profile == Profile.NoHit)
        {
            return null;
        }

        // The sandbox people (99xxxx) keep small obligations: their loans are repaid and their cards little used,
        // so what a test reads is the scenario, not a debt-to-income side effect.
        var modest = region.StartsWith("99", StringComparison.Ordinal) && profile != Profile.Stretched;
        var accounts = new List<object>();
        var accountCount = profile == Profile.Thin ? 1 : random.Next(2, 8);
        var oldestYears = profile == Profile.Thin ? 0 : random.Next(2, 15);
        var lateAccount = random.Next(accountCount);
        var everOverdue = 0;
        var loans = 0;
        var cards = 0;
        string? firstMonth = null;
        for (var i = 0; i < accountCount; i++)
        {
            var card = profile == Profile.Thin || i % 2 == 1 || random.NextDouble() < 0.3;
            var opened = profile == Profile.Thin
                ? today.AddMonths(-random.Next(2, 6)).AddDays(-random.Next(0, 28))
                : today.AddMonths(-(i == 0 ? oldestYears * 12 + random.Next(0, 12) : random.Next(3, Math.Max(4, oldestYears * 12))));
            var closed = !card && (modest || random.NextDouble() < 0.25);
            var status = Status24(random, profile, i == lateAccount, opened, statusMonth, closed);
            if (status.Any(c => c is >= '1' and <= '7'))
            {
                everOverdue++;
            }

            if (firstMonth is null || string.CompareOrdinal(opened.ToString("yyyy-MM"), firstMonth) < 0)
            {
                firstMonth = opened.ToString("yyyy-MM");
            }

            if (card)
            {
                cards++;
                var limit = modest ? random.Next(2, 7) * 5_000m : random.Next(1, 21) * 5_000m;
                var utilisation = profile == Profile.Stretched ? 0.75 + (random.NextDouble() * 0.25) : random.NextDouble() * (modest ? 0.2 : 0.6);
                var balance = Math.Round(limit * (decimal)utilisation, 2);
                accounts.Add(new
                {
                    accountId = $"C{i + 1:00}",
                    kind = "revolving",
                    purpose = "card",
                    institution = Banks[random.Next(Banks.Length)],
                    openedOn = opened,
                    amount = limit,
                    balance,
                    status = "active",
                    scheduledPayment = Math.Round(balance / 10m, 2),
                    statusMonth,
                    repaymentStatus24 = status,
                });
            }
            else
            {
                loans++;
                var purpose = random.NextDouble() switch { < 0.35 => "auto", < 0.6 => "mortgage", < 0.9 => "consumer", _ => "business" };
                var amount = purpose switch { "mortgage" => random.Next(50, 400) * 10_000m, "auto" => random.Next(5, 30) * 10_000m, _ => random.Next(1, 20) * 10_000m };
                var termMonths = purpose == "mortgage" ? 240 : 36;
                var payment = Math.Round(amount / termMonths * 1.2m, 2);
                accounts.Add(new
                {
                    accountId = $"L{i + 1:00}",
                    kind = "loan",
                    purpose,
                    institution = purpose == "auto" ? Finance[random.Next(Finance.Length)] : Banks[random.Next(Banks.Length)],
                    openedOn = opened,
                    amount,
                    balance = closed ? 0m : Math.Round(amount * (decimal)(0.2 + (random.NextDouble() * 0.7)), 2),
                    status = closed ? "closed" : "active",
                    scheduledPayment = closed ? 0m : payment,
                    statusMonth,
                    repaymentStatus24 = status,
                });
            }
        }

        var inquiries = new List<object>();
        var inquiryCount = profile switch { Profile.Stretched => random.Next(5, 9), Profile.Thin => random.Next(0, 2), _ => random.Next(0, 5) };
        for (var i = 0; i < inquiryCount; i++)
        {
            var reason = random.NextDouble() switch { < 0.5 => "loan-approval", < 0.75 => "card-approval", < 0.9 => "post-loan-management", < 0.95 => "guarantee-check", _ => "self-query" };
            inquiries.Add(new { date = today.AddDays(-random.Next(1, profile == Profile.Stretched ? 120 : 365)), reason, institution = Banks[random.Next(Banks.Length)] });
        }

        var publicRecords = new List<object>();
        if ((profile == Profile.Serious && random.NextDouble() < 0.4) || (profile is Profile.Minor && random.NextDouble() < 0.02))
        {
            publicRecords.Add(new { kind = random.NextDouble() < 0.5 ? "civil-judgment" : "enforcement", date = today.AddDays(-random.Next(60, 900)), amount = random.Next(1, 50) * 1_000m, status = random.NextDouble() < 0.5 ? "open" : "settled" });
        }

        return new
        {
            reportId = $"SIM{today:yyyyMMdd}{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idNumber)))[..12]}",
            reportDate = today,
            identity = new { name, nationalId = idNumber, employer = (string?)null, address = (string?)null },
            summary = new
            {
                loanAccounts = loans,
                cardAccounts = cards,
                accountsEverOverdue = everOverdue,
                firstAccountMonth = firstMonth,
            },
            accounts,
            inquiries,
            publicRecords,
        };
    }

    private enum Profile
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

    private static Profile Draw(Random random) => random.NextDouble() switch
    {
        < 0.06 => Profile.NoHit,
        < 0.16 => Profile.Thin,
        < 0.79 => Profile.Clean,
        < 0.95 => Profile.Minor,
        < 0.985 => Profile.Moderate,
        _ => Profile.Serious,
    };

    /// <summary>The 24 months up to <paramref name="statusMonth"/>, oldest first; "/" before the account opened.</summary>
    private static string Status24(Random random, Profile profile, bool lateAccount, DateOnly opened, DateOnly statusMonth, bool closed)
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
            case Profile.Minor:
                Late(random.Next(0, 22), "1");
                break;
            case Profile.Moderate:
            case Profile.Stretched:
                Late(random.Next(0, 20), "12");
                break;
            case Profile.Serious:
                Late(random.Next(0, 18), "1234");
                break;
            case Profile.Recent90Plus:
                Late(18, "1234");
                break;
        }

        return new string(months);
    }

    private static int Seed(string idNumber) => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes("bureau:" + idNumber)), 0);
}
