namespace AutoFinance.Web.Components.Localization;

/// <summary>The strings of SMS codes, account protection, identity checks and the credit report.</summary>
public static partial class UiText
{
    private static (string Key, string Zh, string En)[] IdentityEntries() =>
    [
        ("register.send-code", "发送验证码", "Text me a code"),
        ("register.code", "短信验证码（6 位）", "Code from the text (6 digits)"),
        ("register.code-sent", "如果该手机号可以注册，验证码已发送，5 分钟内有效。", "If this number can be registered, a code has been sent to it; it is valid for 5 minutes."),
        ("register.bad-code", "请填写短信中的 6 位验证码", "Enter the 6-digit code from the text"),
        ("signin.locked", "该账户登录失败次数过多，请 {0} 分钟后再试。", "Too many failed sign-ins to this name; try again in {0} minutes."),
        ("problem.password.length", "密码须为 10 至 200 个字符", "The password must be 10 to 200 characters"),
        ("problem.password.common", "这是常见密码，容易被猜中，请换一个", "This is a commonly used password and easy to guess; choose another"),
        ("problem.password.mobile", "密码不能包含您的手机号", "The password must not contain your mobile number"),
        ("problem.code.invalid", "验证码不正确，或未向该手机号发送验证码", "This is not the code sent, or no code was sent to this number"),
        ("problem.code.expired", "验证码已过期，请重新获取", "The code has expired; ask for a new one"),
        ("problem.code.attempts-exhausted", "错误次数过多，请重新获取验证码", "Too many wrong tries; ask for a new code"),
        ("problem.code.throttled-wait", "获取验证码过于频繁，请 {0} 秒后再试", "A code was asked for too often; try again in {0} seconds"),
        ("problem.sms.unavailable", "短信暂时无法发送，请稍后再试", "The text could not be sent; try again in a minute"),
    ];
}
