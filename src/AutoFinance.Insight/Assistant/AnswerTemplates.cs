namespace AutoFinance.Insight.Assistant;

/// <summary>The assistant's sentences in Simplified Chinese and English, with {placeholders} for the snapshot's figures.</summary>
/// <remarks>Placeholders: {amount} (a Money as "1,234.56 CNY"), {date} (yyyy-MM-dd), {asOf}, {loan}, {application}, {status}.</remarks>
public static class AnswerTemplates
{
    /// <summary>Languages with templates.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["zh-CN", "en"];

    /// <summary>The template of an intent in a language.</summary>
    public static string For(AssistantIntent intent, string language) => (intent, IsChinese(language)) switch
    {
        (AssistantIntent.NextDue, true) => "您的下一期还款日为 {date}，应还金额 {amount}。",
        (AssistantIntent.NextDue, false) => "Your next instalment of {amount} is due on {date}.",
        (AssistantIntent.Balance, true) => "截至 {asOf}，您的剩余本金为 {amount}。",
        (AssistantIntent.Balance, false) => "As of {asOf}, your outstanding principal is {amount}.",
        (AssistantIntent.PayoffToday, true) => "如在 {asOf} 一次性结清，应还 {amount}（含截至当日的利息及费用）。",
        (AssistantIntent.PayoffToday, false) => "To pay your loan off on {asOf}, the amount is {amount} (interest and fees to that day included).",
        (AssistantIntent.HowToPrepay, true) => "您可在 App 的“我的贷款”中选择“提前还款”，可全部结清或部分还款；部分还款后可选择缩短期限或降低月供。今日全部结清金额为 {amount}。",
        (AssistantIntent.HowToPrepay, false) => "In the app, open My loan and choose Prepay: pay everything off or part of it, then keep the term with a lower payment or keep the payment with a shorter term. Paying everything off today costs {amount}.",
        (AssistantIntent.ApplicationStatus, true) => "您的申请 {application} 当前状态：{status}。",
        (AssistantIntent.ApplicationStatus, false) => "Your application {application} is {status}.",
        (_, true) => "这个问题我暂时无法回答，正在为您转接人工客服。",
        (_, false) => "I can't answer that one; I'm passing you to a member of our team.",
    };

    /// <summary>The hand-over sentence when a figure the answer needs is not available.</summary>
    public static string MissingFigure(string language) => IsChinese(language)
        ? "暂时无法获取您的相关数据，正在为您转接人工客服。"
        : "I can't see that figure for your account right now; I'm passing you to a member of our team.";

    /// <summary>True for Chinese ("zh", "zh-CN", "zh-Hans").</summary>
    public static bool IsChinese(string language) => language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;
}
