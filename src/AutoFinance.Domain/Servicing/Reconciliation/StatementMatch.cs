namespace AutoFinance.Domain.Servicing.Reconciliation;

/// <summary>
/// How a statement credit finds its loan: first by a repayment reference it carries (<see cref="RepaymentReference"/>);
/// else by amount and name — exactly one loan of a customer with the payer's name has that amount due; otherwise it
/// is unmatched and waits in suspense for a person.
/// </summary>
public static class StatementMatch
{
    public enum By
    {
        Reference,
        AmountAndName,
        None,
    }

    /// <summary>A loan a credit could be for: its id, repayment reference, and the amount now due on it.</summary>
    public sealed record Candidate(Guid LoanId, decimal AmountDue);

    public static (Guid? LoanId, By By) Find(IEnumerable<string> references, IReadOnlyDictionary<string, Guid> loansByReference, decimal amount, IReadOnlyList<Candidate> sameNameLoans)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(loansByReference);
        ArgumentNullException.ThrowIfNull(sameNameLoans);
        foreach (var text in references)
        {
            foreach (var token in text.Split([' ', '/', ':', ';', ','], StringSplitOptions.RemoveEmptyEntries).Prepend(RepaymentReference.Normalise(text)))
            {
                if (loansByReference.TryGetValue(token, out var loanId))
                {
                    return (loanId, By.Reference);
                }
            }
        }

        var byAmount = sameNameLoans.Where(c => c.AmountDue == amount).ToList();
        return byAmount.Count == 1 ? (byAmount[0].LoanId, By.AmountAndName) : (null, By.None);
    }
}
