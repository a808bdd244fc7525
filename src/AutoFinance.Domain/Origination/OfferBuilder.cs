using AutoFinance.Domain.Rates;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Domain.Origination;

/// <summary>Builds the ranked offers for an application: the plans that pass every policy rule, priced and scheduled.</summary>
/// <remarks>
/// <para><b>Candidates</b>: the requested plan, and its variations over the product's terms within the condition's cap,
/// the methods (the requested one, annuity and equal principal; balloon or interest-only only when requested, with
/// the requested balloon) and the down payment — the requested one when it passes the loan-to-value cap and the
/// maximum loan amount, otherwise the smallest that passes both (cap × price rounded down to the minor unit, or the
/// maximum amount, whichever is lower). Flat-fee plans are not built: the rate card prices interest, not fees.</para>
/// <para><b>Eligibility</b>: each candidate is priced (<see cref="Pricing"/>) and scheduled from
/// <paramref name="startDate"/> with the first instalment a month later, and kept only if it passes every rule of
/// <see cref="PolicyEvaluator"/> with its assessed payment (<see cref="PlanPayments.Assessed"/>) as the monthly payment.</para>
/// <para><b>Ranking</b>: by <see cref="OfferPreferences.Ranking"/>, on the schedules' totals, the candidates' order
/// (requested plan first, then by term, method, down payment) breaking any remaining tie. At most
/// <see cref="OfferPreferences.MaxOffers"/> are returned, ranked 1..n; the requested plan, when eligible, is always
/// among them (in place of the last one if it would not have made the cut). Only the returned offers get their APR
/// and subsidy; their disclosure is built when first read.</para>
/// </remarks>
public static class OfferBuilder
{
    /// <summary>
    /// The rows every candidate of one build is scheduled in, kept by the thread between builds: a decision schedules
    /// a dozen candidates and keeps none of their rows, so renting them from the shared pool would cost more than the
    /// work (and the pool trims them at every full collection). Taken out while in use, so a nested build gets its own.
    /// </summary>
    [ThreadStatic]
    private static Installment[]? spareRows;

    /// <summary>The eligible candidates of one build, kept by the thread between builds as the rows are.</summary>
    [ThreadStatic]
    private static Candidate[]? spareCandidates;

    private static readonly Comparison<Candidate> ByCost = CompareCost;

    public static IReadOnlyList<LoanOffer> Build(FinancingRequest request, string grade, ProductPolicy policy, RateCard rateCard, DateOnly startDate, OfferPreferences? preferences = null)
    {
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentNullException.ThrowIfNull(rateCard);
        PolicyEvaluator.EnsureValid(request, policy);
        preferences ??= OfferPreferences.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(preferences.MaxOffers, 1, nameof(preferences));
        if (!rateCard.IsPriced(grade))
        {
            return [];
        }

        var most = MostCandidates(policy);
        var plans = most <= 64 ? stackalloc PlanVariation[most] : new PlanVariation[most];
        plans = plans[..Candidates(request, policy, plans)];
        var needsTarget = preferences.Ranking == OfferRanking.ClosestPayment && preferences.TargetPayment is null;
        var needed = 0;
        foreach (var plan in plans)
        {
            needed += plan.TermMonths;
        }

        var buffer = spareRows is { } spare && spare.Length >= needed ? spare : new Installment[needed];
        spareRows = null;
        var kept = spareCandidates is { } spareKept && spareKept.Length >= plans.Length ? spareKept : new Candidate[plans.Length];
        spareCandidates = null;
        var eligibleCount = 0;
        var used = 0;
        try
        {
            decimal? requestedPayment = null;
            for (var index = 0; index < plans.Length; index++)
            {
                var plan = plans[index];
                var buildable = plan.Method != RepaymentMethod.FlatFee;
                var passes = buildable && PolicyEvaluator.PassesWithoutPayment(request, plan, policy, startDate);
                if (!passes && !(index == 0 && needsTarget && buildable))
                {
                    continue;
                }

                // Every candidate is worked in the thread's buffer; only the offers returned keep their terms and totals.
                var price = Pricing.Quote(grade, request, plan, rateCard, startDate)!.Value;
                var terms = request.ToLoanTerms(plan, price.AnnualRate, startDate, policy.Currency);
                var rows = new ArraySegment<Installment>(buffer, used, terms.TermMonths);
                used += terms.TermMonths;
                var level = ScheduleBuilder.BuildInto(terms, rows);
                var payments = PlanPayments.Of(rows, terms.Method);
                if (index == 0)
                {
                    requestedPayment = payments.Assessed;
                }

                if (passes && PolicyEvaluator.PassesPayment(request, policy, payments.Assessed))
                {
                    kept[eligibleCount++] = new Candidate(index, plan.DownPayment, price.AnnualRate, price.CardRate, price.Promotion, terms, rows, level, payments, CostOf(terms, rows));
                }
            }

            var target = preferences.TargetPayment ?? requestedPayment;
            var eligible = kept.AsSpan(0, eligibleCount);
            if (preferences.Ranking == OfferRanking.ClosestPayment && target is { } t)
            {
                eligible.Sort((a, b) => CompareClosest(a, b, t));
            }
            else
            {
                eligible.Sort(ByCost);
            }

            eligible = WithoutTwins(eligible);

            var count = Math.Min(preferences.MaxOffers, eligible.Length);
            var requestedAt = RequestedAt(eligible);
            if (requestedAt >= count)
            {
                // The requested plan takes the last place; the list stays in order, as it ranked below every plan kept.
                eligible[count - 1] = eligible[requestedAt];
            }

            var offers = new LoanOffer[count];
            for (var k = 0; k < count; k++)
            {
                offers[k] = ToOffer(eligible[k], k + 1);
            }

            return offers;
        }
        finally
        {
            // The candidates hold the build's terms and rows: cleared, so the thread keeps only the arrays.
            Array.Clear(kept, 0, eligibleCount);
            spareCandidates = kept;
            spareRows = buffer;
        }
    }

