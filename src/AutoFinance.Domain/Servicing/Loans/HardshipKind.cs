namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>The hardship plans a loan can be given.</summary>
public enum HardshipKind
{
    /// <summary>The next instalments are skipped; their interest is capitalised.</summary>
    PaymentHoliday,

    /// <summary>The remaining principal is spread over more months.</summary>
    TermExtension,

    /// <summary>What is owed today (interest capitalised) is re-amortised over a new term from today.</summary>
    Reamortisation,
}
