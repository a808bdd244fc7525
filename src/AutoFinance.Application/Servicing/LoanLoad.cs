namespace AutoFinance.Application.Servicing;

/// <summary>How much of a loan a use case needs.</summary>
public enum LoanLoad
{
    /// <summary>Read only: the instalments and held credit, for a quote; nothing will be saved.</summary>
    ForQuote,

    /// <summary>The instalments and held credit, to add a posting.</summary>
    ForPosting,

    /// <summary>Also the postings in force and the last restructure, to undo and apply again or to re-plan.</summary>
    WithHistory,
}
