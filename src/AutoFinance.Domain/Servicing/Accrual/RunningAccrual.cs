using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing.Accrual;

/// <summary>
/// An accrual that is earned in unrounded daily parts and posted in whole minor units: what has been earned so far
/// (<see cref="Accrued"/>, unrounded) and what has been posted to the ledger (<see cref="Posted"/>, whole minor units).
/// </summary>
/// <remarks>
/// Cumulative rounding: each run posts round(accrued so far) − posted so far, half away from zero. The postings
/// therefore always add up to round(total accrued) exactly, however the days are split between runs, and a rerun
/// that adds nothing posts nothing.
/// </remarks>
public readonly record struct RunningAccrual(decimal Accrued, decimal Posted)
{
    public static readonly RunningAccrual Zero = new(0m, 0m);

    /// <summary>The accrual with <paramref name="amount"/> more earned; nothing is posted yet.</summary>
    public RunningAccrual Add(decimal amount) => this with { Accrued = Accrued + amount };

    /// <summary>What is still to post so that the postings reach round(<see cref="Accrued"/>).</summary>
    public decimal Unposted(Currency currency) => currency.Round(Accrued) - Posted;

    /// <summary>Posts what is unposted: the increment to book now, and the accrual after booking it.</summary>
    public (RunningAccrual Next, decimal Increment) Post(Currency currency)
    {
        var increment = Unposted(currency);
        return (this with { Posted = Posted + increment }, increment);
    }
}
