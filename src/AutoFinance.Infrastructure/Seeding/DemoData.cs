using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Seeding;

/// <summary>
/// Demo data for a first run, written through the real decision so every figure is the engine's: a product with a
/// manufacturer promotion, dealers with API keys and verified settlement accounts, a demo account in every role, and applications in every state —
/// approved, referred, declined, accepted and disbursed. Runs only on an empty database. All people are made up.
/// </summary>
public sealed class DemoData(AutoFinanceDbContext db, DecisionService decisions, OriginationCommands commands, AccountNames names, PasswordHashing passwords, IServiceProvider services, TimeProvider time)
{
    public const string DealerKey = "demo-dealer-key";
    public const string SecondDealerKey = "demo-dealer-2-key";
    public const string FirstDealerEmail = "finance@bj-automall.example";
    public const string SecondDealerEmail = "payouts@shanghai-motors.example";
    public const string Password = "demo-password-2026";

    public static readonly (string UserName, string Role, string DisplayName)[] StaffAccounts =
    [
        ("admin", Roles.Admin, "周敏"),
        ("underwriter", Roles.Underwriter, "陈静"),
        ("analyst", Roles.RiskAnalyst, "刘洋"),
        ("manager", Roles.Manager, "黄强"),
        ("collector", Roles.Collector, "赵磊"),
        ("agent", Roles.ServiceAgent, "孙丽"),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Dealers.AnyAsync(ct).ConfigureAwait(false))
        {
            return;
        }

        var now = time.GetUtcNow();
        var productId = Guid.CreateVersion7(now);
        db.Products.Add(ProductCatalog.ToRow(DefaultProduct(), productId));
        db.ProductVersions.Add(ProductCatalog.ToVersionRow(DefaultProduct(), productId, now, "seed", null, "the demo product as first configured"));
        var dealer = AccountService.NewDealer("DLR-001", "Beijing Auto Mall", "Beijing", DealerKey, now);
        var second = AccountService.NewDealer("DLR-002", "Shanghai Motors", "Shanghai", SecondDealerKey, now);
        // One dealer's finance desk reads Chinese, the other English, so the demo shows a payout notice in each.
        (dealer.Email, dealer.Language) = (FirstDealerEmail, "zh-CN");
        (second.Email, second.Language) = (SecondDealerEmail, "en");
        db.Dealers.AddRange(dealer, second);
        foreach (var (userName, role, displayName) in StaffAccounts)
        {
            db.Users.Add(User(userName, role, displayName, now));
        }

        var desk = User("dealer", Roles.Dealer, "Beijing Auto Mall desk", now);
        desk.DealerId = dealer.Id;
        db.Users.Add(desk);
        var liNa = User("13800138000", Roles.Customer, "Li Na", now);
        var wangWei = User("13900139000", Roles.Customer, "Wang Wei", now);
        db.Users.AddRange(liNa, wangWei);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        await new DemoFunding(services, time).SeedSettlementAccountsAsync(ct).ConfigureAwait(false);

