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

        foreach (var (pattern, zh) in Problems)
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

    [GeneratedRegex(@"^is required.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex(@"^(?:must be )?between (\S+) and (\S+).*$", RegexOptions.CultureInvariant)]
    private static partial Regex Between();
}
