namespace AutoFinance.Domain.Servicing.Collections;

/// <summary>What came of one collections contact attempt.</summary>
public enum ContactOutcome
{
    /// <summary>No answer, busy or switched off (NA).</summary>
    NoAnswer,

    /// <summary>A message left with a third party or on voicemail (LM).</summary>
    LeftMessage,

    /// <summary>The number does not belong to the customer (WN).</summary>
    WrongNumber,

    /// <summary>Spoke to the customer; nothing agreed (RPC).</summary>
    RightPartyContact,

    /// <summary>The customer promised to pay an amount by a date (PTP).</summary>
    PromiseToPay,

    /// <summary>The customer says the payment was already made (PAID).</summary>
    ClaimsPaid,

    /// <summary>The customer disputes the debt (DSP).</summary>
    Disputed,

    /// <summary>The customer refuses to pay (RTP).</summary>
    RefusedToPay,

    /// <summary>The customer asked for hardship help (HS).</summary>
    HardshipRequested,

    /// <summary>The customer asked to be called back (CB).</summary>
    CallbackRequested,
}
