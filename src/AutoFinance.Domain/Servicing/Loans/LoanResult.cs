namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>What one operation on a loan did: its outcome and the balanced entries it posts, or why it was refused (nothing changed).</summary>
public sealed record LoanResult<T>(T? Value, IReadOnlyList<JournalEntry> Entries, ServicingError? Error)
{
    public bool Succeeded => Error is null;

    public static LoanResult<T> Ok(T value, IReadOnlyList<JournalEntry> entries) => new(value, entries, null);

    public static LoanResult<T> Refused(ServicingError error) => new(default, [], error);
}
