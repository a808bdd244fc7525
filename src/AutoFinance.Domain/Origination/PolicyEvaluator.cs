using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// Applies a product's policy rules to a financing plan and records one outcome per rule, always in this order:
/// <list type="number">
/// <item><c>policy.min-age</c>: age at the application date ≥ <see cref="ProductPolicy.MinAge"/> (a hard rule).</item>
/// <item><c>policy.max-age-at-maturity</c>: age on the last due date ≤ <see cref="ProductPolicy.MaxAgeAtMaturity"/>.</item>
/// <item><c>policy.term-cap</c>: term ≤ the cap for the vehicle's condition.</item>
/// <item><c>policy.ltv-cap</c>: loan amount ≤ cap × vehicle price for the vehicle's category (exactly: a loan at the cap passes, a cent above fails).</item>
/// <item><c>policy.loan-amount</c>: minimum ≤ loan amount ≤ maximum.</item>
/// <item><c>policy.pti</c>: monthly payment ≤ limit × monthly income.</item>
/// <item><c>policy.dti</c>: existing monthly debts + monthly payment ≤ limit × monthly income.</item>
/// <item><c>policy.vehicle-age-at-maturity</c>: the vehicle's age on the last due date ≤ the limit.</item>
/// <item><c>policy.term-allowed</c>: the term is one the product is sold in.</item>
/// <item><c>policy.method-allowed</c>: the repayment method is one the product offers.</item>
/// <item><c>policy.product-condition</c>: the product finances vehicles of this condition (a hard rule).</item>
/// </list>
/// Every rule but the two hard ones is about the plan and carries <see cref="RuleEffect.CounterOffer"/>: another
/// plan may pass it. Every comparison is exact, on the amounts, never on a rounded ratio.
/// </summary>
/// <remarks>
/// The last due date is the one of a schedule starting on the start date (the application date when none is given)
/// with the first instalment one month later (<see cref="FinancingRequest.MaturityDate"/>). The monthly payment
/// tested by PTI and DTI is the plan's assessed payment (<see cref="PlanPayments.Assessed"/>); without one, both
/// rules are reported as not evaluated (<see cref="RuleOutcome.Evaluated"/> false, counted as passed). With no
/// monthly income, no payment passes PTI or DTI.
/// </remarks>
public static class PolicyEvaluator
{
    public static IReadOnlyList<RuleOutcome> Evaluate(FinancingRequest request, ProductPolicy policy, decimal? monthlyPayment = null, DateOnly? startDate = null)
    {
        EnsureValid(request, policy);
        var currency = policy.Currency;
        var start = startDate ?? request.ApplicationDate;
        var maturity = request.MaturityDate(start);
        var category = request.Category;
        var outcomes = new RuleOutcome[ReasonCodes.PolicyRules.Count];
        var i = 0;

        var age = Age.InYears(request.BirthDate, request.ApplicationDate);
        outcomes[i++] = Outcome(ReasonCodes.MinAge, OldEnough(request, policy), RuleEffect.Decline, $"age {age}, minimum {policy.MinAge}",
            ("age", RuleValues.Number(age)), ("min", RuleValues.Number(policy.MinAge)));

        var ageAtMaturity = Age.InYears(request.BirthDate, maturity);
        var maturityDate = RuleValues.Date(maturity);
        outcomes[i++] = Outcome(ReasonCodes.MaxAgeAtMaturity, YoungEnoughAtMaturity(request, policy, maturity), RuleEffect.CounterOffer,
            $"age {ageAtMaturity} on {maturityDate}, limit {policy.MaxAgeAtMaturity}",
            ("age", RuleValues.Number(ageAtMaturity)), ("limit", RuleValues.Number(policy.MaxAgeAtMaturity)), ("maturityDate", maturityDate));

        var maxTerm = policy.MaxTermFor(request.Condition);
        outcomes[i++] = Outcome(ReasonCodes.TermCap, TermWithinCap(request, request.TermMonths, policy), RuleEffect.CounterOffer,
            $"term {request.TermMonths} months, cap {maxTerm} for {request.Condition.ToName()} cars",
            ("term", RuleValues.Number(request.TermMonths)), ("limit", RuleValues.Number(maxTerm)), ("condition", request.Condition.ToName()));

        var ltvPassed = LtvWithinCap(request, request.LoanAmount, policy);
        var cap = RuleValues.Limit(policy.LtvCapFor(category));
        var ltv = RuleValues.Ratio(request.Ltv, ltvPassed);
        var amount = RuleValues.Amount(request.LoanAmount, currency);
        outcomes[i++] = Outcome(ReasonCodes.LtvCap, ltvPassed, RuleEffect.CounterOffer, $"loan-to-value {ltv}, cap {cap} for {category.ToName()}",
            ("actual", ltv), ("limit", cap), ("category", category.ToName()),
            ("loanAmount", amount), ("maxLoanAmount", RuleValues.Amount(policy.MaxLoanByLtv(category, request.VehiclePrice), currency)),
            ("currency", currency.Code));

        var minAmount = RuleValues.Amount(policy.MinLoanAmount, currency);
        var maxAmount = RuleValues.Amount(policy.MaxLoanAmount, currency);
        outcomes[i++] = Outcome(ReasonCodes.LoanAmount, LoanAmountInRange(request.LoanAmount, policy), RuleEffect.CounterOffer,
            $"loan amount {amount}, range {minAmount} to {maxAmount}",
            ("amount", amount), ("min", minAmount), ("max", maxAmount), ("currency", currency.Code));

        outcomes[i++] = IncomeRatio(ReasonCodes.PaymentToIncome, "payment-to-income", monthlyPayment, 0m, request.MonthlyIncome, policy.MaxPaymentToIncome, policy);
        outcomes[i++] = IncomeRatio(ReasonCodes.DebtToIncome, "debt-to-income", monthlyPayment, request.MonthlyDebtPayments, request.MonthlyIncome, policy.MaxDebtToIncome, policy);

        var vehicleAge = Age.VehicleYears(request.VehicleYear, maturity);
        outcomes[i++] = Outcome(ReasonCodes.VehicleAgeAtMaturity, VehicleAgeWithinLimit(request, policy, maturity), RuleEffect.CounterOffer,
            $"vehicle {vehicleAge} years old on {maturityDate}, limit {policy.MaxVehicleAgeAtMaturityYears}",
            ("age", RuleValues.Number(vehicleAge)), ("limit", RuleValues.Number(policy.MaxVehicleAgeAtMaturityYears)), ("maturityDate", maturityDate),
            ("vehicleYear", RuleValues.Number(request.VehicleYear)));

        var allowedTerms = Joined(policy.AllowedTerms);
        outcomes[i++] = Outcome(ReasonCodes.TermAllowed, TermAllowed(request.TermMonths, policy), RuleEffect.CounterOffer, $"term {request.TermMonths} months, sold in {allowedTerms}",
            ("term", RuleValues.Number(request.TermMonths)), ("allowed", allowedTerms));

        var allowedMethods = Joined(policy.AllowedMethods);
        outcomes[i++] = Outcome(ReasonCodes.MethodAllowed, MethodAllowed(request.Method, policy), RuleEffect.CounterOffer, $"method {request.Method.ToName()}, offered {allowedMethods}",
            ("method", request.Method.ToName()), ("allowed", allowedMethods));

        outcomes[i] = Outcome(ReasonCodes.ProductCondition, ConditionFinanced(request, policy), RuleEffect.Decline,
            $"{request.Condition.ToName()} vehicle, product {policy.Code}",
            ("condition", request.Condition.ToName()), ("product", policy.Code));

        return outcomes;
    }

