namespace AutoFinance.Domain.Servicing.LateCharges;

/// <summary>From which overdue day penalty interest counts once the grace period is exceeded.</summary>
public enum PenaltyStart
{
    /// <summary>
    /// From the day after the due date: grace waives the penalty only when the instalment is paid within it; once
    /// it is exceeded, the grace days are charged too (the common contract wording "from the day it became overdue").
    /// </summary>
    FromDueDate,

    /// <summary>Only the days after the grace period are charged.</summary>
    AfterGrace,
}
