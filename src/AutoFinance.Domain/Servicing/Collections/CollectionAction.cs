namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>What collections does about a delinquent account, from the lightest touch to the heaviest.</summary>
public enum CollectionAction
{
    /// <summary>Nothing beyond the ordinary reminders.</summary>
    None,

    /// <summary>A reminder SMS (短信提醒).</summary>
    ReminderSms,

    /// <summary>A call from a collector (电话催收).</summary>
    Call,

    /// <summary>A field visit (上门催收).</summary>
    FieldVisit,

    /// <summary>Legal action or vehicle recovery (法务诉讼).</summary>
    Legal,
}