    /// <summary>
    /// The policy outcomes of the requested plan as it would be priced for the grade (see
    /// <see cref="PolicyEvaluator.Evaluate"/>): PTI and DTI use its assessed payment, and are not evaluated when the
    /// grade is not priced or the plan cannot be scheduled (a flat-fee plan).
    /// </summary>
    public static IReadOnlyList<RuleOutcome> CheckRequestedPlan(FinancingRequest request, string grade, ProductPolicy policy, RateCard rateCard, DateOnly startDate)
    {
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentNullException.ThrowIfNull(rateCard);
        PolicyEvaluator.EnsureValid(request, policy);
        decimal? payment = null;
        if (request.Method != RepaymentMethod.FlatFee && Pricing.Quote(grade, request, rateCard, startDate) is { } price)
        {
            payment = PlanPayments.Of(request.ToLoanTerms(price.AnnualRate, startDate, policy.Currency)).Assessed;
        }

        return PolicyEvaluator.Evaluate(request, policy, payment, startDate);
    }

    /// <summary>The most candidates a request can have under the policy: itself, and three methods for each allowed term.</summary>
    private static int MostCandidates(ProductPolicy policy) => 1 + (3 * policy.AllowedTerms.Count);

    /// <summary>
    /// The requested plan first, then the variations in order of term, method and down payment, without repeats,
    /// written into <paramref name="plans"/> (<see cref="MostCandidates"/> long); answers how many.
    /// </summary>
    internal static int Candidates(FinancingRequest request, ProductPolicy policy, Span<PlanVariation> plans)
    {
        plans[0] = PlanVariation.Of(request);
        var count = 1;
        var downPayment = CompliantDownPayment(request, policy);
        if (downPayment is null)
        {
            return count;
        }

        Span<RepaymentMethod> methods = [request.Method, RepaymentMethod.Annuity, RepaymentMethod.EqualPrincipal];
        var cap = policy.MaxTermFor(request.Condition);
        Span<int> terms = policy.AllowedTerms.Count <= 64 ? stackalloc int[policy.AllowedTerms.Count] : new int[policy.AllowedTerms.Count];
        foreach (var term in SortedTerms(policy.AllowedTerms, cap, terms))
        {
            for (var m = 0; m < methods.Length; m++)
            {
                var method = methods[m];
                if ((m > 0 && method == request.Method) || method == RepaymentMethod.FlatFee || !policy.AllowedMethods.Contains(method))
                {
                    continue;
                }

                if (term == request.TermMonths && method == request.Method && downPayment == request.DownPayment)
                {
                    continue;
                }

                plans[count++] = new PlanVariation(term, method, downPayment.Value, method == RepaymentMethod.Balloon ? request.BalloonFraction : 0m);
            }
        }

        return count;
    }

    /// <summary>
    /// The requested down payment when its loan is within the loan-to-value cap and the maximum amount; otherwise the
    /// smallest that brings it within both, or null when none leaves anything to lend.
    /// </summary>
    internal static decimal? CompliantDownPayment(FinancingRequest request, ProductPolicy policy)
    {
        var maxLoan = Math.Min(policy.MaxLoanByLtv(request.Category, request.VehiclePrice), policy.MaxLoanAmount);
        if (request.LoanAmount <= maxLoan)
        {
            return request.DownPayment;
        }

        return maxLoan > 0m ? request.VehiclePrice - maxLoan : null;
    }

    /// <summary>The allowed terms within the cap, each once, in ascending order, written into <paramref name="terms"/>.</summary>
    private static Span<int> SortedTerms(IReadOnlyList<int> allowed, int cap, Span<int> terms)
    {
        var count = 0;
        for (var i = 0; i < allowed.Count; i++)
        {
            var term = allowed[i];
            if (term <= cap && !terms[..count].Contains(term))
            {
                terms[count++] = term;
            }
        }

        terms = terms[..count];
        terms.Sort();
        return terms;
    }