    /// <summary>Whether the plan passes every rule <see cref="Evaluate"/> applies, without recording outcomes.</summary>
    public static bool Passes(FinancingRequest request, ProductPolicy policy, decimal? monthlyPayment = null, DateOnly? startDate = null)
    {
        EnsureValid(request, policy);
        return PassesWithoutPayment(request, policy, startDate ?? request.ApplicationDate)
            && (monthlyPayment is not { } payment || PassesPayment(request, policy, payment));
    }

    /// <summary>Every rule but PTI and DTI, for a request already validated.</summary>
    internal static bool PassesWithoutPayment(FinancingRequest request, ProductPolicy policy, DateOnly startDate) =>
        PassesWithoutPayment(request, PlanVariation.Of(request), policy, startDate);

    /// <summary>Every rule but PTI and DTI, for a variation of a request already validated.</summary>
    internal static bool PassesWithoutPayment(FinancingRequest request, PlanVariation plan, ProductPolicy policy, DateOnly startDate)
    {
        var maturity = FinancingRequest.MaturityDate(startDate, plan.TermMonths);
        var loanAmount = request.VehiclePrice - plan.DownPayment;
        return OldEnough(request, policy)
            && YoungEnoughAtMaturity(request, policy, maturity)
            && TermWithinCap(request, plan.TermMonths, policy)
            && LtvWithinCap(request, loanAmount, policy)
            && LoanAmountInRange(loanAmount, policy)
            && VehicleAgeWithinLimit(request, policy, maturity)
            && TermAllowed(plan.TermMonths, policy)
            && MethodAllowed(plan.Method, policy)
            && ConditionFinanced(request, policy);
    }

    /// <summary>PTI and DTI for a monthly payment, for a request already validated.</summary>
    internal static bool PassesPayment(FinancingRequest request, ProductPolicy policy, decimal monthlyPayment) =>
        WithinIncomeShare(0m, monthlyPayment, request.MonthlyIncome, policy.MaxPaymentToIncome)
        && WithinIncomeShare(request.MonthlyDebtPayments, monthlyPayment, request.MonthlyIncome, policy.MaxDebtToIncome);

