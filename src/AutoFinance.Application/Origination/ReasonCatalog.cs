using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;
using AutoFinance.Credit.Explainable;
using AutoFinance.Credit.Scorecards;
using AutoFinance.Credit.Synthetic;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Application.Origination;

/// <summary>
/// Reason texts in the reader's language (zh-CN or en). Policy and decision reasons come from the domain catalogue;
/// score reasons name the characteristic and the bin that cost points. Identity and fraud findings are never spelled
/// out to applicants or dealers (that would teach fraud how to pass): they read as one "verification" reason, and
/// staff see the precise checks on the application.
/// </summary>
public static class ReasonCatalog
{
    public const string Verification = "verification";
    public const string ScorePrefix = "score.";

    private static readonly Dictionary<string, (string En, string Zh)> Characteristics = new(StringComparer.Ordinal)
    {
        [CarLoanFeatures.Age] = ("Age", "年龄"),
        [CarLoanFeatures.EmploymentType] = ("Employment type", "就业类型"),
        [CarLoanFeatures.YearsEmployed] = ("Years in employment", "工作年限"),
        [CarLoanFeatures.MonthlyIncome] = ("Monthly income", "月收入"),
        [CarLoanFeatures.Housing] = ("Housing", "住房情况"),
        [CarLoanFeatures.YearsAtAddress] = ("Years at address", "现住址居住年限"),
        [CarLoanFeatures.BureauFile] = ("Length of credit history on file", "征信记录完整程度"),
        [CarLoanFeatures.WorstStatus24m] = ("Worst repayment status in the last 24 months", "近24个月最差还款状态"),
        [CarLoanFeatures.MonthsSince30PlusLate] = ("Months since the last payment 30+ days late", "距最近一次逾期30天以上的月数"),
        [CarLoanFeatures.Count30Plus24m] = ("Months 30+ days late in the last 24 months", "近24个月逾期30天以上的次数"),
        [CarLoanFeatures.Count60Plus24m] = ("Months 60+ days late in the last 24 months", "近24个月逾期60天以上的次数"),
        [CarLoanFeatures.Count90Plus24m] = ("Months 90+ days late in the last 24 months", "近24个月逾期90天以上的次数"),
        [CarLoanFeatures.RevolvingUtilisation] = ("Credit card utilisation", "信用卡额度使用率"),
        [CarLoanFeatures.LoanInquiries1m] = ("Loan inquiries in the last month", "近1个月贷款审批查询次数"),
        [CarLoanFeatures.LoanInquiries3m] = ("Loan inquiries in the last 3 months", "近3个月贷款审批查询次数"),
        [CarLoanFeatures.LoanInquiries6m] = ("Loan inquiries in the last 6 months", "近6个月贷款审批查询次数"),
        [CarLoanFeatures.ActiveLoans] = ("Active loans", "未结清贷款笔数"),
        [CarLoanFeatures.OldestAccountMonths] = ("Age of oldest credit account (months)", "最早信贷账户账龄（月）"),
        [CarLoanFeatures.OpenPublicRecords] = ("Open public records", "未结清公共记录数"),
        [CarLoanFeatures.VehicleCondition] = ("Vehicle condition", "车辆新旧"),
        [CarLoanFeatures.VehicleEnergy] = ("Vehicle energy", "车辆能源类型"),
        [CarLoanFeatures.VehicleAgeYears] = ("Vehicle age (years)", "车龄（年）"),
        [CarLoanFeatures.MileageKm] = ("Mileage (km)", "行驶里程（公里）"),
        [CarLoanFeatures.LoanAmount] = ("Loan amount", "贷款金额"),
        [CarLoanFeatures.Ltv] = ("Loan-to-value", "贷款价值比"),
        [CarLoanFeatures.TermMonths] = ("Term (months)", "期限（月）"),
        [CarLoanFeatures.PaymentToIncome] = ("Payment-to-income", "月供收入比"),
        [CarLoanFeatures.DebtToIncome] = ("Debt-to-income", "负债收入比"),
    };

    public static bool IsConfidential(string code) =>
        code.StartsWith("fraud.", StringComparison.Ordinal) || code.StartsWith("identity.", StringComparison.Ordinal);

