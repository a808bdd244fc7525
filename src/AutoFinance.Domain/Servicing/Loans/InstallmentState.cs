namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>
/// One instalment of a loan as it stands: what it is planned to owe, what has been paid on each part, how much of its
/// interest has been recognised (accrued day by day, all of it once it falls due), and what lateness has added.
/// </summary>
public sealed record InstallmentState
{
    public required int Number { get; init; }

    public required DateOnly DueDate { get; init; }

    public decimal Payment { get; init; }

    public decimal Principal { get; init; }

    public decimal Interest { get; init; }

    public decimal Fee { get; init; }

    /// <summary>Principal still owed after this instalment, as planned.</summary>
    public decimal Balance { get; init; }

    public decimal PaidPrincipal { get; init; }

    public decimal PaidInterest { get; init; }

    public decimal PaidFee { get; init; }

    /// <summary>Whether the instalment has fallen due: its whole interest and its scheduled fee are receivable.</summary>
    public bool FallenDue { get; init; }

    /// <summary>Interest recognised so far (Dr interest receivable / Cr interest income), at most <see cref="Interest"/>.</summary>
    public decimal AccruedInterest { get; init; }

    public decimal LateFee { get; init; }

    public decimal PaidLateFee { get; init; }

    /// <summary>Penalty interest posted (whole minor units).</summary>
    public decimal Penalty { get; init; }

    /// <summary>Penalty interest accrued before rounding; each close of business posts round(this) less what was posted.</summary>
    public decimal PenaltyExact { get; init; }

    public decimal PaidPenalty { get; init; }

    /// <summary>Late fee waived: no longer owed, and never charged again (<see cref="LateFee"/> stays what was charged).</summary>
    public decimal WaivedLateFee { get; init; }

    /// <summary>Penalty interest waived: no longer owed (<see cref="Penalty"/> stays what was posted, so later days post on from it).</summary>
    public decimal WaivedPenalty { get; init; }

    /// <summary>The late fee still owed.</summary>
    public decimal LateFeeOwed => LateFee - PaidLateFee - WaivedLateFee;

    /// <summary>The penalty interest still owed.</summary>
    public decimal PenaltyOwed => Penalty - PaidPenalty - WaivedPenalty;

    public bool IsPaid =>
        PaidPrincipal == Principal && PaidInterest == Interest && PaidFee == Fee && LateFeeOwed == 0m && PenaltyOwed == 0m;

    /// <summary>What the instalment still owes, by component; the fee covers the scheduled fee and then the late fee.</summary>
    public InstallmentDue Owing => new(
        Number,
        DueDate,
        (Fee - PaidFee) + LateFeeOwed,
        PenaltyOwed,
        Interest - PaidInterest,
        Principal - PaidPrincipal);

    /// <summary>The instalment as planned (for restoring a re-plan).</summary>
    public Schedules.Installment Plan => new(Number, DueDate, Payment, Principal, Interest, Fee, Balance);

    /// <summary>This instalment with a payment's part added; the scheduled fee is settled before the late fee.</summary>
    public InstallmentState Add(InstallmentAllocation part)
    {
        var scheduledFee = Math.Min(part.Fee, Fee - PaidFee);
        return this with
        {
            PaidFee = PaidFee + scheduledFee,
            PaidLateFee = PaidLateFee + part.Fee - scheduledFee,
            PaidPenalty = PaidPenalty + part.PenaltyInterest,
            PaidInterest = PaidInterest + part.Interest,
            PaidPrincipal = PaidPrincipal + part.Principal,
        };
    }

    /// <summary>The exact inverse of <see cref="Add"/>: the late fee is given back first.</summary>
    public InstallmentState Remove(InstallmentAllocation part)
    {
        var lateFee = Math.Min(part.Fee, PaidLateFee);
        var next = this with
        {
            PaidLateFee = PaidLateFee - lateFee,
            PaidFee = PaidFee - (part.Fee - lateFee),
            PaidPenalty = PaidPenalty - part.PenaltyInterest,
            PaidInterest = PaidInterest - part.Interest,
            PaidPrincipal = PaidPrincipal - part.Principal,
        };
        return next.PaidFee < 0m || next.PaidPenalty < 0m || next.PaidInterest < 0m || next.PaidPrincipal < 0m
            ? throw new InvalidOperationException($"Undoing an allocation left instalment {Number} with a negative paid amount.")
            : next;
    }

    /// <summary>This instalment planned anew; what was paid stays.</summary>
    public InstallmentState Replan(Schedules.Installment plan) => this with
    {
        DueDate = plan.DueDate,
        Payment = plan.Payment,
        Principal = plan.Principal,
        Interest = plan.Interest,
        Fee = plan.Fee,
        Balance = plan.Balance,
    };

    /// <summary>A new instalment from a plan row: nothing paid, nothing accrued.</summary>
    public static InstallmentState From(Schedules.Installment plan) =>
        new InstallmentState { Number = plan.Number, DueDate = plan.DueDate }.Replan(plan);
}
