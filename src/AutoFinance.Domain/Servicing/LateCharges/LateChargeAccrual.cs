namespace AutoFinance.Domain.Servicing.LateCharges;

/// <summary>The outcome of one end-of-day run on one instalment: the late fee and penalty interest to post now, and the state to keep.</summary>
/// <param name="Fee">The late fee to post (Dr fee receivable / Cr fee income), in whole minor units; zero most days.</param>
/// <param name="Penalty">The penalty interest to post (Dr penalty interest receivable / Cr penalty income), in whole minor units.</param>
/// <param name="State">The state to save with the postings.</param>
public readonly record struct LateChargeAccrual(decimal Fee, decimal Penalty, LateChargeState State)
{
    public bool HasPostings => Fee != 0m || Penalty != 0m;
}
