using AutoFinance.Domain.Servicing;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>What stored instalments owe, read through the aggregate's instalment state (for queries and reminders).</summary>
public static class InstallmentBook
{
    /// <summary>What each instalment due by the date still owes, by component.</summary>
    public static IEnumerable<InstallmentDue> Owing(IEnumerable<InstallmentRow> installments, DateOnly upTo) =>
        installments.Where(i => i.DueDate <= upTo && !i.IsPaid).Select(Due);

    /// <summary>What one instalment still owes, whether or not it is due.</summary>
    public static InstallmentDue Due(InstallmentRow i) => LoanMapping.StateOf(i).Owing;
}
