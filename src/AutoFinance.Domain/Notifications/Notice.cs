namespace AutoFinance.Domain.Notifications;

/// <summary>
/// A notice to raise: which event, for which customer (and loan), the values its templates name, and a key that is
/// the same whenever the same occurrence is raised again (a payment's id, a reminder's instalment and date), so it is
/// written and delivered once.
/// </summary>
/// <param name="Values">
/// The template's values: text and whole numbers as they are, a <see cref="decimal"/> as an amount of
/// <see cref="Currency"/>, a <see cref="DateOnly"/> as a date, both written as the customer's language writes them.
/// </param>
public sealed record Notice(NoticeEvent Event, Guid CustomerId, Guid? LoanId, string Key, IReadOnlyDictionary<string, object> Values)
{
    public string Currency { get; init; } = "CNY";

    /// <summary>
    /// When set, the only channels the notice may go to (a marketing notice goes only where the customer's consent
    /// is recorded); the customer's preferences still say no to any of them they switched off.
    /// </summary>
    public IReadOnlyList<NoticeChannel>? Channels { get; init; }

    /// <summary>The de-duplication key of this notice on a channel ("payment.received:0192…:sms").</summary>
    public string DedupeKey(NoticeChannel channel) => $"{Event.ToName()}:{Key}:{channel.ToName()}";
}
