using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using static AutoFinance.Domain.Tests.Origination.Applications;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class PolicyEvaluatorTests
{
    private static readonly ProductPolicy Policy = ProductPolicy.Default;

    private static RuleOutcome Check(FinancingRequest request, string code, decimal? payment = null) =>
        Outcome(PolicyEvaluator.Evaluate(request, Policy, payment, Start), code);

    [Fact]
    public void Outcomes_come_one_per_rule_in_the_documented_order()
    {
        var outcomes = PolicyEvaluator.Evaluate(Typical(), Policy, 4_000m, Start);

        Assert.Equal(ReasonCodes.PolicyRules, outcomes.Select(o => o.Code));
        Assert.All(outcomes, o => Assert.True(o.Passed, o.Detail));
        Assert.True(PolicyEvaluator.Passes(Typical(), Policy, 4_000m, Start));
    }

    [Theory]
    [InlineData(VehicleCondition.New, VehicleEnergy.Conventional, 20_000.00, true, "new-conventional")]
    [InlineData(VehicleCondition.New, VehicleEnergy.Conventional, 19_999.99, false, "new-conventional")]
    [InlineData(VehicleCondition.New, VehicleEnergy.NewEnergy, 15_000.00, true, "new-energy")]
    [InlineData(VehicleCondition.New, VehicleEnergy.NewEnergy, 14_999.99, false, "new-energy")]
    [InlineData(VehicleCondition.Used, VehicleEnergy.Conventional, 30_000.00, true, "used")]
    [InlineData(VehicleCondition.Used, VehicleEnergy.NewEnergy, 29_999.99, false, "used")]
    public void Ltv_exactly_at_the_category_cap_passes_and_a_cent_above_fails(VehicleCondition condition, VehicleEnergy energy, double downPayment, bool passes, string category)
    {
        var request = Typical() with { VehiclePrice = 100_000m, DownPayment = (decimal)downPayment, Condition = condition, Energy = energy, VehicleYear = 2024 };

        var ltv = Check(request, ReasonCodes.LtvCap);

        Assert.Equal(passes, ltv.Passed);
        Assert.Equal(RuleEffect.CounterOffer, ltv.OnFailure);
        Assert.Equal(category, ltv.Values["category"]);
        Assert.Equal(passes, PolicyEvaluator.Passes(request, Policy, null, Start));
    }

    [Fact]
    public void A_cent_over_the_cap_shows_a_ratio_above_the_cap_not_rounded_onto_it()
    {
        var ltv = Check(Typical() with { VehiclePrice = 100_000m, DownPayment = 19_999.99m }, ReasonCodes.LtvCap);

        Assert.Equal("0.8001", ltv.Values["actual"]);
        Assert.Equal("0.8000", ltv.Values["limit"]);
        Assert.Equal("80000.01", ltv.Values["loanAmount"]);
        Assert.Equal("80000.00", ltv.Values["maxLoanAmount"]);
    }

    [Theory]
    [InlineData(VehicleCondition.Used, 36, true)]
    [InlineData(VehicleCondition.Used, 37, false)]
    [InlineData(VehicleCondition.Used, 48, false)]
    [InlineData(VehicleCondition.New, 60, true)]
    [InlineData(VehicleCondition.New, 61, false)]
    public void Term_is_capped_by_the_vehicle_condition(VehicleCondition condition, int term, bool passes)
    {
        var request = Typical() with { Condition = condition, TermMonths = term, DownPayment = 80_000m, VehicleYear = 2022 };

        Assert.Equal(passes, Check(request, ReasonCodes.TermCap).Passed);
    }

    [Fact]
    public void A_term_the_product_is_not_sold_in_fails_even_within_the_cap()
    {
        var outcomes = PolicyEvaluator.Evaluate(Typical() with { TermMonths = 30 }, Policy, 4_000m, Start);

        Assert.True(Outcome(outcomes, ReasonCodes.TermCap).Passed);
        Assert.False(Outcome(outcomes, ReasonCodes.TermAllowed).Passed);
        Assert.Equal("12,24,36,48,60", Outcome(outcomes, ReasonCodes.TermAllowed).Values["allowed"]);
    }

    [Theory]
    [InlineData("2008-03-10", true)]   // 18th birthday on the application date
    [InlineData("2008-03-11", false)]  // turns 18 the day after
    public void Minimum_age_is_met_on_the_eighteenth_birthday(string birthDate, bool passes)
    {
        var age = Check(Typical() with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) }, ReasonCodes.MinAge);

        Assert.Equal(passes, age.Passed);
        Assert.Equal(RuleEffect.Decline, age.OnFailure);
    }

    [Theory]
    [InlineData("1964-03-10", 65, true)]   // turns 65 on the last due date, 2029-03-10
    [InlineData("1964-03-11", 64, true)]
    [InlineData("1963-03-11", 65, true)]   // turns 66 the day after the last due date
    [InlineData("1963-03-10", 66, false)]  // turns 66 on the last due date
    public void Age_on_the_last_due_date_may_be_65_but_not_66(string birthDate, int ageAtMaturity, bool passes)
    {
        var outcome = Check(Typical() with { BirthDate = DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture) }, ReasonCodes.MaxAgeAtMaturity);

        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(ageAtMaturity.ToString(System.Globalization.CultureInfo.InvariantCulture), outcome.Values["age"]);
        Assert.Equal("2029-03-10", outcome.Values["maturityDate"]);
    }

    [Fact]
    public void The_last_due_date_follows_the_start_date_not_the_application_date()
    {
        var request = Typical() with { BirthDate = new DateOnly(1963, 4, 10) };

        Assert.True(Outcome(PolicyEvaluator.Evaluate(request, Policy, null, Start), ReasonCodes.MaxAgeAtMaturity).Passed);
        Assert.False(Outcome(PolicyEvaluator.Evaluate(request, Policy, null, new DateOnly(2026, 4, 10)), ReasonCodes.MaxAgeAtMaturity).Passed);
    }

    [Fact]
    public void A_leap_day_birthday_completes_a_year_on_the_first_of_march()
    {
        var born = new DateOnly(2008, 2, 29);

        Assert.Equal(17, Age.InYears(born, new DateOnly(2026, 2, 28)));
        Assert.Equal(18, Age.InYears(born, new DateOnly(2026, 3, 1)));
        Assert.Equal(20, Age.InYears(born, new DateOnly(2028, 2, 29)));
    }

    [Theory]
    [InlineData(10_000.00, true)]
    [InlineData(9_999.99, false)]
    [InlineData(2_000_000.00, true)]
    [InlineData(2_000_000.01, false)]
    public void Loan_amount_must_be_within_the_product_range(double loan, bool passes)
    {
        var price = 3_000_000m;
        var outcome = Check(Typical() with { VehiclePrice = price, DownPayment = price - (decimal)loan }, ReasonCodes.LoanAmount);

        Assert.Equal(passes, outcome.Passed);
    }

    [Theory]
    [InlineData(5_000.00, true)]
    [InlineData(5_000.01, false)]
    public void Payment_may_take_exactly_half_of_income_but_not_a_cent_more(double payment, bool passes)
    {
        var request = Typical() with { MonthlyIncome = 10_000m, MonthlyDebtPayments = 0m };

        var pti = Check(request, ReasonCodes.PaymentToIncome, (decimal)payment);

        Assert.Equal(passes, pti.Passed);
        Assert.Equal(passes ? "0.5000" : "0.5001", pti.Values["actual"]);
        Assert.Equal("0.5000", pti.Values["limit"]);
    }

    [Theory]
    [InlineData(1_000.00, true)]
    [InlineData(1_000.01, false)]
    public void Existing_debts_plus_the_payment_may_take_sixty_percent_of_income(double debts, bool passes)
    {
        var request = Typical() with { MonthlyIncome = 10_000m, MonthlyDebtPayments = (decimal)debts };
        var outcomes = PolicyEvaluator.Evaluate(request, Policy, 5_000m, Start);

        Assert.True(Outcome(outcomes, ReasonCodes.PaymentToIncome).Passed);
        Assert.Equal(passes, Outcome(outcomes, ReasonCodes.DebtToIncome).Passed);
    }

    [Fact]
    public void Without_a_payment_pti_and_dti_are_reported_as_not_evaluated()
    {
        var outcomes = PolicyEvaluator.Evaluate(Typical(), Policy, null, Start);

        foreach (var code in new[] { ReasonCodes.PaymentToIncome, ReasonCodes.DebtToIncome })
        {
            Assert.False(Outcome(outcomes, code).Evaluated);
            Assert.True(Outcome(outcomes, code).Passed);
        }

        Assert.All(outcomes.Where(o => o.Code is not ReasonCodes.PaymentToIncome and not ReasonCodes.DebtToIncome), o => Assert.True(o.Evaluated));
    }

    [Fact]
    public void With_no_income_no_payment_is_affordable()
    {
        var pti = Check(Typical() with { MonthlyIncome = 0m }, ReasonCodes.PaymentToIncome, 100m);

        Assert.False(pti.Passed);
        Assert.False(pti.Values.ContainsKey("actual"));
    }

    [Theory]
    [InlineData(2019, true)]   // 10 years old in 2029
    [InlineData(2018, false)]  // 11 years old in 2029
    public void A_used_car_may_be_at_most_ten_years_old_when_the_loan_ends(int vehicleYear, bool passes)
    {
        var request = Typical() with { Condition = VehicleCondition.Used, VehicleYear = vehicleYear, DownPayment = 80_000m };

        var outcome = Check(request, ReasonCodes.VehicleAgeAtMaturity);

        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(passes ? "10" : "11", outcome.Values["age"]);
    }

    [Fact]
    public void A_method_the_product_does_not_offer_fails()
    {
        Assert.False(Check(Typical() with { Method = RepaymentMethod.InterestOnly }, ReasonCodes.MethodAllowed).Passed);
        Assert.True(Check(Typical() with { Method = RepaymentMethod.Balloon, BalloonFraction = 0.3m }, ReasonCodes.MethodAllowed).Passed);
    }

    [Fact]
    public void A_product_for_new_cars_declines_a_used_one()
    {
        var newOnly = Policy with { Conditions = [VehicleCondition.New] };
        var request = Typical() with { Condition = VehicleCondition.Used, DownPayment = 80_000m, VehicleYear = 2022 };

        var outcome = Outcome(PolicyEvaluator.Evaluate(request, newOnly, 4_000m, Start), ReasonCodes.ProductCondition);

        Assert.False(outcome.Passed);
        Assert.Equal(RuleEffect.Decline, outcome.OnFailure);
        Assert.False(PolicyEvaluator.Passes(request, newOnly, 4_000m, Start));
    }

    [Fact]
    public void Every_threshold_comes_from_the_policy()
    {
        var strict = Policy with { LtvCapNewConventional = 0.5m, MaxTermNewMonths = 24, MinAge = 40, MaxPaymentToIncome = 0.1m };
        var outcomes = PolicyEvaluator.Evaluate(Typical(), strict, 4_000m, Start);

        Assert.Equal(
            [ReasonCodes.MinAge, ReasonCodes.TermCap, ReasonCodes.LtvCap, ReasonCodes.PaymentToIncome],
            outcomes.Where(o => !o.Passed).Select(o => o.Code));
    }

    [Fact]
    public void An_invalid_request_is_a_programming_error()
    {
        var error = Assert.Throws<ArgumentException>(() => PolicyEvaluator.Evaluate(Typical() with { DownPayment = 250_000m }, Policy));
        Assert.Contains("downPayment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_validation_names_every_problem()
    {
        var errors = (Typical() with { VehiclePrice = 0m, TermMonths = 0, BalloonFraction = 0.2m, MonthlyIncome = -1m }).Validate(Policy.Currency);

        Assert.Equal(["vehiclePrice", "downPayment", "termMonths", "balloonFraction", "monthlyIncome"], errors.Select(e => e.Field));
    }
}
