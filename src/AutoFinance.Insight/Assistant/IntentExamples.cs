namespace AutoFinance.Insight.Assistant;

/// <summary>Example questions per intent, in English and Chinese, that the classifier matches against.</summary>
public static class IntentExamples
{
    /// <summary>The built-in examples.</summary>
    public static IReadOnlyDictionary<AssistantIntent, IReadOnlyList<string>> Default { get; } = new Dictionary<AssistantIntent, IReadOnlyList<string>>
    {
        [AssistantIntent.NextDue] =
        [
            "when is my next payment due", "next instalment date and amount", "how much is my next repayment", "when do I have to pay next month",
            "when do I pay next", "next due date",
            "下期还款日是哪天", "下个月要还多少钱", "下一期还款金额", "这个月还款日期",
            "下次还款是什么时候", "什么时候还款", "还款日是几号",
        ],
        [AssistantIntent.Balance] =
        [
            "what is my remaining balance", "how much do I still owe", "outstanding loan balance", "remaining principal",
            "还剩多少本金", "贷款余额是多少", "我还欠多少钱", "剩余本金",
        ],
        [AssistantIntent.PayoffToday] =
        [
            "how much to pay off the loan today", "payoff amount today", "settle my loan in full now", "full settlement amount",
            "今天一次性结清要多少钱", "提前结清金额", "现在全部还清需要多少", "一次性还清",
        ],
        [AssistantIntent.HowToPrepay] =
        [
            "how do I prepay", "how can I repay early", "make a partial prepayment", "early repayment process and fees",
            "怎么提前还款", "提前还款流程", "部分提前还款怎么操作", "提前还款手续费",
        ],
        [AssistantIntent.Overdue] =
        [
            "how much is overdue", "am I behind on my payments", "overdue amount", "how many payments have I missed", "what are my arrears",
            "我的逾期金额是多少", "逾期了多少钱", "我逾期了吗", "欠了几期没还", "逾期几天了", "拖欠金额是多少",
        ],
        [AssistantIntent.Hardship] =
        [
            "I cannot pay this month", "can I pause my payments", "payment holiday", "I lost my job and cannot pay", "lower my monthly payment",
            "我想申请还款假期", "这个月还不上怎么办", "能不能延期还款", "失业了还不起", "想降低月供", "延长还款期限",
        ],
        [AssistantIntent.LateCharges] =
        [
            "how are late fees charged", "what happens if I pay late", "penalty interest for late payment", "is there a grace period", "late payment fee",
            "滞纳金是怎么收的", "逾期会收多少罚息", "晚几天还款有什么费用", "有没有宽限期", "罚息怎么计算", "逾期费用是多少",
        ],
        [AssistantIntent.ChangeDueDate] =
        [
            "can I change my due date", "move my repayment date", "change the payment day of the month", "can my due date be later",
            "可以修改还款日吗", "能不能换个还款日", "还款日期可以改吗", "想把还款日改到月底", "更改每月还款日",
        ],
        [AssistantIntent.ChargeWaiver] =
        [
            "can you waive my late fee", "please remove the penalty interest", "can the late charges be waived", "ask for a waiver of penalty",
            "可以减免罚息吗", "滞纳金能不能免掉", "申请减免逾期费用", "罚息可以免除吗", "能减免滞纳金吗",
        ],
        [AssistantIntent.ApplicationStatus] =
        [
            "where is my application", "status of my loan application", "has my application been approved", "application progress",
            "我的申请到哪一步了", "贷款申请进度", "申请审批结果", "审核状态",
        ],
    };
}
