using System.Diagnostics;
using AutoFinance.Application.Common;
using AutoFinance.Domain.Monetary;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.Churn;
using AutoFinance.Insight.Features;
using AutoFinance.Insight.Lifecycle;
using AutoFinance.Insight.Segments;
using AutoFinance.Insight.Tags;
using AutoFinance.Insight.Value;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.CustomerIntelligence;

/// <summary>
/// The insight refresh: from the platform's own data, every customer's tags (with history), segment (k-means on
/// standardised behaviour, k chosen by mean silhouette, segments named from their profile), RFM quintiles, lifetime
/// value, lifecycle stage and churn risk (model trained on the platform's history when it has enough, otherwise on
/// the seeded synthetic history — the result says which and why). Saved in one transaction with its audit entry.
/// </summary>
public sealed class InsightRefresh(AutoFinanceDbContext db, InsightOptions options, TimeProvider time)
{
    public sealed record SegmentSummary(int Number, string Name, int Size, double Share);

    public sealed record ChurnSummary(string TrainedOn, string Why, int TrainRows, DateOnly Cutoff, int EvaluationRows, int EvaluationLeavers, double Threshold, double Precision, double Recall, double F1, double Auc);

    public sealed record RefreshResult(
        Guid RunId,
        DateTimeOffset RanAt,
        int Customers,
        int? SegmentCount,
        IReadOnlyList<SegmentCountScore> Silhouette,
        IReadOnlyList<SegmentSummary> Segments,
        ChurnSummary Churn,
        int AtRisk,
        int TagsAdded,
        int TagsRemoved,
        double Seconds);

    public async Task<RefreshResult> RunAsync(string ranBy, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var asOf = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var facts = await new CustomerBook(db).LoadAsync(asOf, now, null, ct).ConfigureAwait(false);
        var runId = Guid.CreateVersion7(now);

        // Segments.
        var behaviour = facts.Select(f => Behaviour(f, asOf)).ToList();
        var raw = behaviour.Select(b => b.ToVector()).ToList();
        SegmentCountChoice? choice = null;
        IReadOnlyList<SegmentProfile> profiles = [];
        if (raw.Count >= 3)
        {
            var scaling = StandardScaling.Fit(CustomerBehaviour.FeatureNames, raw);
            var z = scaling.Transform(raw);
            choice = SegmentCountChoice.Choose(z, 2, Math.Max(2, Math.Min(options.MaxSegments, raw.Count - 1)));
            profiles = Distinct(SegmentProfiler.Describe(raw, choice.Best, scaling, SegmentFeature.CustomerBehaviour));
        }

        // RFM.
        var rfm = RfmScorer.Score([.. facts.Select(f => new RfmInput(f.CustomerId.ToString(), Math.Max(0, asOf.DayNumber - DateOnly.FromDateTime(f.LastActivity.UtcDateTime).DayNumber), f.Transactions12m, f.TotalFinanced))])
            .ToDictionary(r => r.CustomerId);

        // Churn.
        var training = ChurnModels.Choose(PlatformHistory(facts, asOf, options), asOf, options);
        var observations = facts.Where(f => f.ActiveLoans.Any()).Select(f => Observation(f, asOf, options)).ToList();
        var probabilities = observations.Count == 0 ? [] : training.Result.Model.Predict(observations);
        var churn = observations.Select((o, i) => (o.CustomerId, Probability: probabilities[i])).ToDictionary(x => x.CustomerId, x => x.Probability);
        var atRisk = (observations.Count == 0 ? [] : training.Result.Model.AtRisk(observations)).ToDictionary(a => a.CustomerId);

        // Tags, lifecycle, value, and the rows.
        var existing = await db.CustomerInsights.ToDictionaryAsync(i => i.CustomerId, ct).ConfigureAwait(false);
        var openTags = (await db.CustomerTags.Where(t => t.RemovedAt == null).ToListAsync(ct).ConfigureAwait(false)).ToLookup(t => t.CustomerId);
        int added = 0, removed = 0;
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            var key = f.CustomerId.ToString();
            var tags = TagCatalogue.Default.Evaluate(Snapshot(f));
            var current = openTags[f.CustomerId].ToList();
            var diff = TagDiff.Between(current.Select(t => t.Tag), tags);
            foreach (var code in diff.Added)
            {
                db.CustomerTags.Add(new CustomerTagRow { CustomerId = f.CustomerId, Tag = code, AddedAt = now });
                added++;
            }

            foreach (var row in current.Where(t => diff.Removed.Contains(t.Tag)))
            {
                row.RemovedAt = now;
                removed++;
            }

            var probability = churn.TryGetValue(key, out var p) ? p : (double?)null;
            if (!existing.TryGetValue(f.CustomerId, out var insight))
            {
                insight = new CustomerInsightRow { CustomerId = f.CustomerId, Currency = "CNY", LifecycleStage = "new" };
                db.CustomerInsights.Add(insight);
            }

            var score = rfm[key];
            var segment = choice is null ? (int?)null : choice.Best.Assignments[i];
            insight.RunId = runId;
            insight.RefreshedAt = now;
            insight.Segment = segment;
            insight.SegmentName = segment is { } s ? profiles[s].Name : null;
            insight.RfmRecency = score.Recency;
            insight.RfmFrequency = score.Frequency;
            insight.RfmMonetary = score.Monetary;
            var value = Value(f, probability);
            insight.LifetimeValue = value.Amount;
            insight.Currency = value.Currency.Code;
            insight.LifecycleStage = new LifecycleRules().Classify(Lifecycle(f, asOf)).ToString().ToLowerInvariant();
            insight.ChurnProbability = probability is { } q ? Math.Round(q, 4) : null;
            insight.AtRisk = atRisk.ContainsKey(key);
            insight.ChurnReasonsJson = atRisk.TryGetValue(key, out var risk) ? Json.Serialize(risk.Reasons.Select(r => new { r.Feature, r.Text, Contribution = Math.Round(r.Contribution, 4) })) : "[]";
        }

