namespace AutoFinance.Insight.Assistant;

/// <summary>The assistant's sentences in Simplified Chinese and English, with {placeholders} for the snapshot's figures.</summary>
/// <remarks>Placeholders: {amount} (a Money as "1,234.56 CNY"), {date} (yyyy-MM-dd), {asOf}, {loan}, {application}, {status}, {credit} and {rest} (the credit held, and what is left to pay after it), {count} (instalments overdue).</remarks>
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
        (AssistantIntent.Overdue, true) => "截至 {asOf}，您没有逾期的还款。下一期于 {date} 到期，应还 {amount}。",
        (AssistantIntent.Overdue, false) => "As of {asOf} nothing is overdue. The next instalment, {amount}, is due on {date}.",
        (AssistantIntent.Hardship, true) => "如遇失业、疾病等暂时困难，可在贷款页面的“困难还款申请”中申请还款假期（暂停几期还款）或延长期限（降低月供），客服审核后会通知您结果。请在逾期前申请；已有未付的逾期费用时须先还清。",
        (AssistantIntent.Hardship, false) => "If you are in temporary difficulty (job loss, illness), ask on your loan page under Hardship requests for a payment holiday (a few instalments paused) or a longer term (a lower payment); staff review it and tell you the outcome. Ask before you fall behind: late charges already owed must be paid first.",
        (AssistantIntent.LateCharges, true) => "还款日后有宽限期，宽限期内还清不收取任何费用。超过宽限期仍未还清的，每期收取一次合同约定的逾期费，并按日对逾期的本金和利息计收罚息，直至还清；具体费率和金额见贷款页面的信息披露。还款先冲抵费用和罚息，再冲抵利息和本金，从最早一期开始。",
        (AssistantIntent.LateCharges, false) => "After the due date there are a few days of grace: paid within them, nothing is charged. Once grace is over, the late fee your contract states is charged once on each late instalment, and penalty interest runs day by day on the overdue principal and interest until it is paid; the rates and amounts are in your loan's disclosure. Payments go first to fees and penalty, then interest and principal, oldest instalment first.",
        (AssistantIntent.ChangeDueDate, true) => "还款日在合同中约定，不能更改。如果还款日不方便，您可以在当月任何时候提前还款（多还的金额留作下一期还款），也可以绑定银行卡在到期日自动扣款；如遇暂时困难，可在贷款页面申请还款假期或延长期限。",
        (AssistantIntent.ChangeDueDate, false) => "The repayment date is fixed by your contract and cannot be moved. If it is hard to meet, pay earlier in the month at any time (what you pay ahead is kept for the next instalment) or set up direct debit on the due date; if you are in difficulty, ask for a payment holiday or a longer term on your loan page.",
        (AssistantIntent.ChargeWaiver, true) => "如因疾病、失业等特殊情况逾期，可联系客服或催收专员申请减免罚息和滞纳金；申请经两位工作人员审核批准后才会减免，结果会通知您。减免不影响应还的本金和利息，请尽快还清逾期款项，以免继续产生罚息。",
        (AssistantIntent.ChargeWaiver, false) => "If you fell behind because of illness, job loss or similar, ask our service desk or your collections officer to waive the penalty interest and late fees; two members of staff review the request and you are told the outcome. A waiver does not change the principal and interest you owe: please pay the arrears soon to stop further penalty.",
        (_, true) => "这个问题我暂时无法回答，正在为您转接人工客服。",
        (_, false) => "I can't answer that one; I'm passing you to a member of our team.",
    };

    /// <summary>The next instalment's date passed unpaid: it is overdue, not upcoming.</summary>
    public static string Overdue(string language) => IsChinese(language)
        ? "您 {date} 到期的一期还款 {amount} 已逾期，请尽快还款，以免产生更多罚息。"
        : "Your instalment of {amount} due on {date} is overdue; please pay it soon to stop further penalty interest.";

    /// <summary>More than one instalment passed its date unpaid: all of them, and what they come to now.</summary>
    public static string SeveralOverdue(string language) => IsChinese(language)
        ? "您有 {count} 期还款已逾期（最早一期于 {date} 到期），目前共应还 {amount}（含逾期费用），请尽快还款，以免产生更多罚息。"
        : "{count} instalments are overdue, the oldest due on {date}: {amount} is owed on them now, late charges included. Please pay soon to stop further penalty interest.";

    /// <summary>The loan is paid off: nothing is due, nothing to ask a person for.</summary>
    public static string PaidOff(string language) => IsChinese(language)
        ? "您的贷款 {loan} 已全部结清，无需再还款。"
        : "Your loan {loan} is paid off; there is nothing more to pay.";

    /// <summary>Credit held covers the next instalment in whole.</summary>
    public static string CoveredByCredit(string language) => IsChinese(language)
        ? "您的下一期还款日为 {date}，应还金额 {amount}；账户中预存的 {credit} 将在到期日自动抵扣，无需另行还款。"
        : "Your next instalment of {amount} is due on {date}; the {credit} you paid ahead is applied on that day, so nothing more is to pay.";

    /// <summary>Credit held covers part of the next instalment.</summary>
    public static string PartlyCoveredByCredit(string language) => IsChinese(language)
        ? "您的下一期还款日为 {date}，应还金额 {amount}；账户中预存的 {credit} 将自动抵扣，还需还款 {rest}。"
        : "Your next instalment of {amount} is due on {date}; the {credit} you paid ahead is applied to it, leaving {rest} to pay.";

    /// <summary>The hand-over sentence when a figure the answer needs is not available.</summary>
    public static string MissingFigure(string language) => IsChinese(language)
        ? "暂时无法获取您的相关数据，正在为您转接人工客服。"
        : "I can't see that figure for your account right now; I'm passing you to a member of our team.";

    /// <summary>True for Chinese ("zh", "zh-CN", "zh-Hans").</summary>
    public static bool IsChinese(string language) => language?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true;
}
