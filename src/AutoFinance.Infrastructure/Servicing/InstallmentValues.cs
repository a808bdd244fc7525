using AutoFinance.Infrastructure.Persistence;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// The stored values of an instalment row, taken before an operation on rows read without tracking, so that only
/// the rows it changed are attached and only their changed columns written (a close of business touches one or two
/// instalments of a loan, not its whole schedule).
/// </summary>
internal readonly record struct InstallmentValues(
    DateOnly DueDate,
    decimal Payment,
    decimal Principal,
    decimal Interest,
    decimal Fee,
    decimal Balance,
    decimal PaidPrincipal,
    decimal PaidInterest,
    decimal PaidFee,
    bool InterestAccrued,
    decimal AccruedInterest,
    decimal LateFee,
    decimal PaidLateFee,
    decimal Penalty,
    decimal PenaltyExact,
    decimal PaidPenalty)
{
    public static InstallmentValues Of(InstallmentRow row) => new(
        row.DueDate, row.Payment, row.Principal, row.Interest, row.Fee, row.Balance, row.PaidPrincipal, row.PaidInterest, row.PaidFee,
        row.InterestAccrued, row.AccruedInterest, row.LateFee, row.PaidLateFee, row.Penalty, row.PenaltyExact, row.PaidPenalty);

    /// <summary>
    /// Attaches every row whose values differ from the ones taken before, with just those columns marked modified.
    /// The rows are matched by instalment number; the operation neither adds nor removes instalments.
    /// </summary>
    public static void AttachChanged(AutoFinanceDbContext db, IReadOnlyList<InstallmentValues> before, IReadOnlyList<InstallmentRow> rows)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(rows);
        if (before.Count != rows.Count)
        {
            throw new InvalidOperationException("the close of business added or removed instalments");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var old = before[i];
            if (Of(row) == old)
            {
                continue;
            }

            var entry = db.Installments.Attach(row);
            Mark(entry, nameof(InstallmentRow.DueDate), row.DueDate != old.DueDate);
            Mark(entry, nameof(InstallmentRow.Payment), row.Payment != old.Payment);
            Mark(entry, nameof(InstallmentRow.Principal), row.Principal != old.Principal);
            Mark(entry, nameof(InstallmentRow.Interest), row.Interest != old.Interest);
            Mark(entry, nameof(InstallmentRow.Fee), row.Fee != old.Fee);
            Mark(entry, nameof(InstallmentRow.Balance), row.Balance != old.Balance);
            Mark(entry, nameof(InstallmentRow.PaidPrincipal), row.PaidPrincipal != old.PaidPrincipal);
            Mark(entry, nameof(InstallmentRow.PaidInterest), row.PaidInterest != old.PaidInterest);
            Mark(entry, nameof(InstallmentRow.PaidFee), row.PaidFee != old.PaidFee);
            Mark(entry, nameof(InstallmentRow.InterestAccrued), row.InterestAccrued != old.InterestAccrued);
            Mark(entry, nameof(InstallmentRow.AccruedInterest), row.AccruedInterest != old.AccruedInterest);
            Mark(entry, nameof(InstallmentRow.LateFee), row.LateFee != old.LateFee);
            Mark(entry, nameof(InstallmentRow.PaidLateFee), row.PaidLateFee != old.PaidLateFee);
            Mark(entry, nameof(InstallmentRow.Penalty), row.Penalty != old.Penalty);
            Mark(entry, nameof(InstallmentRow.PenaltyExact), row.PenaltyExact != old.PenaltyExact);
            Mark(entry, nameof(InstallmentRow.PaidPenalty), row.PaidPenalty != old.PaidPenalty);
        }
    }

    private static void Mark(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<InstallmentRow> entry, string property, bool changed)
    {
        if (changed)
        {
            entry.Property(property).IsModified = true;
        }
    }
}