    /// <summary>
    /// The offer of a ranked candidate. Its totals, subsidy and APR are worked from the pooled rows; the offer keeps
    /// the terms and totals, and its schedule's rows are built again only if they are read.
    /// </summary>
    private static LoanOffer ToOffer(in Candidate candidate, int rank)
    {
        var terms = candidate.Terms;
        ReadOnlySpan<Installment> rows = candidate.Rows;
        var totals = RepaymentSchedule.Sum(rows);
        return new LoanOffer
        {
            Rank = rank,
            IsRequestedPlan = candidate.Index == 0,
            TermMonths = terms.TermMonths,
            Method = terms.Method,
            BalloonFraction = terms.BalloonFraction,
            DownPayment = candidate.DownPayment,
            Principal = terms.Principal,
            AnnualRate = candidate.AnnualRate,
            CardRate = candidate.CardRate,
            Promotion = candidate.Promotion,
            Subsidy = candidate.Promotion is null ? 0m : Pricing.Subsidy(terms, totals.Interest, candidate.CardRate),
            FirstPayment = candidate.Payments.First,
            MaxPayment = candidate.Payments.Max,
            FinalPayment = candidate.Payments.Final,
            AssessedPayment = candidate.Payments.Assessed,
            TotalInterest = totals.Interest,
            TotalFees = totals.Fees + terms.PrepaidFinanceCharges,
            TotalRepayable = totals.Payment + terms.PrepaidFinanceCharges,
            AprPercent = Math.Round(AnnualisedRates.Of(terms, rows).AprPercent, 6),
            Schedule = new RepaymentSchedule(terms, candidate.LevelAmount, totals),
        };
    }

    /// <summary>Interest and fees of a schedule, charges paid at signing included; two columns summed, not all four.</summary>
    private static decimal CostOf(LoanTerms terms, ReadOnlySpan<Installment> rows)
    {
        var cost = terms.PrepaidFinanceCharges;
        foreach (var row in rows)
        {
            cost += row.Interest + row.Fee;
        }

        return cost;
    }

    /// <summary>
    /// Plans that would have the customer pay exactly the same amounts on the same dates (annuity and equal principal
    /// at a 0% promotion, say) are one offer, not two: the better-ranked is kept, as the requested plan if it was one.
    /// The distinct candidates are moved to the front, in order, and answered.
    /// </summary>
    private static Span<Candidate> WithoutTwins(Span<Candidate> ranked)
    {
        var distinct = 0;
        for (var i = 0; i < ranked.Length; i++)
        {
            var twin = -1;
            for (var k = 0; k < distinct && twin < 0; k++)
            {
                twin = SamePayments(ranked[k], ranked[i]) ? k : -1;
            }

            if (twin < 0)
            {
                ranked[distinct++] = ranked[i];
            }
            else if (ranked[i].Index == 0)
            {
                ranked[twin] = ranked[i];
            }
        }

        return ranked[..distinct];
    }

    private static int RequestedAt(ReadOnlySpan<Candidate> candidates)
    {
        for (var k = 0; k < candidates.Length; k++)
        {
            if (candidates[k].Index == 0)
            {
                return k;
            }
        }

        return -1;
    }

    private static bool SamePayments(in Candidate a, in Candidate b)
    {
        if (a.DownPayment != b.DownPayment || a.AnnualRate != b.AnnualRate || a.Terms.TermMonths != b.Terms.TermMonths)
        {
            return false;
        }

        ReadOnlySpan<Installment> left = a.Rows;
        ReadOnlySpan<Installment> right = b.Rows;
        for (var i = 0; i < left.Length; i++)
        {
            if (left[i].Payment != right[i].Payment || left[i].DueDate != right[i].DueDate)
            {
                return false;
            }
        }

        return true;
    }

    private static int CompareCost(Candidate a, Candidate b)
    {
        var c = a.Cost.CompareTo(b.Cost);
        if (c == 0)
        {
            c = a.Payments.Assessed.CompareTo(b.Payments.Assessed);
        }

        return c != 0 ? c : a.Index.CompareTo(b.Index);
    }

    private static int CompareClosest(Candidate a, Candidate b, decimal target)
    {
        var c = Math.Abs(a.Payments.Assessed - target).CompareTo(Math.Abs(b.Payments.Assessed - target));
        return c != 0 ? c : CompareCost(a, b);
    }

    /// <summary>
    /// A priced plan (its down payment, rates and promotion) and its schedule's rows, <c>Terms.TermMonths</c> of them in
    /// the build's buffer; a value in the thread's array, as a build ranks a dozen and keeps four.
    /// </summary>
    private readonly record struct Candidate(
        int Index, decimal DownPayment, decimal AnnualRate, decimal CardRate, Promotion? Promotion, LoanTerms Terms, ArraySegment<Installment> Rows, decimal LevelAmount, PlanPayments Payments, decimal Cost);
}
