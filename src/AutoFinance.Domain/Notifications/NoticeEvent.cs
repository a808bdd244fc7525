namespace AutoFinance.Domain.Notifications;

/// <summary>
/// Something that happened to a customer's application, loan, case or account and that the customer is told about;
/// or, for the few named Dealer…, to a dealer's payout, that the dealer is told about.
/// </summary>
public enum NoticeEvent
{
    DecisionApproved,
    DecisionReferred,
    DecisionDeclined,
    OfferAccepted,
    ContractSigned,
    Disbursed,
    PaymentReceived,
    PaymentFailed,
    PaymentDueSoon,
    PaymentDueToday,
    PaymentOverdue,
    PromiseToPayDue,
    CaseReceived,
    CaseAnswered,
    CaseResolved,
    HardshipPlanGranted,
    HardshipRequestApproved,
    HardshipRequestDeclined,
    RateChanged,
    TermChanged,
    ConsentChanged,
    RefundPaid,
    MarketingOffer,
    LoanClosed,
    ChargesWaived,
    DealerPayoutFailed,
    DealerPayoutReturned,
}

/// <summary>The stable names of events ("decision.approved"), used for templates, de-duplication keys and the inbox.</summary>
public static class NoticeEvents
{
    private static readonly Dictionary<NoticeEvent, string> Names = new()
    {
        [NoticeEvent.DecisionApproved] = "decision.approved",
        [NoticeEvent.DecisionReferred] = "decision.referred",
        [NoticeEvent.DecisionDeclined] = "decision.declined",
        [NoticeEvent.OfferAccepted] = "offer.accepted",
        [NoticeEvent.ContractSigned] = "contract.signed",
        [NoticeEvent.Disbursed] = "loan.disbursed",
        [NoticeEvent.PaymentReceived] = "payment.received",
        [NoticeEvent.PaymentFailed] = "payment.failed",
        [NoticeEvent.PaymentDueSoon] = "reminder.due-soon",
        [NoticeEvent.PaymentDueToday] = "reminder.due-today",
        [NoticeEvent.PaymentOverdue] = "reminder.overdue",
        [NoticeEvent.PromiseToPayDue] = "reminder.promise-to-pay",
        [NoticeEvent.CaseReceived] = "case.received",
        [NoticeEvent.CaseAnswered] = "case.answered",
        [NoticeEvent.CaseResolved] = "case.resolved",
        [NoticeEvent.HardshipPlanGranted] = "terms.hardship-plan",
        [NoticeEvent.HardshipRequestApproved] = "hardship.request-approved",
        [NoticeEvent.HardshipRequestDeclined] = "hardship.request-declined",
        [NoticeEvent.RateChanged] = "terms.rate",
        [NoticeEvent.TermChanged] = "terms.term",
        [NoticeEvent.ConsentChanged] = "consent.changed",
        [NoticeEvent.RefundPaid] = "refund.paid",
        [NoticeEvent.MarketingOffer] = "marketing.offer",
        [NoticeEvent.LoanClosed] = "loan.closed",
        [NoticeEvent.ChargesWaived] = "charges.waived",
        [NoticeEvent.DealerPayoutFailed] = "dealer.payout-failed",
        [NoticeEvent.DealerPayoutReturned] = "dealer.payout-returned",
    };

    public static IReadOnlyCollection<NoticeEvent> All => Names.Keys;

    public static string ToName(this NoticeEvent notice) =>
        Names.TryGetValue(notice, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(notice), notice, null);

    public static NoticeEvent? FromName(string? name) =>
        Names.FirstOrDefault(pair => string.Equals(pair.Value, name, StringComparison.Ordinal)) is { Value: not null } found ? found.Key : null;

    /// <summary>
    /// What a notice is for: reminders of money due or promised are <see cref="NoticePurpose.Reminders"/>; everything
    /// else is about the customer's own application, loan, case or account, <see cref="NoticePurpose.Servicing"/>,
    /// except an offer sent by a campaign, which is <see cref="NoticePurpose.Marketing"/>.
    /// </summary>
    public static NoticePurpose PurposeOf(this NoticeEvent notice) => notice switch
    {
        NoticeEvent.MarketingOffer => NoticePurpose.Marketing,
        NoticeEvent.PaymentDueSoon or NoticeEvent.PaymentDueToday or NoticeEvent.PaymentOverdue or NoticeEvent.PromiseToPayDue => NoticePurpose.Reminders,
        _ => NoticePurpose.Servicing,
    };
}
