namespace AutoFinance.Domain.Schedules;

/// <summary>A built schedule: the terms it came from, its instalments and their totals.</summary>
/// <remarks>
/// A schedule kept only in case it is read (an offer's) may hold its terms and totals alone: its rows are built from
/// the terms when first read, and the builder being deterministic, they are the rows it was priced on.
/// </remarks>
public sealed class RepaymentSchedule
{
    private Installment[]? rows;

    private ScheduleTotals? totals;

    internal RepaymentSchedule(LoanTerms terms, Installment[] installments, decimal levelAmount)
    {
        Terms = terms;
        rows = installments;
        LevelAmount = levelAmount;
    }

    /// <summary>A schedule whose rows are built when first read; its totals are known already.</summary>
    internal RepaymentSchedule(LoanTerms terms, decimal levelAmount, ScheduleTotals totals)
    {
        Terms = terms;
        LevelAmount = levelAmount;
        this.totals = totals;
    }

    private Installment[] BuiltRows => rows ??= ScheduleBuilder.Build(Terms).rows!;

    public LoanTerms Terms { get; }

    public IReadOnlyList<Installment> Installments => BuiltRows;

    public ReadOnlySpan<Installment> Rows => BuiltRows;

    /// <summary>The level payment (annuity, balloon) or level principal part (equal principal, flat fee) the schedule was built on.</summary>
    public decimal LevelAmount { get; }

    /// <summary>Column sums, added up on first use (the hot path of building and pricing never needs them).</summary>
    public ScheduleTotals Totals => totals ??= Sum(BuiltRows);

    public int Count => rows?.Length ?? Terms.TermMonths;

    public Installment Last => BuiltRows[^1];

    /// <summary>The principal still owed after <paramref name="installmentsPaid"/> instalments.</summary>
    public decimal BalanceAfter(int installmentsPaid) =>
        installmentsPaid <= 0 ? Terms.LoanPrincipal : BuiltRows[Math.Min(installmentsPaid, BuiltRows.Length) - 1].Balance;

    internal static ScheduleTotals Sum(ReadOnlySpan<Installment> rows)
    {
        decimal payment = 0m, principal = 0m, interest = 0m, fees = 0m;
        foreach (var row in rows)
        {
            payment += row.Payment;
            principal += row.Principal;
            interest += row.Interest;
            fees += row.Fee;
        }

        return new ScheduleTotals(payment, principal, interest, fees);
    }

    /// <summary>The fees of the instalments after the first <paramref name="installmentsPaid"/> (a spread flat fee not yet billed).</summary>
    public decimal FeesAfter(int installmentsPaid)
    {
        var fees = 0m;
        foreach (var row in Rows[Math.Clamp(installmentsPaid, 0, BuiltRows.Length)..])
        {
            fees += row.Fee;
        }

        return fees;
    }

    /// <summary>The due date of the last instalment paid, or the start date when none is.</summary>
    public DateOnly LastPaidDate(int installmentsPaid) =>
        installmentsPaid <= 0 ? Terms.StartDate : BuiltRows[Math.Min(installmentsPaid, BuiltRows.Length) - 1].DueDate;
}
