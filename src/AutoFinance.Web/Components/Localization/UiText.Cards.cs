namespace AutoFinance.Web.Components.Localization;

/// <summary>The strings of the customer's bank cards for direct debit (代扣).</summary>
public static partial class UiText
{
    private static Dictionary<string, (string Zh, string En)> WithCards(Dictionary<string, (string Zh, string En)> table)
    {
        foreach (var (key, zh, en) in CardEntries())
        {
            table.Add(key, (zh, en));
        }

        return table;
    }

    private static (string Key, string Zh, string En)[] CardEntries() =>
    [
        ("cards.title", "银行卡代扣", "Cards for direct debit"),
        ("cards.lead", "绑定银行卡后，每期还款日自动从卡中扣款；扣款失败会在 1 天和 3 天后再试。预存余额先抵扣，只扣差额。", "With a card bound, each instalment is debited from it on its due date; a failed debit is tried again 1 and 3 days later. Credit you hold is used first and only the rest is debited."),
        ("cards.link", "银行卡代扣", "Direct debit cards"),
        ("cards.status.active", "生效中", "Active"),
        ("cards.status.revoked", "已解绑", "Revoked"),
        ("cards.consented", "{0} 授权", "Authorised {0}"),
        ("cards.revoke", "解除绑定", "Revoke"),
        ("cards.revoke-confirm", "解除后将不再自动扣款，需要您按时自行还款。确定解除？", "Nothing more will be debited; you will need to pay each instalment yourself. Revoke this card?"),
        ("cards.done.bound", "银行卡已绑定，到期将自动扣款。", "The card is bound; instalments will be debited when due."),
        ("cards.done.revoked", "已解除绑定，不会再从这张卡扣款。", "The card is revoked; nothing more will be debited from it."),
        ("cards.bind", "绑定新卡", "Bind a card"),
        ("cards.bind-lead", "卡号只发送给支付机构，本平台只保存末四位。验证码发送到您登记的手机号。", "The card number goes to the payment provider only; we keep its last four digits. The code is texted to the mobile number on file."),
        ("cards.number", "银行卡号", "Card number"),
        ("cards.holder", "持卡人姓名", "Cardholder name"),
        ("cards.bank", "开户银行", "Bank"),
        ("cards.send-code", "获取验证码", "Send code"),
        ("cards.code-sent", "验证码已发送到您登记的手机号，5 分钟内有效。", "A code was texted to the mobile number on file; it is valid for 5 minutes."),
        ("cards.code", "短信验证码", "Code from the text"),
        ("cards.consent", "点击“同意并绑定”，即授权本平台在每期还款日按应还金额从该卡扣款，直至您解除绑定。", "By binding, you authorise us to debit this card for each instalment due, until you revoke it."),
        ("cards.bind-submit", "同意并绑定", "Agree and bind"),
        ("empty.cards", "您还没有绑定银行卡。绑定后每期自动还款，不用担心忘记。", "No card bound yet. Bind one and each instalment is paid automatically."),
    ];
}