        var evaluation = training.Result.Evaluation;
        var churnSummary = new ChurnSummary(training.TrainedOn, training.Why, training.Result.TrainRows, training.Result.Cutoff, evaluation.Rows, evaluation.Positives,
            evaluation.Threshold, Math.Round(evaluation.Precision, 4), Math.Round(evaluation.Recall, 4), Math.Round(evaluation.F1, 4), Math.Round(evaluation.Auc, 4));
        var segments = profiles.Select(p => new SegmentSummary(p.Segment, p.Name, p.Size, Math.Round(p.Share, 4))).ToList();
        foreach (var p in profiles)
        {
            db.Segments.Add(new SegmentRow
            {
                RunId = runId, Number = p.Segment, Name = p.Name, Size = p.Size, Share = Math.Round(p.Share, 4),
                ProfileJson = Json.Serialize(p.Features.Select(x => new { x.Feature, SegmentMean = Math.Round(x.SegmentMean, 4), OverallMean = Math.Round(x.OverallMean, 4), ZDifference = Math.Round(x.ZDifference, 4) })),
            });
        }

        var silhouette = choice?.Scores.Select(s => s with { MeanSilhouette = Math.Round(s.MeanSilhouette, 4), Inertia = Math.Round(s.Inertia, 4) }).ToList() ?? [];
        var seconds = Math.Round(watch.Elapsed.TotalSeconds, 3);
        db.InsightRuns.Add(new InsightRunRow
        {
            Id = runId, RanAt = now, RanBy = ranBy, Customers = facts.Count, SegmentCount = choice?.BestK ?? 0, SilhouetteJson = Json.Serialize(silhouette),
            ChurnTrainedOn = training.TrainedOn, ChurnTrainRows = training.Result.TrainRows, ChurnMetricsJson = Json.Serialize(churnSummary),
            TagsAdded = added, TagsRemoved = removed, AtRisk = atRisk.Count, Seconds = seconds,
        });
        await AuditLog.SaveWithAsync(db, [new AuditEvent(ranBy, "insight.refreshed", "insight-run", runId.ToString(),
            new { Customers = facts.Count, Segments = choice?.BestK, ChurnTrainedOn = training.TrainedOn, churnSummary.Auc, AtRisk = atRisk.Count, TagsAdded = added, TagsRemoved = removed })], now, ct).ConfigureAwait(false);
        return new RefreshResult(runId, now, facts.Count, choice?.BestK, silhouette, segments, churnSummary, atRisk.Count, added, removed, seconds);
    }

    public static CustomerBehaviour Behaviour(CustomerFacts f, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.CustomerId.ToString(), f.TotalFinanced, f.Loans.Count, f.FirstLoanOn is { } first ? Math.Max(0, CustomerBook.MonthsBetween(first, asOf)) : 0,
            f.AverageDaysEarly, f.MissedPayments12m, f.Sessions3m);
    }

    public static CustomerSnapshot Snapshot(CustomerFacts f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.CustomerId.ToString(), f.AsOf, f.Loans.Any(l => l.VehicleEnergy == "new-energy"), f.PaymentsMade, f.PaymentsEarly, f.MaxBucket,
            f.CurrentLoanToValue, f.ActiveLoans.Count(), f.Complaints12m, f.Sessions3m, f.MonthsToMaturity);
    }

    public static LifecycleFacts Lifecycle(CustomerFacts f, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.FirstLoanOn is { } first ? Math.Max(0, CustomerBook.MonthsBetween(first, asOf)) : null,
            f.ActiveLoans.Count(), f.Loans.Count(l => !l.IsActive),
            Math.Max(0, CustomerBook.MonthsBetween(DateOnly.FromDateTime(f.LastActivity.UtcDateTime), asOf)),
            f.LatestLoanOn is { } latest ? Math.Max(0, CustomerBook.MonthsBetween(latest, asOf)) : null);
    }

    /// <summary>The customer's churn features today, from their most recent active loan.</summary>
    public static ChurnObservation Observation(CustomerFacts f, DateOnly asOf, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(options);
        var loan = f.ActiveLoans.OrderByDescending(l => l.Loan.StartDate).First();
        return new ChurnObservation(f.CustomerId.ToString(), asOf, Math.Max(0, CustomerBook.MonthsBetween(loan.Loan.StartDate, asOf)), loan.RemainingInstalments,
            (double)Math.Round((loan.Loan.AnnualRate - options.MarketRate) * 100m, 2), loan.Loan.Principal == 0 ? 0 : (double)Math.Round(loan.Outstanding / loan.Loan.Principal, 3),
            f.Prepayments6m, f.MissedPayments6m, f.Complaints12m, f.Sessions3m, f.LastCsat ?? 3, false);
    }

    /// <summary>
    /// Lifetime value over the customer's active loans: margin = balance × (loan rate − funding rate) / 12 a month for
    /// the instalments left; monthly default probability by delinquency bucket; monthly prepayment probability from
    /// the churn probability over its horizon (1% when unknown); loss = balance × loss given default.
    /// </summary>
    public Money Value(CustomerFacts f, double? churnProbability)
    {
        ArgumentNullException.ThrowIfNull(f);
        var total = Money.Zero(Currency.Cny);
        foreach (var loan in f.ActiveLoans)
        {
            var currency = Currency.FromCode(loan.Loan.Currency);
            var margin = currency.Round(loan.Outstanding * (loan.Loan.AnnualRate - options.FundingRate) / 12m);
            var defaultRate = options.MonthlyDefaultByBucket[Math.Min(loan.BucketIndex, options.MonthlyDefaultByBucket.Count - 1)];
            var prepay = churnProbability is { } p ? Math.Clamp(Math.Round((decimal)p / 3m, 4), 0m, 1m) : 0.01m;
            var value = LifetimeValue.Compute(new LifetimeValueInput(Money.Of(margin, currency), loan.RemainingInstalments, defaultRate, prepay, options.DiscountRate,
                Money.Of(currency.Round(loan.Outstanding * options.LossGivenDefault), currency)));
            total = total.Currency == currency ? total + value : value;
        }

        return total;
    }

    /// <summary>
    /// The platform's own churn history: each loan observed on the first of every month from its start until three
    /// months before today (so every label is known), labelled when the loan was closed early within the following
    /// three months. Features are taken as they stood on the observation date.
    /// </summary>
    public static IReadOnlyList<ChurnObservation> PlatformHistory(IReadOnlyList<CustomerFacts> facts, DateOnly asOf, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<ChurnObservation>();
        var last = asOf.AddMonths(-3);
        foreach (var f in facts)
        {
            foreach (var l in f.Loans)
            {
                var final = l.FinalDueDate ?? l.Loan.StartDate.AddMonths(l.Loan.TermMonths);
                for (var d = new DateOnly(l.Loan.StartDate.Year, l.Loan.StartDate.Month, 1).AddMonths(1); d <= last; d = d.AddMonths(1))
                {
                    if (l.Loan.ClosedOn is { } closed && closed <= d)
                    {
                        break;
                    }

                    var at = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                    var due = l.Installments.Where(i => i.DueDate <= d).ToList();
                    var paidBy = l.Payments.Where(p => p.PaidOn <= d).ToList();
                    var balance = due.Count == 0 ? l.Loan.Principal : due[^1].Balance;
                    var missed = due.Where(i => i.DueDate > d.AddMonths(-6)).Count(i => i.Number > paidBy.Count);
                    var csat = f.Satisfaction.Where(s => s.At <= at).OrderByDescending(s => s.At).Select(s => (int?)s.Csat).FirstOrDefault() ?? 3;
                    var left = l.Loan.ClosedOn is { } c && c > d && c <= d.AddMonths(3) && c < final;
                    rows.Add(new ChurnObservation(f.CustomerId.ToString(), d, CustomerBook.MonthsBetween(l.Loan.StartDate, d), l.Installments.Count(i => i.DueDate > d),
                        (double)Math.Round((l.Loan.AnnualRate - options.MarketRate) * 100m, 2), l.Loan.Principal == 0 ? 0 : (double)Math.Round(balance / l.Loan.Principal, 3),
                        paidBy.Count(p => p.Prepaid > 0 && p.PaidOn > d.AddMonths(-6)), missed,
                        f.ComplaintTimes.Count(t => t <= at && t > at.AddMonths(-12)), f.SessionTimes.Count(t => t <= at && t > at.AddMonths(-3)), csat, left));
                }
            }
        }

        return rows;
    }

    /// <summary>Profiles whose generated names repeat get a number, so every segment has its own name.</summary>
    private static List<SegmentProfile> Distinct(IReadOnlyList<SegmentProfile> profiles)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return profiles.Select(p =>
        {
            var n = seen[p.Name] = seen.GetValueOrDefault(p.Name) + 1;
            return n == 1 ? p : p with { Name = $"{p.Name} ({n})" };
        }).ToList();
    }
}
