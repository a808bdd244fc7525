namespace AutoFinance.Domain.Schedules;

/// <summary>A built schedule: the terms it came from, its instalments and their totals.</summary>
public sealed class RepaymentSchedule
{
    private readonly Installment[] installments;

    private ScheduleTotals? totals;

    internal RepaymentSchedule(LoanTerms terms, Installment[] installments, decimal levelAmount)
    {
        Terms = terms;
        this.installments = installments;
        LevelAmount = levelAmount;
    }

    public LoanTerms Terms { get; }

    public IReadOnlyList<Installment> Installments => installments;

    public ReadOnlySpan<Installment> Rows => installments;

    /// <summary>The level payment (annuity, balloon) or level principal part (equal principal, flat fee) the schedule was built on.</summary>
    public decimal LevelAmount { get; }

    /// <summary>Column sums, added up on first use (the hot path of building and pricing never needs them).</summary>
    public ScheduleTotals Totals => totals ??= Sum(installments);

    public int Count => installments.Length;

    public Installment Last => installments[^1];

    /// <summary>The principal still owed after <paramref name="installmentsPaid"/> instalments.</summary>
    public decimal BalanceAfter(int installmentsPaid) =>
        installmentsPaid <= 0 ? Terms.LoanPrincipal : installments[Math.Min(installmentsPaid, installments.Length) - 1].Balance;

    private static ScheduleTotals Sum(Installment[] rows)
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
        foreach (var row in Rows[Math.Clamp(installmentsPaid, 0, installments.Length)..])
        {
            fees += row.Fee;
        }

        return fees;
    }

    /// <summary>The due date of the last instalment paid, or the start date when none is.</summary>
    public DateOnly LastPaidDate(int installmentsPaid) =>
        installmentsPaid <= 0 ? Terms.StartDate : installments[Math.Min(installmentsPaid, installments.Length) - 1].DueDate;
}
