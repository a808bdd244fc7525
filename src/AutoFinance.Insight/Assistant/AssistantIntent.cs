namespace AutoFinance.Insight.Assistant;

/// <summary>What a customer's question asks for.</summary>
public enum AssistantIntent
{
    /// <summary>Not understood: hand over to a human.</summary>
    Unknown,

    /// <summary>When the next instalment is due and how much it is.</summary>
    NextDue,

    /// <summary>How much is still owed.</summary>
    Balance,

    /// <summary>How much pays the loan off today.</summary>
    PayoffToday,

    /// <summary>How early or partial repayment works.</summary>
    HowToPrepay,

    /// <summary>Where the loan application stands.</summary>
    ApplicationStatus,

    /// <summary>Whether anything is overdue, and how much.</summary>
    Overdue,

    /// <summary>How to ask for relief when paying is hard (a payment holiday, a longer term).</summary>
    Hardship,

    /// <summary>How late fees and penalty interest are charged.</summary>
    LateCharges,

    /// <summary>Whether the repayment date can be moved (it cannot; what can be done instead).</summary>
    ChangeDueDate,

    /// <summary>Whether late charges can be waived, and how to ask.</summary>
    ChargeWaiver,
}
