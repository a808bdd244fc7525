using AutoFinance.Domain.Products;
using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// One loan's close of business for a date: the rows become the aggregate, <see cref="Domain.Servicing.Loans.Loan.CloseDay"/>
/// does the work (instalments falling due, held credit applied, interest accrued, lateness charged, days past due,
/// charge-off), and the state, the entries and the credit applications go back to rows.
/// </summary>
public static class LoanCloseOfBusiness
{
    /// <param name="HeldCredit">The credit the loan still holds after the close.</param>
    public sealed record Outcome(IReadOnlyList<JournalEntryRow> Entries, IReadOnlyList<PaymentRow> Postings, decimal HeldCredit);

    /// <summary>Closes the day for a loan of <paramref name="product"/>, by that product's terms (late charges, day count, allocation).</summary>
    public static Outcome Close(LoanRow loan, List<InstallmentRow> schedule, DateOnly businessDate, CobOptions options, ProductServicing product, CustomerCredit.Held held, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(product);
        var aggregate = LoanMapping.ToAggregate(loan, schedule, [], held, options.ServicingFor(product), dayCount: product.DayCount);
        var closed = aggregate.CloseDay(businessDate);
        LoanMapping.CopyBack(aggregate, loan, schedule, null);
        return new Outcome(
            LoanMapping.EntryRows(loan.Id, closed.Entries, aggregate.Postings, now),
            [.. aggregate.Postings.Select(p => LoanMapping.NewRow(loan.Id, p, "system:cob", now))],
            aggregate.HeldCredit);
    }

    /// <summary>Writes off every receivable the loan still carries and marks it charged off; null when nothing was left to write off.</summary>
    public static JournalEntry? ChargeOff(LoanRow loan, List<InstallmentRow> schedule, CustomerCredit.Held held, DateOnly on, string description)
    {
        ArgumentNullException.ThrowIfNull(loan);
        var aggregate = LoanMapping.ToAggregate(loan, schedule, [], held, Domain.Servicing.Loans.ServicingTerms.Default);
        var result = aggregate.ChargeOff(on, description);
        LoanMapping.CopyBack(aggregate, loan, schedule, null);
        return result.Entries.FirstOrDefault();
    }
}
