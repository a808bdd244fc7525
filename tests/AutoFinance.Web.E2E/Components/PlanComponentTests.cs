using AutoFinance.Application.Origination;
using AutoFinance.Domain.Disclosure;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Components.Calculator;
using AutoFinance.Web.Components.Charts;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Shared;
using Bunit;

namespace AutoFinance.Web.E2E.Components;

/// <summary>The calculator and chart components show the engine's figures unchanged, to the cent.</summary>
public sealed class PlanComponentTests : BunitContext
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly ProductSettings Product = DemoData.DefaultProduct();

    private static IReadOnlyList<PlanResult> Compute(params PlanInput[] plans)
    {
        var (results, errors) = PlanCalculator.Compute(
            new CalculatorInput(189_800m, 56_940m, VehicleCondition.New, VehicleEnergy.NewEnergy, "BYD", 2026, "B", plans), Product.Policy, Product.RateCard, Today);
        Assert.Empty(errors);
        return results;
    }

    /// <summary>The same plan built straight from the domain, without the calculator.</summary>
    private static RepaymentSchedule Engine(int term, RepaymentMethod method, decimal balloonPercent = 0m)
    {
        var plan = new FinancingRequest
        {
            VehiclePrice = 189_800m, DownPayment = 56_940m, TermMonths = term, Method = method, BalloonFraction = balloonPercent / 100m,
            Condition = VehicleCondition.New, Energy = VehicleEnergy.NewEnergy, Make = "BYD", VehicleYear = 2026,
            BirthDate = new DateOnly(1990, 1, 1), MonthlyIncome = 30_000m, ApplicationDate = Today,
        };
        var rate = Pricing.Price("B", plan, Product.RateCard, Today)!.AnnualRate;
        return ScheduleBuilder.Build(plan.ToLoanTerms(rate, Today, Currency.Cny));
    }

    [Fact]
    public void Comparison_figures_equal_the_engines_schedule_to_the_cent()
    {
        var results = Compute(new(24, RepaymentMethod.Annuity, 0m, 0m), new(36, RepaymentMethod.EqualPrincipal, 0m, 0m), new(48, RepaymentMethod.Balloon, 30m, 0m));
        var cut = Render<PlanComparison>(p => p.Add(c => c.Plans, results).Add(c => c.L, UiLanguage.En));

        var engines = new[] { Engine(24, RepaymentMethod.Annuity), Engine(36, RepaymentMethod.EqualPrincipal), Engine(48, RepaymentMethod.Balloon, 30m) };
        for (var i = 0; i < engines.Length; i++)
        {
            var schedule = engines[i];
            var disclosure = DisclosureBuilder.Build(schedule);
            var n = i + 1;
            Assert.Equal(Fmt.Money(schedule.Terms.LoanPrincipal), cut.Find($"[data-testid=plan-{n}-principal]").TextContent);
            Assert.Equal(Fmt.Money(disclosure.Payments.RegularAmount), cut.Find($"[data-testid=plan-{n}-payment]").TextContent);
            Assert.Equal($"{Fmt.Money(schedule.Installments[0].Payment)} / {Fmt.Money(schedule.Last.Payment)}", cut.Find($"[data-testid=plan-{n}-first-last]").TextContent);
            Assert.Equal(Fmt.Money(schedule.Totals.Interest), cut.Find($"[data-testid=plan-{n}-interest]").TextContent);
            Assert.Equal(Fmt.Money(schedule.Totals.Fees), cut.Find($"[data-testid=plan-{n}-fees]").TextContent);
            Assert.Equal(Fmt.Money(schedule.Totals.Payment), cut.Find($"[data-testid=plan-{n}-repayable]").TextContent);
            Assert.Equal(Fmt.Percent(disclosure.AnnualisedRates.AprPercent), cut.Find($"[data-testid=plan-{n}-apr]").TextContent);
        }

        // The 24-month BYD plan gets the sponsored 0% promotion, as an offer would.
        Assert.Contains("0.00%", cut.Find("[data-testid=plan-1-rate]").TextContent, StringComparison.Ordinal);
        Assert.Contains("BYD", cut.Find("[data-testid=plan-1-rate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calculator_refuses_a_flat_fee_above_the_legal_limit_as_the_loan_commands_do()
    {
        var (results, errors) = PlanCalculator.Compute(
            new CalculatorInput(189_800m, 56_940m, VehicleCondition.New, VehicleEnergy.NewEnergy, "BYD", 2026, "B", [new PlanInput(36, RepaymentMethod.FlatFee, 0m, 54.01m)]), Product.Policy, Product.RateCard, Today);

        Assert.Empty(results);
        var error = Assert.Single(errors);
        Assert.Equal(("p1f", FlatFeeLimit.AboveLimitCode), (error.Field, error.Code));
        Assert.Equal("36 个月的手续费最多为本金的 54%（每年 18%）：更高的费用会超过法院保护的年化 36%", UiLanguage.Zh.Problem(error));
        Assert.Single(Compute(new PlanInput(36, RepaymentMethod.FlatFee, 0m, 54m)));
    }

    [Fact]
    public void A_flat_fee_plan_shows_its_true_annual_rate_far_above_the_fee_rate()
    {
        var result = Compute(new PlanInput(36, RepaymentMethod.FlatFee, 0m, 8m))[0];
        var cut = Render<PlanComparison>(p => p.Add(c => c.Plans, [result]));

        Assert.Equal(Fmt.Money(result.Schedule.Totals.Fees), cut.Find("[data-testid=plan-1-fees]").TextContent);
        Assert.True(result.Disclosure.AnnualisedRates.AprPercent > 5m);
        Assert.Equal(Fmt.Percent(result.Disclosure.AnnualisedRates.AprPercent), cut.Find("[data-testid=plan-1-apr]").TextContent);
        Assert.Contains(cut.FindAll(".tag.warn"), t => t.TextContent.Length > 0);
    }

    [Fact]
    public void Schedule_table_rows_are_the_engines_rows()
    {
        var schedule = Engine(36, RepaymentMethod.EqualPrincipal);
        var cut = Render<ScheduleTable>(p => p.Add(c => c.Rows, ChartData.From(schedule.Installments)));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(schedule.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].QuerySelectorAll("td").Select(c => c.TextContent).ToArray();
            var r = schedule.Installments[i];
            Assert.Equal([r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Fmt.Date(r.DueDate), Fmt.Money(r.Payment), Fmt.Money(r.Principal), Fmt.Money(r.Interest), Fmt.Money(r.Balance)], cells);
        }
    }

    [Theory]
    [InlineData(RepaymentMethod.Annuity, 0)]
    [InlineData(RepaymentMethod.EqualPrincipal, 0)]
    [InlineData(RepaymentMethod.Balloon, 30)]
    public void Payment_bars_add_up_to_each_instalment_and_to_the_schedules_totals(RepaymentMethod method, int balloonPercent)
    {
        var schedule = Engine(48, method, balloonPercent);
        var cut = Render<PaymentsChart>(p => p.Add(c => c.Rows, ChartData.From(schedule.Installments)).Add(c => c.Balloon, schedule.Terms.BalloonAmount));

        var bars = cut.FindAll("g.bar");
        Assert.Equal(schedule.Count, bars.Count);
        decimal D(AngleSharp.Dom.IElement e, string name) => decimal.Parse(e.GetAttribute("data-" + name)!, System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.Equal(schedule.Installments[i].Payment, D(bars[i], "principal") + D(bars[i], "interest") + D(bars[i], "fee") + D(bars[i], "balloon"));
        }

        Assert.Equal(schedule.Totals.Principal, bars.Sum(b => D(b, "principal") + D(b, "balloon")));
        Assert.Equal(schedule.Totals.Interest, bars.Sum(b => D(b, "interest")));
        Assert.Equal(schedule.Terms.BalloonAmount, bars.Sum(b => D(b, "balloon")));
    }

    [Fact]
    public void The_balance_line_follows_the_schedules_balances()
    {
        var schedule = Engine(60, RepaymentMethod.Annuity);
        var cut = Render<BalanceChart>(p => p.Add(c => c.Rows, ChartData.From(schedule.Installments)));

        var balances = cut.Find("polyline.balance-line").GetAttribute("data-balances")!.Split(' ')
            .Select(b => decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(schedule.Installments.Select(r => r.Balance), balances);
        Assert.Equal(0m, balances[^1]);
    }
}
