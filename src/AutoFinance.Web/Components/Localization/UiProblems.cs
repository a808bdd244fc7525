using System.Text.RegularExpressions;

namespace AutoFinance.Web.Components.Localization;

/// <summary>The validators' messages (written in English) as the pages show them in Chinese.</summary>
public static partial class UiText
{
    public static string Problem(string message, bool english)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (english)
        {
            return message;
        }

        foreach (var (pattern, zh) in DeskProblems.Concat(Problems))
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return pattern.Replace(message, zh);
            }
        }

        return message;
    }

    private static readonly (Regex Pattern, string Zh)[] Problems =
    [
        (Required(), "此项必填"),
        (Between(), "须在 $1 至 $2 之间"),
        (new Regex(@"^is not a number$", RegexOptions.CultureInvariant), "不是有效数字"),
        (new Regex(@"^must be a whole number$", RegexOptions.CultureInvariant), "须为整数"),
        (new Regex(@"^is not a date \(YYYY-MM-DD\)$", RegexOptions.CultureInvariant), "日期格式应为 YYYY-MM-DD"),
        (new Regex(@"^must have at most 2 decimal places$", RegexOptions.CultureInvariant), "最多两位小数"),
        (new Regex(@"^must be less than the vehicle price$", RegexOptions.CultureInvariant), "须低于车价"),
        (new Regex(@"^does not match the birth date in the national ID$", RegexOptions.CultureInvariant), "与身份证号中的出生日期不一致"),
        (new Regex(@"^must be a mainland mobile number.*$", RegexOptions.CultureInvariant), "须为 11 位大陆手机号（13–19 开头）"),
        (new Regex(@"^must be a past date after 1900$", RegexOptions.CultureInvariant), "须为 1900 年以后的过去日期"),
        (new Regex(@"^is not an e-mail address$", RegexOptions.CultureInvariant), "不是有效的电子邮箱"),
        (new Regex(@"^must be a positive amount.*$", RegexOptions.CultureInvariant), "须为正数金额（精确到分）"),
        (new Regex(@"^must be between the loan's start date and today$", RegexOptions.CultureInvariant), "须在放款日与今天之间"),
        (new Regex(@"^(?:the )?(?:check|checksum|check digit|check character).*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase), "校验位不正确"),
        (new Regex(@"^must be between the loan's start date and a year from today$", RegexOptions.CultureInvariant), "须在放款日与一年后之间"),
        (new Regex(@"^a payoff quote for a past date is for staff.*$", RegexOptions.CultureInvariant), "过去日期的结清报价仅限工作人员查询，请选择今天或以后的日期"),
        (new Regex(@"^money from a customer is dated by the server.*$", RegexOptions.CultureInvariant), "客户款项以系统日期入账，请勿填写日期"),
        (new Regex(@"^a backdated posting needs a reason.*$", RegexOptions.CultureInvariant), "倒填日期入账须说明原因（3 至 500 个字符）"),
        (new Regex(@"^must be hold .*$", RegexOptions.CultureInvariant), "请选择留作预存或提前还本"),
        (new Regex(@"^a \S+ loan cannot be re-amortised.*$", RegexOptions.CultureInvariant), "该贷款不能部分提前还款，请选择留作预存，或提前结清"),
        (new Regex(@"^must say why.*$", RegexOptions.CultureInvariant), "请说明原因（3 至 500 个字符）"),
        (new Regex(@"^the payment is already reversed$", RegexOptions.CultureInvariant), "该笔还款已冲正"),
        (new Regex(@"^the loan was paid off after this payment.*$", RegexOptions.CultureInvariant), "该笔还款之后贷款已提前结清，不能冲正"),
        (new Regex(@"^the loan was restructured after this payment.*$", RegexOptions.CultureInvariant), "该笔还款之后贷款已重组，请先撤销重组"),
        (new Regex(@"^the payoff amount on (\S+) is (\S+), not (\S+); ask for a new quote$", RegexOptions.CultureInvariant), "$1 的结清金额已变为 $2（不是 $3），请确认新的报价"),
        (new Regex(@"^the loan changed while .*$", RegexOptions.CultureInvariant), "贷款在处理期间发生了变化，请重试"),
        (new Regex(@"^another change to this loan was posted at the same moment.*$", RegexOptions.CultureInvariant), "该贷款同时有其他变更，请重试"),
        (new Regex(@"^the loan is (\S+)$", RegexOptions.CultureInvariant), "贷款状态为 $1，不能办理"),
        (new Regex(@"^must be one of .*$", RegexOptions.CultureInvariant), "请从列表中选择"),
        (new Regex(@"^must be at most (\d+) characters$", RegexOptions.CultureInvariant), "最多 $1 个字符"),
        (new Regex(@"^a promise to pay needs a positive amount.*$", RegexOptions.CultureInvariant), "承诺还款须填写正数金额（精确到分）"),
        (new Regex(@"^a promise to pay needs a date.*$", RegexOptions.CultureInvariant), "承诺还款须填写今天起 60 天内的日期"),
        (new Regex(@"^a promised amount and date go with the PTP outcome$", RegexOptions.CultureInvariant), "承诺金额和日期仅用于“承诺还款”"),
        (new Regex(@"^name at least one collector.*$", RegexOptions.CultureInvariant), "没有可分配的催收员账户"),
        (new Regex(@"^accounts changed while they were being assigned.*$", RegexOptions.CultureInvariant), "分配期间账户发生变化，请重试"),
    ];

    /// <summary>The service desk's, surveys', assistant's and experiments' messages; tried before the general ones.</summary>
    private static readonly (Regex Pattern, string Zh)[] DeskProblems =
    [
        (new Regex(@"^must be (\d+) to (\d+) characters$", RegexOptions.CultureInvariant), "须为 $1 至 $2 个字符"),
        (new Regex(@"^is required: 1 to (\d+) characters.*$", RegexOptions.CultureInvariant), "此项必填（1 至 $1 个字符）"),
        (new Regex(@"^is required: a whole number from 1 .* to 5 .*$", RegexOptions.CultureInvariant), "请选择 1（非常不满意）至 5（非常满意）"),
        (new Regex(@"^is required: a whole number from 0 .* to 10 .*$", RegexOptions.CultureInvariant), "请选择 0（完全不可能）至 10（非常可能）"),
        (new Regex(@"^urgent is set by staff.*$", RegexOptions.CultureInvariant), "“紧急”由客服设定，请选择低、普通或高"),
        (new Regex(@"^there is no customer record behind this account yet.*$", RegexOptions.CultureInvariant), "该账户还没有客户资料，请先提交申请或致电我们"),
        (new Regex(@"^must be an active service agent or manager$", RegexOptions.CultureInvariant), "须为在职的客服或经理"),
        (new Regex(@"^the case is resolved; reopen it first$", RegexOptions.CultureInvariant), "工单已解决，请先重新打开"),
        (new Regex(@"^the case is already resolved$", RegexOptions.CultureInvariant), "工单已解决"),
        (new Regex(@"^only a resolved case can be reopened$", RegexOptions.CultureInvariant), "只有已解决的工单才能重新打开"),
        (new Regex(@"^the case changed at the same moment.*$", RegexOptions.CultureInvariant), "工单同时被修改，请刷新后重试"),
        (new Regex(@"^only staff write internal notes$", RegexOptions.CultureInvariant), "只有员工可以写内部备注"),
        (new Regex(@"^this survey is already answered$", RegexOptions.CultureInvariant), "该调查已回答"),
        (new Regex(@"^must be en or zh-CN$", RegexOptions.CultureInvariant), "请选择中文或英文"),
        (new Regex(@"^must be 3 to 64 lower-case letters, digits or hyphens$", RegexOptions.CultureInvariant), "须为 3 至 64 位小写字母、数字或连字符"),
        (new Regex(@"^must say what counts as a conversion.*$", RegexOptions.CultureInvariant), "请说明什么算作转化（3 至 200 个字符）"),
        (new Regex(@"^is required: the control's expected conversion rate.*$", RegexOptions.CultureInvariant), "必填：对照组的预期转化率（0 至 1 之间）"),
        (new Regex(@"^is required: the smallest absolute lift worth detecting$", RegexOptions.CultureInvariant), "必填：值得检测的最小绝对提升"),
        (new Regex(@"^must lie strictly between 0 and 1$", RegexOptions.CultureInvariant), "须大于 0 且小于 1"),
        (new Regex(@"^must be non-zero and keep the rate between 0 and 1$", RegexOptions.CultureInvariant), "不能为 0，且加上基准后仍须在 0 至 1 之间"),
        (new Regex(@"^at least two are needed$", RegexOptions.CultureInvariant), "至少需要两组"),
        (new Regex(@"^every weight must be positive$", RegexOptions.CultureInvariant), "权重须为正数"),
        (new Regex(@"^names must be distinct$", RegexOptions.CultureInvariant), "各组名称不能相同"),
        (new Regex(@"^is required, at most 50 characters$", RegexOptions.CultureInvariant), "必填，最多 50 个字符"),
        (new Regex(@"^an experiment '(\S+)' already exists.*$", RegexOptions.CultureInvariant), "实验“$1”已存在；实验一经定义不能修改"),
        (new Regex(@"^the customer has no active loan to base an offer on$", RegexOptions.CultureInvariant), "该客户没有在贷贷款，无法决定推荐"),
    ];

    [GeneratedRegex(@"^is required.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex(@"^(?:must be )?between (\S+) and (\S+).*$", RegexOptions.CultureInvariant)]
    private static partial Regex Between();
}
