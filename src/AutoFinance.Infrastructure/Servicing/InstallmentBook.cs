using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// What booked instalments owe and how an allocation changes them. The fee component covers the scheduled fee first
/// and then the late fee; penalty interest is its own component. Undo is the exact inverse of apply, which is what
/// lets a payment be reversed and the payments after it applied again.
/// </summary>
public static class InstallmentBook
{
    /// <summary>What each instalment due by the date still owes, by component.</summary>
    public static IEnumerable<InstallmentDue> Owing(IEnumerable<InstallmentRow> installments, DateOnly upTo) =>
        installments.Where(i => i.DueDate <= upTo && !i.IsPaid).Select(Due);

    /// <summary>What one instalment still owes, whether or not it is due.</summary>
    public static InstallmentDue Due(InstallmentRow i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return new InstallmentDue(
            i.Number,
            i.DueDate,
            (i.Fee - i.PaidFee) + (i.LateFee - i.PaidLateFee),
            i.Penalty - i.PaidPenalty,
            i.Interest - i.PaidInterest,
            i.Principal - i.PaidPrincipal);
    }

    public static void Apply(IReadOnlyList<InstallmentRow> installments, IEnumerable<InstallmentAllocation> parts)
    {
        ArgumentNullException.ThrowIfNull(installments);
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            var row = installments.Single(i => i.Number == part.Number);
            var scheduledFee = Math.Min(part.Fee, row.Fee - row.PaidFee);
            row.PaidFee += scheduledFee;
            row.PaidLateFee += part.Fee - scheduledFee;
            row.PaidPenalty += part.PenaltyInterest;
            row.PaidInterest += part.Interest;
            row.PaidPrincipal += part.Principal;
        }
    }

    public static void Undo(IReadOnlyList<InstallmentRow> installments, IEnumerable<InstallmentAllocation> parts)
    {
        ArgumentNullException.ThrowIfNull(installments);
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            var row = installments.Single(i => i.Number == part.Number);
            // Apply took the scheduled fee first, so undo gives back the late fee first.
            var lateFee = Math.Min(part.Fee, row.PaidLateFee);
            row.PaidLateFee -= lateFee;
            row.PaidFee -= part.Fee - lateFee;
            row.PaidPenalty -= part.PenaltyInterest;
            row.PaidInterest -= part.Interest;
            row.PaidPrincipal -= part.Principal;
            if (row.PaidFee < 0 || row.PaidPenalty < 0 || row.PaidInterest < 0 || row.PaidPrincipal < 0)
            {
                throw new InvalidOperationException($"undoing an allocation left instalment {row.Number} with a negative paid amount");
            }
        }
    }

    /// <summary>Principal not yet due after the date: what a prepayment or payoff settles early.</summary>
    public static decimal PrincipalNotDue(IEnumerable<InstallmentRow> installments, DateOnly on) =>
        installments.Where(i => i.DueDate > on).Sum(i => i.Principal - i.PaidPrincipal);
}
