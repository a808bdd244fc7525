namespace AutoFinance.Application.Servicing;

/// <summary>
/// Where servicing use cases load a loan as its aggregate and save what an operation changed. A store serves one
/// unit of work: it remembers what it loaded, so <see cref="SaveAsync"/> writes only the differences.
/// </summary>
public interface ILoanStore
{
    /// <summary>The loan with what <paramref name="load"/> asks for, or null when there is none with that id.</summary>
    Task<ServicedLoan?> LoadAsync(Guid loanId, LoanLoad load, CancellationToken ct);

    /// <summary>The answer stored with a posting on the loan under <paramref name="idempotencyKey"/>, if any.</summary>
    Task<StoredReply?> ReplyAsync(Guid loanId, string idempotencyKey, CancellationToken ct);

    /// <summary>Whether the loan has a payment with this id, in force or reversed.</summary>
    Task<bool> HasPaymentAsync(Guid loanId, Guid paymentId, CancellationToken ct);

    /// <summary>
    /// The longest the loan may run from its start, plans and extensions included: the term cap of the product version it
    /// was made under, for its car's condition (new or used); null when its application or product is not on file.
    /// </summary>
    Task<int?> LongestTermMonthsAsync(Guid loanId, CancellationToken ct);

    /// <summary>Saves the changes in one transaction; a concurrent change or a key taken meanwhile saves nothing.</summary>
    Task<SaveOutcome> SaveAsync(LoanChanges changes, CancellationToken ct);
}
