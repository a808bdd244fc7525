using System.Diagnostics;
using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Application.Origination;

/// <summary>
/// The automated decision of <c>POST /api/v1/applications</c>, in order: validation; identity checks; fraud rules;
/// the requested plan's policy rules; the score of the active model (the challenger scored beside it); the decision by
/// grade cut-offs; pricing and disclosed offers. Every check is recorded with its outcome and the whole decision is
/// stored atomically (with its audit entries) before it is answered.
/// </summary>
public sealed class DecisionService(
    IOriginationStore store,
    ILookupHasher hasher,
    ModelSet models,
    FraudSettings fraud,
    OriginationOptions options,
    TimeProvider time,
    Verification.IApplicantScreening? screening = null)
{
    /// <summary>The code of a signed-in customer applying with another person's national ID.</summary>
    public const string NotYourIdentityCode = "application.not-your-identity";

    public async Task<SubmissionResult> SubmitAsync(ApplicationRequest? request, SubmissionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var actor = context.Actor;
        if (context.IdempotencyKey is { } key && await Replay(actor.Scope, key, context.RequestHash, ct).ConfigureAwait(false) is { } replay)
        {
            return replay;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var (application, errors) = ApplicationValidator.Validate(request, today, options.DefaultProduct);
        if (application is null)
        {
            return new SubmissionResult { Errors = errors };
        }

        if (ChannelProblem(actor, application.Channel) is { } channelProblem)
        {
            return new SubmissionResult { Errors = [channelProblem] };
        }

        // Staff key applications in at a branch: stored so whatever channel the request named, never as a dealer's.
        application = application with { Channel = ApplicationChannels.Of(actor) };

        var product = await store.FindProductAsync(application.ProductCode, ct).ConfigureAwait(false);
        if (product is null)
        {
            return new SubmissionResult { Errors = [FieldProblems.Of("productCode", "product.unknown", $"'{application.ProductCode}' is not a product on offer")] };
        }

        var hashes = Hashes(application, context);
        var record = await Decide(application, product, actor, hashes, context, now, today, started, ct).ConfigureAwait(false);
        if (record is null)
        {
            return new SubmissionResult { Forbidden = "is not the one on your account: a customer applies for themselves" };
        }

        try
        {
            await store.SaveAsync(record, ct).ConfigureAwait(false);
        }
        catch (IdempotencyConflictException) when (context.IdempotencyKey is { } raced)
        {
            // Another request with the same key was stored first: answer what it answered.
            return await Replay(actor.Scope, raced, context.RequestHash, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the idempotency record vanished");
        }

        return new SubmissionResult { StatusCode = 201, Response = record.Response, Decision = record };
    }

    private async ValueTask<DecisionRecord?> Decide(
        ValidatedApplication a, ProductSettings product, Actor actor, LookupHashes hashes, SubmissionContext context, DateTimeOffset now, DateOnly today, long started, CancellationToken ct)
    {
        var (checks, facts) = await FraudChecks.RunAsync(store, fraud, a, hashes, actor.DealerId, now, today, ct).ConfigureAwait(false);
        if (actor.Role == Roles.Customer && (actor.CustomerId is { } own ? facts.CustomerId != own : facts.CustomerId is not null))
        {
            // A customer applies only for themselves: the ID must be the one on their account, or new to the lender.
            return null;
        }

        // The outside parties (identity service, credit bureau) are asked here, before the pure decision; their
        // findings are checks like any other, and the report's monthly obligations count in the debt-to-income rule.
        var screened = screening is null ? Verification.ScreeningFindings.NotAsked : await screening.ScreenAsync(a, actor, now, today, ct).ConfigureAwait(false);
        if (screening is not null)
        {
            ScreeningChecks.AddTo(checks, screened);
        }

        var applicationId = TimeOrderedIds.Create(now);
        var reference = Reference(today, applicationId);
        return Conclude(a, product, actor, hashes, context.IdempotencyKey is { } key ? new IdempotencyEntry(actor.Scope, key, context.RequestHash) : null,
            applicationId, reference, now, today, started, checks, screened.Bureau);
    }

    /// <summary>
    /// Decides a stored application again on credit-report figures staff recorded from a report obtained another way
    /// (the bureau had no record, could not be reached, or its report was wrong): the identity and fraud checks stand as
    /// first made, the bureau's rules and the model read the recorded figures, and the plan is checked and priced anew.
    /// The answer is null when the application's product is no longer on offer.
    /// </summary>
    public async Task<DecisionRecord?> ReconsiderAsync(BureauReconsideration request, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var started = Stopwatch.GetTimestamp();
        var product = await store.FindProductAsync(request.Application.ProductCode, ct).ConfigureAwait(false);
        if (product is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var bureau = new Domain.Bureau.BureauFindings(Domain.Bureau.BureauOutcome.Hit, null, request.Figures);
        var kept = request.EarlierChecks.Where(c => c.Stage is "identity" or "fraud").Select(c => (c.Stage, Outcome(c)));
        var overrideCheck = ("bureau", new RuleOutcome(ScreeningChecks.Override, true, $"figures recorded by {actor.AuditName}: {request.Reason}", ScreeningChecks.OverrideValues(request.Figures, request.Reason, actor.AuditName)) { OnFailure = RuleEffect.Refer });
        var bureauChecks = Domain.Bureau.BureauRules.Evaluate(bureau).Select(o => ("bureau", o));
        var hashes = Hashes(request.Application, new SubmissionContext(actor, null, null, string.Empty));
        return Conclude(request.Application, product, actor, hashes, null, request.ApplicationId, request.Reference, now, today, started, [.. kept, overrideCheck, .. bureauChecks], bureau);
    }

    private DecisionRecord Conclude(
        ValidatedApplication a, ProductSettings product, Actor actor, LookupHashes hashes, IdempotencyEntry? idempotency, Guid applicationId, string reference,
        DateTimeOffset now, DateOnly today, long started, IReadOnlyList<(string Stage, RuleOutcome Outcome)> earlierChecks, Domain.Bureau.BureauFindings bureau)
    {
        if (bureau.Features is { MonthlyObligations: var obligations } && obligations > a.MonthlyDebtPayments)
        {
            a = a with { DeclaredMonthlyDebtPayments = a.DeclaredMonthlyDebtPayments ?? a.MonthlyDebtPayments, MonthlyDebtPayments = obligations };
        }

        var financing = a.ToFinancingRequest(today);

        // The score needs the requested plan's payment at a reference rate (never at the price it will set).
        var assessed = AssessedPayment(financing, today, product);
        var model = models.Active;
        var applicant = model.Scorecard.NewApplicant();
        ApplicationFeatures.Fill(applicant, a, bureau, today, assessed);
        Span<Reason> scoreReasons = stackalloc Reason[Scorecard.MaxReasons];
        var scored = model.Scorecard.Score(applicant, scoreReasons);
        var grade = model.Scorecard.Grades[scored.Grade];
        var score = scored.Score;
        var pd = scored.Pd;
        double? challengerPd = null;
        Credit.Explainable.EbmExplanation? explanation = null;
        if (model.EbmScores)
        {
            // The explainable boosting machine scores, and its exact per-term contributions give the reasons; the
            // scorecard's pd stands beside it.
            challengerPd = pd;
            explanation = model.Ebm!.Explain(EbmRow(model.Ebm, a, bureau, today, assessed), 0);
            pd = explanation.Pd;
            score = ScorecardTrainer.ScoreOfPd(model.Document.Scaling, pd);
            grade = model.Scorecard.Grades[model.Scorecard.GradeIndexOf(score)];
        }
        else
        {
            if (model.Challenger is { } challenger && (model.GbdtScores || (options.ScoreChallenger && !model.EbmChallenges)))
            {
                var challengerApplicant = challenger.NewApplicant();
                ApplicationFeatures.Fill(challengerApplicant, a, bureau, today, assessed);
                challengerPd = challenger.PredictOnePd(challengerApplicant);
                if (model.GbdtScores)
                {
                    (challengerPd, pd) = (pd, challengerPd.Value);
                    score = ScorecardTrainer.ScoreOfPd(model.Document.Scaling, pd);
                    grade = model.Scorecard.Grades[model.Scorecard.GradeIndexOf(score)];
                }
            }

            if (model.EbmChallenges && options.ScoreChallenger)
            {
                challengerPd = model.Ebm!.PredictPd(EbmRow(model.Ebm, a, bureau, today, assessed))[0];
            }
        }

        var planChecks = OfferBuilder.CheckRequestedPlan(financing, grade, product.Policy, product.RateCard, today);
        var offers = OfferBuilder.Build(financing, grade, product.Policy, product.RateCard, today);
        var outcomes = new RuleOutcome[earlierChecks.Count + planChecks.Count];
        for (var i = 0; i < earlierChecks.Count; i++)
        {
            outcomes[i] = earlierChecks[i].Outcome;
        }

        for (var i = 0; i < planChecks.Count; i++)
        {
            outcomes[earlierChecks.Count + i] = planChecks[i];
        }

        var decision = product.Rules.Decide(grade, outcomes, offers.Count);
        if (decision.Status == DecisionStatus.Declined)
        {
            offers = [];
        }

        var checks = new List<CheckRecord>(outcomes.Length + 2);
        foreach (var (stage, outcome) in earlierChecks)
        {
            checks.Add(Check(checks.Count + 1, stage, outcome));
        }

        foreach (var outcome in planChecks)
        {
            checks.Add(Check(checks.Count + 1, "policy", outcome));
        }

        var scoreValues = new OrderedFigures(explanation is null ? 6 : 8 + explanation.Terms.Count)
        {
            ["score"] = score.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            ["grade"] = grade,
            ["pd"] = pd.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture),
            ["challengerPd"] = challengerPd?.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            ["model"] = models.Version,
            // The scorecard bin of each characteristic, in the model's order (-1 none): monitoring reads its stability from these.
            ["bins"] = Bins(applicant.Matches),
        };
        if (explanation is not null)
        {
            // The whole explanation, so that staff can see the log-odds add up: the intercept and every term's share.
            scoreValues["logOdds"] = explanation.LogOdds.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            scoreValues["intercept"] = explanation.Intercept.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var term in explanation.Terms)
            {
                scoreValues[ContributionPrefix + term.Term] = term.LogOdds.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        checks.Add(new CheckRecord(checks.Count + 1, "score", "score.active-model", "info", $"score {score:0.##}, grade {grade}, pd {pd:0.0000} with {models.Version}", scoreValues));
        checks.Add(new CheckRecord(checks.Count + 1, "decision", DecisionCode(decision.Status), Name(decision.Status), DecisionDetail(decision.Status, grade, offers.Count), new OrderedFigures(0)));

        var reasons = new List<ReasonRecord>(decision.Reasons.Count + Scorecard.MaxReasons);
        foreach (var r in decision.Reasons)
        {
            reasons.Add(new ReasonRecord(r.Code, r.Values));
        }

        if (explanation is null)
        {
            for (var i = 0; i < scored.ReasonCount; i++)
            {
                reasons.Add(ReasonCatalog.ScoreReason(model.Scorecard, scoreReasons[i]));
            }
        }
        else
        {
            // Read into a local of this branch, so that only an explained decision makes the lambda's closure.
            var ebm = model.Ebm!.Record;
            reasons.AddRange(explanation.Raising(Scorecard.MaxReasons).Select(t => ReasonCatalog.EbmReason(ebm, t)));
        }

        var offerRecords = new OfferRecord[offers.Count];
        var offerViews = new OfferView[offers.Count];
        for (var i = 0; i < offerRecords.Length; i++)
        {
            offerRecords[i] = new OfferRecord(TimeOrderedIds.Create(now), offers[i]);
            offerViews[i] = View(applicationId, offerRecords[i]);
        }

        var millis = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var response = new DecisionResponse
        {
            ApplicationId = applicationId,
            Reference = reference,
            Status = Name(decision.Status),
            Score = score,
            RiskGrade = grade,
            Reasons = explanation is null
                ? ReasonCatalog.ForApplicant(reasons, decision.Status, a.Language, model.Scorecard, scoreReasons[..scored.ReasonCount])
                : ReasonCatalog.ForApplicant(reasons, decision.Status, a.Language),
            Offers = offerViews,
            ModelVersion = models.Version,
            DecisionMillis = Math.Round(millis, 3),
            SubmittedAt = now,
        };
        return new DecisionRecord
        {
            ApplicationId = applicationId,
            Reference = reference,
            Application = a,
            Actor = actor,
            SubmittedAt = now,
            DecisionMillis = response.DecisionMillis,
            Status = decision.Status,
            Score = score,
            Pd = pd,
            ChallengerPd = challengerPd,
            Grade = grade,
            ModelVersion = models.Version,
            ProductVersion = product.Version,
            Checks = checks,
            Offers = offerRecords,
            Reasons = reasons,
            Hashes = hashes,
            ReferralDueAt = decision.Status == DecisionStatus.Referred ? now + options.ReferralSla : null,
            Idempotency = idempotency,
            Response = response,
        };
    }

    /// <summary>An application's reference: AF, the lender's business date (as dealers and customers read dates), and the last eight hex digits of its ID in capitals.</summary>
    private static string Reference(DateOnly today, Guid applicationId)
    {
        Span<char> digits = stackalloc char[32];
        applicationId.TryFormat(digits, out _, "N");
        var tail = digits[^8..];
        for (var i = 0; i < tail.Length; i++)
        {
            tail[i] = char.ToUpperInvariant(tail[i]);
        }

        return $"AF{today:yyMMdd}-{tail}";
    }

    private static string DecisionCode(DecisionStatus status) => status switch
    {
        DecisionStatus.Approved => ApprovedCode,
        DecisionStatus.Referred => ReferredCode,
        DecisionStatus.Declined => DeclinedCode,
        _ => "decision." + Name(status),
    };

    private static readonly string ApprovedCode = "decision." + Name(DecisionStatus.Approved);
    private static readonly string ReferredCode = "decision." + Name(DecisionStatus.Referred);
    private static readonly string DeclinedCode = "decision." + Name(DecisionStatus.Declined);

    /// <summary>The decision check's line, made once for each status, grade and number of offers (a few dozen texts in all).</summary>
    private static string DecisionDetail(DecisionStatus status, string grade, int offers) =>
        DecisionDetails.GetOrAdd((status, grade, offers), static key => $"{Name(key.Status)} at grade {key.Grade} with {key.Offers} offers");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(DecisionStatus Status, string Grade, int Offers), string> DecisionDetails = new();

    /// <summary>The scorecard bin of each characteristic, comma-separated in the model's order.</summary>
    private static string Bins(ReadOnlySpan<Credit.Binning.BinMatch> matches)
    {
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(matches.Length, matches.Length, System.Globalization.CultureInfo.InvariantCulture, stackalloc char[256]);
        for (var i = 0; i < matches.Length; i++)
        {
            if (i > 0)
            {
                text.AppendLiteral(",");
            }

            text.AppendFormatted(matches[i].Bin);
        }

        return text.ToStringAndClear();
    }

    /// <summary>The score check's value keys that hold each explainable boosting term's contribution to the log-odds.</summary>
    public const string ContributionPrefix = "contribution:";

    public static string Name(DecisionStatus status) => Domain.Origination.Lifecycle.LifecycleText.Of(Domain.Origination.Lifecycle.ApplicationLifecycle.Decided(status));

    public static OfferView View(Guid applicationId, OfferRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var o = record.Offer;
        return new OfferView
        {
            OfferId = record.OfferId,
            Rank = o.Rank,
            TermMonths = o.TermMonths,
            Method = o.Method.ToName(),
            DownPayment = o.DownPayment,
            Principal = o.Principal,
            AnnualRate = Math.Round(o.AnnualRate * 100m, 4),
            Payment = o.FirstPayment,
            FirstPayment = o.FirstPayment,
            FinalPayment = OfferView.FinalOf(o.Method.ToName(), o.FirstPayment, o.MaxPayment),
            AnnualisedRate = Math.Round(o.AprPercent, 4),
            TotalInterest = o.TotalInterest,
            TotalFees = o.TotalFees,
            TotalRepayable = o.TotalRepayable,
            Promotion = o.PromotionName,
            PromotionConditions = PromotionConditions.Of(o.Promotion),
            IsRequestedPlan = o.IsRequestedPlan,
            DisclosureUrl = $"/api/v1/applications/{applicationId}/offers/{record.OfferId}/disclosure",
        };
    }

    private async Task<SubmissionResult?> Replay(string scope, string key, string requestHash, CancellationToken ct)
    {
        var stored = await store.FindResponseAsync(scope, key, ct).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        return stored.RequestHash == requestHash
            ? new SubmissionResult { StatusCode = stored.StatusCode, ResponseJson = stored.ResponseJson, Replayed = true }
            : new SubmissionResult { IdempotencyKeyReused = true };
    }

    private LookupHashes Hashes(ValidatedApplication a, SubmissionContext context) => new(
        hasher.Hash("national-id", a.NationalId),
        hasher.Hash("mobile", a.Mobile),
        hasher.Hash("vin", a.Vin),
        hasher.Hash("name", a.FullName.Normalize().ToUpperInvariant()),
        context.ClientIp is { } ip ? hasher.Hash("ip", ip) : null,
        a.DeviceId is { } device ? hasher.Hash("device", device) : null);

    private static FieldError? ChannelProblem(Actor actor, string channel) => actor.Role switch
    {
        Roles.Dealer when channel != ApplicationChannels.Dealer => FieldProblems.Of("channel", "channel.dealer", "a dealer submits through the dealer channel"),
        Roles.Customer when channel != ApplicationChannels.Online => FieldProblems.Of("channel", "channel.online", "a customer applies through the online channel"),
        _ => null,
    };

    private static decimal AssessedPayment(FinancingRequest financing, DateOnly today, ProductSettings product)
    {
        var terms = financing.ToLoanTerms(ApplicationFeatures.ReferenceAnnualRate, today, product.Policy.Currency);
        // A flat-fee plan is scheduled from its fee rate, which the reference rate is not: the score weighs it as the
        // equal-instalment plan of the same amount, term and rate (the offers then give the plans the product prices).
        return PlanPayments.Of(terms.Method == RepaymentMethod.FlatFee ? terms with { Method = RepaymentMethod.Annuity } : terms).Assessed;
    }

    private static CreditDataset EbmRow(Credit.Explainable.EbmModel ebm, ValidatedApplication a, Domain.Bureau.BureauFindings bureau, DateOnly today, decimal assessed) =>
        SingleRow([.. ebm.Record.Features.Select(f => (f.Name, f.Kind))], a, bureau, today, assessed);

    private static CreditDataset SingleRow(IReadOnlyList<(string Name, ColumnKind Kind)> features, ValidatedApplication a, Domain.Bureau.BureauFindings bureau, DateOnly today, decimal assessed)
    {
        var values = ApplicationFeatures.Of(a, bureau, today, assessed).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var columns = new List<DatasetColumn>(features.Count);
        foreach (var (name, kind) in features)
        {
            values.TryGetValue(name, out var value);
            columns.Add(kind == ColumnKind.Numeric
                ? new NumericColumn(name, [value.Number ?? double.NaN])
                : new CategoricalColumn(name, [value.Text is null ? CategoricalColumn.Missing : 0], [value.Text ?? string.Empty]));
        }

        return new CreditDataset(columns, [0]);
    }

    /// <summary>A recorded check read back as the rule outcome it was made from.</summary>
    private static RuleOutcome Outcome(CheckRecord check) => new(check.Code, check.Outcome is "pass" or "info", check.Detail, check.Values)
    {
        OnFailure = check.Outcome switch { "refer" => RuleEffect.Refer, "counter-offer" => RuleEffect.CounterOffer, _ => RuleEffect.Decline },
    };

    private static CheckRecord Check(int sequence, string stage, RuleOutcome outcome) => new(
        sequence,
        stage,
        outcome.Code,
        outcome.Passed ? "pass" : outcome.OnFailure switch { RuleEffect.Refer => "refer", RuleEffect.CounterOffer => "counter-offer", _ => "fail" },
        outcome.Detail,
        outcome.Values);
}
