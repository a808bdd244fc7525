namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>How an instalment stands for its reader on a business date.</summary>
public enum InstallmentStanding
{
    Upcoming,

    /// <summary>Not yet due, with some of it already paid.</summary>
    PartlyPaid,

    /// <summary>Due today and not paid in full.</summary>
    Due,

    /// <summary>Past its due date and not paid in full.</summary>
    Overdue,

    Paid,
}

/// <summary>The rule that places an instalment in its <see cref="InstallmentStanding"/>.</summary>
public static class InstallmentStandings
{
    /// <summary>Paid when nothing is owed; else by its due date against today; before it falls due, partly paid once something is paid.</summary>
    public static InstallmentStanding Of(decimal owed, decimal paid, DateOnly dueDate, DateOnly today) =>
        owed == 0m ? InstallmentStanding.Paid
        : dueDate < today ? InstallmentStanding.Overdue
        : dueDate == today ? InstallmentStanding.Due
        : paid > 0m ? InstallmentStanding.PartlyPaid
        : InstallmentStanding.Upcoming;
}
