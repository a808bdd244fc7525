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
    ];

    [GeneratedRegex(@"^is required.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex(@"^(?:must be )?between (\S+) and (\S+).*$", RegexOptions.CultureInvariant)]
    private static partial Regex Between();
}