        var dealerActor = new Actor(Roles.Dealer, null, dealer.Id, null, dealer.Name);
        var secondActor = new Actor(Roles.Dealer, null, second.Id, null, second.Name);
        var underwriterHash = names.LookupHash("underwriter");
        var underwriter = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == underwriterHash, ct).ConfigureAwait(false);
        var underwriterActor = new Actor(Roles.Underwriter, underwriter.Id, null, null, names.DisplayName(underwriter));

        // Li Na: approved online, accepted, funded through the checklist and booked on the payout's confirmation.
        var funded = await Submit(new Actor(Roles.Customer, liNa.Id, null, null, names.DisplayName(liNa)), Prime("Li Na", "13800138000", new DateOnly(1988, 3, 14), 11, "online"), ct).ConfigureAwait(false);
        await AcceptAndMaybeDisburse(new Actor(Roles.Customer, liNa.Id, null, await CustomerOf(liNa.Id, ct).ConfigureAwait(false), names.DisplayName(liNa)), funded, disburse: true, underwriterActor, ct).ConfigureAwait(false);

        // Wang Wei: approved online and accepted, not yet disbursed.
        var signed = await Submit(new Actor(Roles.Customer, wangWei.Id, null, null, names.DisplayName(wangWei)), Prime("Wang Wei", "13900139000", new DateOnly(1991, 7, 2), 21, "online") with { Vehicle = NewEnergyCar(2) }, ct).ConfigureAwait(false);
        await AcceptAndMaybeDisburse(new Actor(Roles.Customer, wangWei.Id, null, await CustomerOf(wangWei.Id, ct).ConfigureAwait(false), names.DisplayName(wangWei)), signed, disburse: false, underwriterActor, ct).ConfigureAwait(false);

        // Dealer buyers: approved, referred (grade), referred (implausible income), declined (grade), declined (term cap).
        await Submit(dealerActor, Prime("Zhang Min", "13700137001", new DateOnly(1985, 11, 30), 31, "dealer") with { Vehicle = NewEnergyCar(3) }, ct).ConfigureAwait(false);
        await Submit(dealerActor, NearPrime("Liu Yang", "13700137002", new DateOnly(1993, 5, 9), 41), ct).ConfigureAwait(false);
        await Submit(dealerActor, Prime("Gao Jie", "13700137003", new DateOnly(1979, 1, 23), 51, "dealer") with
        {
            Applicant = Prime("Gao Jie", "13700137003", new DateOnly(1979, 1, 23), 51, "dealer").Applicant! with { EmploymentType = "retired", MonthlyIncome = 90_000m },
            Vehicle = ConventionalCar(4),
        }, ct).ConfigureAwait(false);
        await Submit(dealerActor, Subprime("Ma Qiang", "13700137004", new DateOnly(1997, 9, 17), 61), ct).ConfigureAwait(false);
        await Submit(secondActor, Prime("He Ping", "13600136005", new DateOnly(1983, 4, 4), 71, "dealer") with { Vehicle = UsedCar(5), TermMonths = 48 }, ct).ConfigureAwait(false);
        await Submit(secondActor, Prime("Xu Lan", "13600136006", new DateOnly(1990, 12, 12), 81, "dealer") with { Vehicle = NewEnergyCar(6) }, ct).ConfigureAwait(false);
    }

    public static ProductSettings DefaultProduct() => new(
        "car-loan",
        "Car loan",
        ProductPolicy.Default,
        RateCard.Default with
        {
            Promotions =
            [
                new Promotion
                {
                    Code = "byd-nev-0",
                    Name = "BYD new-energy 0% for 24 months",
                    Sponsor = "BYD Auto Finance support",
                    AnnualRate = 0m,
                    MaxTermMonths = 24,
                    Make = "BYD",
                    Energy = VehicleEnergy.NewEnergy,
                    Condition = VehicleCondition.New,
                },
            ],
        },
        DecisionRules.Default);

    private UserRow User(string userName, string role, string displayName, DateTimeOffset now) =>
        names.NewUser(Guid.CreateVersion7(now), userName, passwords.Hash(Password), role, displayName, now);

    private async Task<Guid?> CustomerOf(Guid userId, CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CustomerId).FirstAsync(ct).ConfigureAwait(false);

    private async Task<DecisionResponse?> Submit(Actor actor, ApplicationRequest request, CancellationToken ct)
    {
        var result = await decisions.SubmitAsync(request, new SubmissionContext(actor, null, null, Guid.NewGuid().ToString()), ct).ConfigureAwait(false);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("demo application invalid: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        return result.Response;
    }

    private async Task AcceptAndMaybeDisburse(Actor customer, DecisionResponse? decision, bool disburse, Actor underwriter, CancellationToken ct)
    {
        if (decision is not { Approved: true, Offers.Count: > 0 })
        {
            return;
        }

        var accepted = await commands.AcceptAsync(customer, decision.ApplicationId, decision.Offers[0].OfferId, CustomerSignature.Demo, ct).ConfigureAwait(false);
        if (disburse && accepted.Value is { } contract)
        {
            await new DemoFunding(services, time).BookAsync(underwriter, contract.ContractId, ct).ConfigureAwait(false);
        }
    }

    internal static ApplicationRequest Prime(string name, string mobile, DateOnly birth, int sequence, string channel) => new()
    {
        Channel = channel,
        Language = "zh-CN",
        Applicant = new ApplicantInput
        {
            FullName = name,
            NationalId = DemoIdentities.NationalId(DemoIdentities.SandboxRegion, birth, sequence),
            DateOfBirth = birth,
            Mobile = mobile,
            Email = null,
            EmploymentType = "salaried",
            EmployerName = "Demo Technology Co.",
            YearsEmployed = 8,
            MonthlyIncome = 32_000m,
            MonthlyDebtPayments = 1_500m,
            Housing = "own",
            YearsAtAddress = 6,
        },
        CreditCheck = new CreditCheckConsent { Agreed = true, TextVersion = AutoFinance.Application.Verification.CreditCheckText.CurrentVersion },
        Vehicle = ConventionalCar(1),
        DownPayment = 60_000m,
        TermMonths = 36,
        RepaymentMethod = "annuity",
    };

    private static ApplicationRequest NearPrime(string name, string mobile, DateOnly birth, int sequence) => Prime(name, mobile, birth, sequence, "dealer") with
    {
        Applicant = Prime(name, mobile, birth, sequence, "dealer").Applicant! with
        {
            NationalId = DemoIdentities.NationalId(DemoIdentities.StretchedRegion, birth, sequence), MonthlyIncome = 20_000m, MonthlyDebtPayments = 2_000m, EmploymentType = "self-employed", Housing = "rent", YearsEmployed = 2,
        },
        Vehicle = ConventionalCar(7),
        DownPayment = 40_000m,
        TermMonths = 48,
    };

    private static ApplicationRequest Subprime(string name, string mobile, DateOnly birth, int sequence) => Prime(name, mobile, birth, sequence, "dealer") with
    {
        Applicant = Prime(name, mobile, birth, sequence, "dealer").Applicant! with
        {
            NationalId = DemoIdentities.NationalId(DemoIdentities.RecentSeriousRegion, birth, sequence), MonthlyIncome = 9_000m, MonthlyDebtPayments = 4_000m, EmploymentType = "other", Housing = "rent", YearsEmployed = 1,
        },
        Vehicle = ConventionalCar(8),
        DownPayment = 30_000m,
        TermMonths = 60,
    };

    internal static VehicleInput ConventionalCar(int serial) => new()
    {
        Vin = DemoIdentities.Vin("LFV2A21K", 'S', "3" + serial.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)),
        Condition = "new",
        Energy = "conventional",
        Make = "Volkswagen",
        Model = "Sagitar",
        Year = 2026,
        MileageKm = 10,
        Price = 168_000m,
    };

    private static VehicleInput NewEnergyCar(int serial) => new()
    {
        Vin = DemoIdentities.Vin("LGXCE4CB", 'S', "0" + serial.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)),
        Condition = "new",
        Energy = "new-energy",
        Make = "BYD",
        Model = "Seal",
        Year = 2026,
        MileageKm = 5,
        Price = 189_800m,
    };

    private static VehicleInput UsedCar(int serial) => new()
    {
        Vin = DemoIdentities.Vin("LSVAU033", 'M', "2" + serial.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)),
        Condition = "used",
        Energy = "conventional",
        Make = "Toyota",
        Model = "Camry",
        Year = 2021,
        MileageKm = 62_000,
        Price = 120_000m,
    };
}
