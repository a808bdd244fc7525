namespace AutoFinance.Application.Servicing;

/// <summary>How saving a loan's changes went.</summary>
public enum SaveOutcome
{
    Saved,

    /// <summary>Another change to the loan was saved first (the loan's version moved); nothing was saved.</summary>
    Concurrent,

    /// <summary>The Idempotency-Key was taken by a request saved at the same moment; nothing was saved.</summary>
    KeyTaken,
}