    internal static void EnsureValid(FinancingRequest request, ProductPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var policyErrors = policy.Validate();
        if (policyErrors.Count > 0)
        {
            throw new ArgumentException("Invalid product policy: " + string.Join("; ", policyErrors), nameof(policy));
        }

        var errors = request.Validate(policy.Currency);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid financing request: " + string.Join("; ", errors), nameof(request));
        }
    }

    private static bool OldEnough(FinancingRequest request, ProductPolicy policy) => Age.InYears(request.BirthDate, request.ApplicationDate) >= policy.MinAge;

    private static bool YoungEnoughAtMaturity(FinancingRequest request, ProductPolicy policy, DateOnly maturity) =>
        Age.InYears(request.BirthDate, maturity) <= policy.MaxAgeAtMaturity;

    private static bool TermWithinCap(FinancingRequest request, int termMonths, ProductPolicy policy) => termMonths <= policy.MaxTermFor(request.Condition);

    private static bool LtvWithinCap(FinancingRequest request, decimal loanAmount, ProductPolicy policy) =>
        loanAmount <= policy.LtvCapFor(request.Category) * request.VehiclePrice;

    private static bool LoanAmountInRange(decimal loanAmount, ProductPolicy policy) =>
        loanAmount >= policy.MinLoanAmount && loanAmount <= policy.MaxLoanAmount;

    private static bool VehicleAgeWithinLimit(FinancingRequest request, ProductPolicy policy, DateOnly maturity) =>
        Age.VehicleYears(request.VehicleYear, maturity) <= policy.MaxVehicleAgeAtMaturityYears;

    private static bool TermAllowed(int termMonths, ProductPolicy policy) => Contains(policy.AllowedTerms, termMonths);

    private static bool MethodAllowed(RepaymentMethod method, ProductPolicy policy) => Contains(policy.AllowedMethods, method);

    private static bool ConditionFinanced(FinancingRequest request, ProductPolicy policy) => Contains(policy.Conditions, request.Condition);

    /// <summary>Existing debts plus the payment within the limit's share of income, compared on amounts.</summary>
    private static bool WithinIncomeShare(decimal existingDebts, decimal payment, decimal income, decimal limit) => existingDebts + payment <= limit * income;

    private static bool Contains<T>(IReadOnlyList<T> items, T item)
        where T : struct
    {
        for (var k = 0; k < items.Count; k++)
        {
            if (EqualityComparer<T>.Default.Equals(items[k], item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The terms comma-separated ("12,24,36"), built straight into their string.</summary>
    private static string Joined(IReadOnlyList<int> terms)
    {
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(terms.Count, terms.Count, System.Globalization.CultureInfo.InvariantCulture, stackalloc char[128]);
        for (var k = 0; k < terms.Count; k++)
        {
            if (k > 0)
            {
                text.AppendLiteral(",");
            }

            text.AppendFormatted(terms[k]);
        }

        return text.ToStringAndClear();
    }

    /// <summary>The methods' names comma-separated ("annuity,equal-principal"), built straight into their string.</summary>
    private static string Joined(IReadOnlyList<RepaymentMethod> methods)
    {
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(methods.Count, methods.Count, System.Globalization.CultureInfo.InvariantCulture, stackalloc char[128]);
        for (var k = 0; k < methods.Count; k++)
        {
            if (k > 0)
            {
                text.AppendLiteral(",");
            }

            text.AppendLiteral(methods[k].ToName());
        }

        return text.ToStringAndClear();
    }

    private static RuleOutcome IncomeRatio(string code, string name, decimal? payment, decimal existingDebts, decimal income, decimal limit, ProductPolicy policy)
    {
        var currency = policy.Currency;
        if (payment is not { } p)
        {
            return Outcome(code, true, RuleEffect.CounterOffer, $"{name} not evaluated: no monthly payment", ("limit", RuleValues.Limit(limit))) with { Evaluated = false };
        }

        var total = existingDebts + p;
        var passed = WithinIncomeShare(existingDebts, p, income, limit);
        var values = new OrderedFigures(6)
        {
            ["limit"] = RuleValues.Limit(limit),
            ["payment"] = RuleValues.Amount(p, currency),
            ["income"] = RuleValues.Amount(income, currency),
            ["currency"] = currency.Code,
        };
        if (existingDebts != 0m || code == ReasonCodes.DebtToIncome)
        {
            values["existingDebts"] = RuleValues.Amount(existingDebts, currency);
        }

        string detail;
        if (income > 0m)
        {
            values["actual"] = RuleValues.Ratio(total / income, passed);
            detail = $"{name} {values["actual"]}, limit {values["limit"]}";
        }
        else
        {
            detail = $"{name} not measurable: no monthly income";
        }

        return new RuleOutcome(code, passed, detail, values) { OnFailure = RuleEffect.CounterOffer };
    }

    private static RuleOutcome Outcome(string code, bool passed, RuleEffect effect, string detail, params ReadOnlySpan<(string Key, string Value)> values)
    {
        return new RuleOutcome(code, passed, detail, new OrderedFigures(values)) { OnFailure = effect };
    }
}