    /// <summary>A score reason as a code with its figures: which characteristic, which bin, how many points short.</summary>
    public static ReasonRecord ScoreReason(Scorecard scorecard, Reason reason)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var characteristic = scorecard.Characteristics[reason.Characteristic];
        var values = new OrderedFigures(8)
        {
            ["characteristic"] = characteristic.Name,
            ["pointsBelowBest"] = reason.PointsBelowMax.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture),
            ["note"] = reason.Note == MatchNote.None ? nameof(MatchNote.None) : reason.Note.ToString(),
        };
        if (reason.Note != MatchNote.None || reason.Bin < 0)
        {
            values["bin"] = string.Empty;
        }
        else
        {
            var bin = BinTexts.GetValue(characteristic.Bins[reason.Bin], DescribeBin);
            values["bin"] = bin.Description;
            values["lower"] = bin.Lower;
            values["upper"] = bin.Upper;
            values["kind"] = bin.Kind;
            values["categories"] = bin.Categories;
        }

        return new ReasonRecord(ScoreCodes.GetOrAdd(characteristic.Name, static name => ScorePrefix + name), values);
    }

    /// <summary>The score reasons' codes by characteristic, made once per characteristic.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> ScoreCodes = new(StringComparer.Ordinal);

    /// <summary>A scorecard bin's texts, as its reasons give them (worked once per bin of a loaded model).</summary>
    private sealed record BinText(string Description, string Lower, string Upper, string Kind, string Categories)
    {
        /// <summary>The applicant's line of a reason in this bin, in English [0] and Chinese [1], made when first needed.</summary>
        public string?[] Lines { get; } = new string?[2];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ScoredBin, BinText> BinTexts = new();

    private static BinText DescribeBin(ScoredBin bin) => new(
        BinLabels.Describe(bin),
        bin.Lower is { } l ? BinLabels.Number(l) : string.Empty,
        bin.Upper is { } u ? BinLabels.Number(u) : string.Empty,
        bin.Kind.ToString(),
        string.Join(" / ", bin.Categories));

    /// <summary>
    /// A reason of the explainable boosting machine: the term (a characteristic, or a pair of them), the bin the
    /// applicant fell in for each, and the term's exact contribution to the log-odds of default.
    /// </summary>
    public static ReasonRecord EbmReason(EbmRecord model, EbmContribution contribution)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(contribution);
        var features = contribution.Features.Select(f => model.Features[f]).ToArray();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["characteristic"] = contribution.Term,
            ["contribution"] = contribution.LogOdds.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["note"] = nameof(MatchNote.None),
            ["model"] = "ebm",
            ["bin"] = string.Join("; ", features.Select((f, i) => (features.Length > 1 ? f.Name + ": " : string.Empty) + EbmBin(f, contribution.Bins[i], zh: false))),
            ["binZh"] = string.Join("；", features.Select((f, i) => (features.Length > 1 ? Label(f.Name, zh: true) + "：" : string.Empty) + EbmBin(f, contribution.Bins[i], zh: true))),
        };
        return new ReasonRecord(ScorePrefix + contribution.Term, values);
    }

    /// <summary>The reasons an applicant or dealer is shown: confidential findings folded into one.</summary>
    public static IReadOnlyList<ReasonView> ForApplicant(IEnumerable<ReasonRecord> reasons, DecisionStatus status, string language)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var views = new List<ReasonView>(reasons is IReadOnlyCollection<ReasonRecord> known ? known.Count : 4);
        var verification = false;
        foreach (var reason in reasons)
        {
            Add(views, reason, status, language, ref verification);
        }

        return views;
    }

    /// <summary>
    /// The same for a scorecard decision whose last reasons are <paramref name="scoreReasons"/>, in order, as
    /// <see cref="ScoreReason"/> made them: their lines are the ones <see cref="Text"/> gives, kept per bin and language.
    /// </summary>
    public static IReadOnlyList<ReasonView> ForApplicant(IReadOnlyList<ReasonRecord> reasons, DecisionStatus status, string language, Scorecard scorecard, ReadOnlySpan<Reason> scoreReasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(scorecard);
        var views = new List<ReasonView>(reasons.Count);
        var first = reasons.Count - scoreReasons.Length;
        var verification = false;
        for (var i = 0; i < first; i++)
        {
            Add(views, reasons[i], status, language, ref verification);
        }

        for (var i = 0; i < scoreReasons.Length; i++)
        {
            var record = reasons[first + i];
            views.Add(new ReasonView(record.Code, ScoreLine(scorecard, scoreReasons[i], record, language)));
        }

        return views;
    }

    private static void Add(List<ReasonView> views, ReasonRecord reason, DecisionStatus status, string language, ref bool verification)
    {
        if (!IsConfidential(reason.Code))
        {
            views.Add(new ReasonView(reason.Code, Text(reason, language)));
        }
        else if (!verification)
        {
            verification = true;
            views.Add(new ReasonView(Verification, VerificationText(status, language)));
        }
    }

    /// <summary>A scorecard reason's line: for a reason in a bin, made once per bin and language and then kept.</summary>
    private static string ScoreLine(Scorecard scorecard, Reason reason, ReasonRecord record, string language)
    {
        if (reason.Note != MatchNote.None || reason.Bin < 0)
        {
            return ScoreText(record, language);
        }

        var lines = BinTexts.GetValue(scorecard.Characteristics[reason.Characteristic].Bins[reason.Bin], DescribeBin).Lines;
        var slot = ReasonTexts.IsChinese(language) ? 1 : 0;
        return lines[slot] ??= ScoreText(record, language);
    }

    public static string Text(ReasonRecord reason, string language)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Code.StartsWith(ScorePrefix, StringComparison.Ordinal)
            ? ScoreText(reason, language)
            : FraudFindings.Text(reason.Code, language) ?? ReasonTexts.Text(reason.Code, reason.Values, language);
    }

    private static string ScoreText(ReasonRecord reason, string language)
    {
        var name = reason.Values.GetValueOrDefault("characteristic", reason.Code[ScorePrefix.Length..]);
        var zh = ReasonTexts.IsChinese(language);
        var label = name.Contains(PairSeparator, StringComparison.Ordinal) ? string.Join(PairSeparator, name.Split(PairSeparator).Select(part => Label(part, zh))) : Label(name, zh);
        var note = reason.Values.GetValueOrDefault("note", "None");
        if (note != nameof(MatchNote.None))
        {
            return zh ? $"{label}：超出模型建模范围，按中性分值计" : $"{label}: outside what the model was built on, scored as neutral";
        }

        var bin = zh ? reason.Values.GetValueOrDefault("binZh") ?? ChineseBin(reason.Values) : reason.Values.GetValueOrDefault("bin", string.Empty);
        return zh ? $"{label}（{bin}）拉低了评分" : $"{label} ({bin}) lowered the score";
    }

    /// <summary>How the explainable boosting machine names a pair of characteristics in one term.</summary>
    private const string PairSeparator = " × ";

    private static string Label(string name, bool zh) =>
        Characteristics.TryGetValue(name, out var l) ? (zh ? l.Zh : l.En) : name.Replace('_', ' ');

    /// <summary>A bin of the explainable boosting machine: missing, a level, or a range that includes its upper end.</summary>
    private static string EbmBin(EbmFeature feature, int bin, bool zh)
    {
        if (bin == 0)
        {
            return zh ? "未提供" : "missing";
        }

        if (feature.Kind == Credit.Data.ColumnKind.Categorical)
        {
            var level = feature.Levels[bin - 1];
            return zh ? ChineseCategories.GetValueOrDefault(level, level) : level;
        }

        var lower = bin == 1 ? null : BinLabels.Number(feature.Edges[bin - 2]);
        var upper = bin - 1 == feature.Edges.Count ? null : BinLabels.Number(feature.Edges[bin - 1]);
        return (lower, upper, zh) switch
        {
            (null, null, true) => "任意值",
            (null, null, false) => "any value",
            (null, _, true) => $"不高于 {upper}",
            (null, _, false) => $"up to {upper}",
            (_, null, true) => $"高于 {lower}",
            (_, null, false) => $"above {lower}",
            (_, _, true) => $"高于 {lower} 至 {upper}",
            _ => $"above {lower} up to {upper}",
        };
    }

    private static string ChineseBin(IReadOnlyDictionary<string, string> values)
    {
        var lower = values.GetValueOrDefault("lower", string.Empty);
        var upper = values.GetValueOrDefault("upper", string.Empty);
        return values.GetValueOrDefault("kind", string.Empty) switch
        {
            nameof(BinKind.Range) when lower.Length == 0 && upper.Length > 0 => $"低于 {upper}",
            nameof(BinKind.Range) when upper.Length == 0 && lower.Length > 0 => $"{lower} 及以上",
            nameof(BinKind.Range) when lower.Length > 0 => $"{lower} 至 {upper}（不含）",
            nameof(BinKind.Missing) => "未提供",
            _ => string.Join(" / ", values.GetValueOrDefault("categories", values.GetValueOrDefault("bin", string.Empty)).Split(" / ").Select(c => ChineseCategories.GetValueOrDefault(c, c))),
        };
    }

    /// <summary>The categories a bin can hold (employment, housing, vehicle), as Chinese reasons name them.</summary>
    private static readonly Dictionary<string, string> ChineseCategories = new(StringComparer.Ordinal)
    {
        ["salaried"] = "受薪", ["self-employed"] = "自雇", ["civil-servant"] = "公务员", ["retired"] = "退休", ["other"] = "其他",
        ["own"] = "自有住房", ["mortgage"] = "按揭住房", ["rent"] = "租房", ["family"] = "与家人同住",
        ["new"] = "新车", ["used"] = "二手车", ["conventional"] = "燃油车", ["new-energy"] = "新能源",
    };

    private static string VerificationText(DecisionStatus status, string language) => (ReasonTexts.IsChinese(language), status) switch
    {
        (true, DecisionStatus.Declined) => "根据所提供的信息，我们无法为您提供贷款",
        (true, _) => "部分申请信息需要人工核实，审核人员将尽快处理",
        (false, DecisionStatus.Declined) => "We cannot offer a loan on the information provided",
        _ => "Some of the information provided needs to be verified by an underwriter",
    };
}
