using System.Globalization;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// The sentences a customer reads for each reason code, in English and Simplified Chinese, filled from the figures the
/// outcome carries. A sentence describes the failure: it is shown for a failed check or a decision reason.
/// </summary>
/// <remarks>
/// Languages: "zh", "zh-CN", "zh-Hans" and their variants give Simplified Chinese; anything else gives English.
/// Percentages are shown to one decimal, or two when the second one is needed (80.01%); amounts with thousands
/// separators and the currency (CNY as 元 in Chinese). A code not defined here yields a sentence naming the code, and a
/// missing figure shows as "—", so a reason is never lost for want of a text.
/// </remarks>
public static class ReasonTexts
{
    public const string English = "en";

    public const string SimplifiedChinese = "zh-CN";

    public static IReadOnlyList<string> Languages { get; } = [English, SimplifiedChinese];

    public static string Text(RuleOutcome outcome, string language)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Text(outcome.Code, outcome.Values, language);
    }

    public static string Text(string code, IReadOnlyDictionary<string, string> values, string language)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(values);
        var v = new Figures(values, IsChinese(language));
        return v.Zh ? Chinese(code, v) : InEnglish(code, v);
    }

    /// <summary>Whether a language tag asks for Simplified Chinese.</summary>
    public static bool IsChinese(string? language) =>
        language is not null && (language.Equals("zh", StringComparison.OrdinalIgnoreCase) || language.StartsWith("zh-", StringComparison.OrdinalIgnoreCase))
        && !language.Contains("Hant", StringComparison.OrdinalIgnoreCase);

    private static string InEnglish(string code, Figures v) => code switch
    {
        ReasonCodes.MinAge => $"The applicant is {v["age"]}; the minimum age is {v["min"]}",
        ReasonCodes.MaxAgeAtMaturity => $"The applicant would be {v["age"]} when the loan ends on {v["maturityDate"]}, above the limit of {v["limit"]}",
        ReasonCodes.TermCap => $"A {v["term"]}-month term is longer than the {v["limit"]}-month maximum for {Condition(v["condition"], false)}",
        ReasonCodes.LtvCap => $"Loan-to-value {v.Percent("actual")} is above the {v.Percent("limit")} cap for {Category(v["category"], false)}"
            + (v.Has("maxLoanAmount") ? $"; at most {v.Amount("maxLoanAmount")} can be lent" : ""),
        ReasonCodes.LoanAmount => v.Decimal("amount") < v.Decimal("min")
            ? $"The loan amount of {v.Amount("amount")} is below the minimum of {v.Amount("min")}"
            : $"The loan amount of {v.Amount("amount")} is above the maximum of {v.Amount("max")}",
        ReasonCodes.PaymentToIncome => v.Has("actual")
            ? $"The monthly payment of {v.Amount("payment")} is {v.Percent("actual")} of monthly income, above the {v.Percent("limit")} limit"
            : "No monthly income was stated to meet the monthly payment",
        ReasonCodes.DebtToIncome => v.Has("actual")
            ? $"Monthly debt payments of {v.TotalDebts()} including this loan are {v.Percent("actual")} of monthly income, above the {v.Percent("limit")} limit"
            : "No monthly income was stated to meet the monthly debt payments",
        ReasonCodes.VehicleAgeAtMaturity => $"The vehicle would be {v["age"]} years old when the loan ends on {v["maturityDate"]}, above the limit of {v["limit"]} years",
        ReasonCodes.TermAllowed => $"A {v["term"]}-month term is not offered; the terms are {v.List("allowed")} months",
        ReasonCodes.MethodAllowed => $"Repayment by {Method(v["method"], false)} is not offered for this product",
        ReasonCodes.ProductCondition => $"This product does not finance {Condition(v["condition"], false)}",
        ReasonCodes.NoEligibleOffer => "No repayment plan meets the lending policy",
        ReasonCodes.GradeDeclined => $"The credit assessment (grade {v["grade"]}) does not meet the lending standard",
        ReasonCodes.GradeReferred => $"The application needs a review by an underwriter (credit grade {v["grade"]})",
        ReasonCodes.BureauUnavailable => "Bureau unavailable: the credit report could not be obtained, so an underwriter will review the application",
        ReasonCodes.BureauNoHit => "The credit bureau holds no record of the applicant, so an underwriter will review the application",
        ReasonCodes.BureauRecentSeriousDelinquency => $"The credit report shows a payment 90 or more days late {v["monthsAgo"]} months ago",
        ReasonCodes.BureauPublicRecord => $"The credit report holds {v["count"]} open public records (judgments, enforcements or arrears)",
        _ => $"Reason {code}",
    };

    private static string Chinese(string code, Figures v) => code switch
    {
        ReasonCodes.MinAge => $"申请人年龄 {v["age"]} 岁，低于最低年龄 {v["min"]} 岁",
        ReasonCodes.MaxAgeAtMaturity => $"贷款到期日（{v["maturityDate"]}）申请人年龄 {v["age"]} 岁，超过上限 {v["limit"]} 岁",
        ReasonCodes.TermCap => $"贷款期限 {v["term"]} 个月，超过{Condition(v["condition"], true)}最长期限 {v["limit"]} 个月",
        ReasonCodes.LtvCap => $"贷款价值比 {v.Percent("actual")} 超过{Category(v["category"], true)}上限 {v.Percent("limit")}"
            + (v.Has("maxLoanAmount") ? $"，最高可贷 {v.Amount("maxLoanAmount")}" : ""),
        ReasonCodes.LoanAmount => v.Decimal("amount") < v.Decimal("min")
            ? $"贷款金额 {v.Amount("amount")}低于最低额度 {v.Amount("min")}"
            : $"贷款金额 {v.Amount("amount")}超过最高额度 {v.Amount("max")}",
        ReasonCodes.PaymentToIncome => v.Has("actual")
            ? $"月供 {v.Amount("payment")}占月收入 {v.Percent("actual")}，超过上限 {v.Percent("limit")}"
            : "未提供月收入，无法承担月供",
        ReasonCodes.DebtToIncome => v.Has("actual")
            ? $"含本笔贷款在内的月还款额 {v.TotalDebts()}占月收入 {v.Percent("actual")}，超过上限 {v.Percent("limit")}"
            : "未提供月收入，无法承担月还款额",
        ReasonCodes.VehicleAgeAtMaturity => $"贷款到期日（{v["maturityDate"]}）车龄 {v["age"]} 年，超过上限 {v["limit"]} 年",
        ReasonCodes.TermAllowed => $"不提供 {v["term"]} 期贷款，可选期限为 {v.List("allowed")} 期",
        ReasonCodes.MethodAllowed => $"本产品不提供{Method(v["method"], true)}还款方式",
        ReasonCodes.ProductCondition => $"本产品不为{Condition(v["condition"], true)}提供贷款",
        ReasonCodes.NoEligibleOffer => "没有符合贷款政策的还款方案",
        ReasonCodes.GradeDeclined => $"信用评估（等级 {v["grade"]}）未达到贷款标准",
        ReasonCodes.GradeReferred => $"申请需由审批人员人工审核（信用等级 {v["grade"]}）",
        ReasonCodes.BureauUnavailable => "征信系统暂不可用，未能取得征信报告，申请将由审批人员人工审核",
        ReasonCodes.BureauNoHit => "征信中心无申请人的信用记录，申请将由审批人员人工审核",
        ReasonCodes.BureauRecentSeriousDelinquency => $"征信报告显示 {v["monthsAgo"]} 个月前有逾期 90 天以上的记录",
        ReasonCodes.BureauPublicRecord => $"征信报告中有 {v["count"]} 条未结的公共记录（判决、强制执行或欠税）",
        _ => $"原因代码 {code}",
    };

    private static string Category(string name, bool zh) => name switch
    {
        "new-conventional" => zh ? "新车（燃油）" : "new conventional cars",
        "new-energy" => zh ? "新能源新车" : "new-energy vehicles bought new",
        "used" => zh ? "二手车" : "used cars",
        _ => name,
    };

    private static string Condition(string name, bool zh) => name switch
    {
        "new" => zh ? "新车" : "new cars",
        "used" => zh ? "二手车" : "used cars",
        _ => name,
    };

    private static string Method(string name, bool zh) => name switch
    {
        "annuity" => zh ? "等额本息" : "equal instalments",
        "equal-principal" => zh ? "等额本金" : "equal principal",
        "interest-only" => zh ? "先息后本" : "interest only, then principal",
        "balloon" => zh ? "弹性尾款" : "balloon (a final residual payment)",
        "flat-fee" => zh ? "等本等费" : "flat fee",
        _ => name,
    };

    /// <summary>The figures of an outcome, read and formatted for one language.</summary>
    private readonly struct Figures(IReadOnlyDictionary<string, string> values, bool zh)
    {
        private const string Missing = "—";

        public bool Zh => zh;

        public string this[string key] => values.TryGetValue(key, out var value) ? Format(key, value) : Missing;

        public bool Has(string key) => values.ContainsKey(key);

        public decimal? Decimal(string key) =>
            values.TryGetValue(key, out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

        /// <summary>A ratio as a percentage with one decimal, or two when the second is not zero.</summary>
        public string Percent(string key) =>
            Decimal(key) is { } ratio ? (ratio * 100m).ToString("0.0#", CultureInfo.InvariantCulture) + "%" : Missing;

        public string Amount(string key) => Decimal(key) is { } amount ? Money(amount, values.TryGetValue(key, out var text) ? Decimals(text) : 2) : Missing;

        /// <summary>Existing debts plus the new payment.</summary>
        public string TotalDebts() =>
            Decimal("payment") is { } payment ? Money(payment + (Decimal("existingDebts") ?? 0m), Decimals(values["payment"])) : Missing;

        /// <summary>A comma-separated list as the language writes it: "12, 24 and 36" or "12、24、36".</summary>
        public string List(string key)
        {
            if (!values.TryGetValue(key, out var text) || text.Length == 0)
            {
                return Missing;
            }

            var items = text.Split(',');
            return zh || items.Length == 1 ? string.Join(zh ? "、" : ", ", items) : string.Join(", ", items[..^1]) + " and " + items[^1];
        }

        private string Money(decimal amount, int decimals)
        {
            var number = amount.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var currency = values.TryGetValue("currency", out var code) ? code : null;
            return (zh, currency) switch
            {
                (true, "CNY") => number + " 元",
                (true, { } other) => number + " " + other,
                (false, { } other) => other + " " + number,
                _ => number,
            };
        }

        private string Format(string key, string value) =>
            zh && key == "maturityDate" && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
                : value;

        private static int Decimals(string text)
        {
            var point = text.IndexOf('.', StringComparison.Ordinal);
            return point < 0 ? 0 : text.Length - point - 1;
        }
    }
}
