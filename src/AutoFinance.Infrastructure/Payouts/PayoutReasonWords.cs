using AutoFinance.Domain.Notifications;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Why a payout failed or came back, in words in both languages: the screens look them up by key, and the dealer's
/// notice (<see cref="DealerPayoutNotices"/>) is written from the same ones, so both say the same.
/// </summary>
public static class PayoutReasonWords
{
    /// <summary>The kinds of failure (payout.reason.*), the provider's own codes and the banks' ISO 20022 codes (iso.reason.*).</summary>
    public static IReadOnlyList<(string Key, string Zh, string En)> Entries { get; } =
    [
        ("payout.reason.returned", "收款银行退回", "Returned by the payee's bank"),
        ("payout.reason.bank", "银行拒绝", "Rejected by the bank"),
        ("payout.reason.cancelled", "已由工作人员撤销", "Cancelled by staff"),
        ("payout.reason.provider", "支付机构未能付款", "The payment provider did not pay it"),
        ("payout.reason.not-taken", "支付机构未受理该付款指令", "The payment provider did not take the instruction"),
        ("payout.reason.account-closed", "收款账户已销户", "The payee's account is closed"),
        ("iso.reason.AC01", "账号错误", "incorrect account number"),
        ("iso.reason.AC04", "账户已销户", "closed account"),
        ("iso.reason.AC06", "账户已冻结", "blocked account"),
        ("iso.reason.AG01", "该账户不允许此类交易", "transaction forbidden on this account"),
        ("iso.reason.AM04", "余额不足", "insufficient funds"),
        ("iso.reason.AM05", "重复付款", "duplicate payment"),
        ("iso.reason.BE01", "收款人名称与账户不符", "payee name does not match the account"),
        ("iso.reason.MS03", "未说明原因", "reason not specified"),
        ("iso.reason.FF01", "文件格式无效", "invalid file format"),
        ("iso.reason.DU01", "报文编号重复", "duplicate message id"),
        ("iso.reason.AM18", "笔数与文件头不符", "number of transactions does not match the header"),
        ("iso.reason.DT01", "日期无效", "invalid date"),
        ("iso.reason.RC01", "银行代码错误", "incorrect bank identifier"),
    ];

    private static readonly Dictionary<string, NoticeText> ByKey = Entries.ToDictionary(e => e.Key, e => new NoticeText(e.Zh, e.En), StringComparer.Ordinal);

    /// <summary>
    /// The reason in plain words, as the payout's screen says it: a bank's rejection or return with its code and what the
    /// code means, the provider's known code in words (an unknown one named as the provider's, with the code), and
    /// whatever text came with it as it came.
    /// </summary>
    public static NoticeText Describe(PayoutFailures.Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var byBank = reading.Kind is PayoutFailures.Kind.Bank or PayoutFailures.Kind.Returned;
        // A bank's code is an ISO 20022 one; a return the provider reported carries the provider's own code.
        var known = reading.Code is { } code
            ? Known((byBank ? "iso.reason." : "payout.reason.") + code) ?? (reading.Kind == PayoutFailures.Kind.Returned ? Known("payout.reason." + code) : null)
            : null;
        var said = reading.Kind switch
        {
            PayoutFailures.Kind.Bank or PayoutFailures.Kind.Returned when reading.Code is { } bankCode =>
                Join(ByKey[reading.Kind == PayoutFailures.Kind.Bank ? "payout.reason.bank" : "payout.reason.returned"], new NoticeText(
                    $"（{bankCode}{(known is null ? string.Empty : " " + known.Chinese)}）", $" ({bankCode}{(known is null ? string.Empty : " " + known.English)})")),
            PayoutFailures.Kind.Bank => ByKey["payout.reason.bank"],
            PayoutFailures.Kind.Returned => ByKey["payout.reason.returned"],
            PayoutFailures.Kind.NotTaken => ByKey["payout.reason.not-taken"],
            PayoutFailures.Kind.Cancelled => ByKey["payout.reason.cancelled"],
            _ when known is not null => known,
            _ => Join(ByKey["payout.reason.provider"], new NoticeText($"（{reading.Code}）", $" ({reading.Code})")),
        };
        return reading.Detail is { } detail ? Join(said, new NoticeText("：" + detail, ": " + detail)) : said;
    }

    private static NoticeText? Known(string key) => ByKey.GetValueOrDefault(key);

    private static NoticeText Join(NoticeText first, NoticeText second) => new(first.Chinese + second.Chinese, first.English + second.English);
}
