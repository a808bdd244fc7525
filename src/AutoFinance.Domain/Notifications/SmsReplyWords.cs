namespace AutoFinance.Domain.Notifications;

/// <summary>
/// What a customer's reply to a text asks for. Marketing texts end "回复TD退订" / "Reply TD to unsubscribe"; carriers
/// and customers also use T, 退订, STOP and UNSUBSCRIBE, in any case and with stray spaces or punctuation around them.
/// Anything else is not an instruction.
/// </summary>
public static class SmsReplyWords
{
    private static readonly HashSet<string> Unsubscribe = new(StringComparer.OrdinalIgnoreCase) { "TD", "T", "退订", "STOP", "UNSUBSCRIBE" };

    public static bool Unsubscribes(string? text) =>
        text is not null && Unsubscribe.Contains(text.Trim().Trim('.', '。', '!', '！', ',', '，', '"', '“', '”', ' ', '　'));
}
