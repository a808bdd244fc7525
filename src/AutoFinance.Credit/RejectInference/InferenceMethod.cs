namespace AutoFinance.Credit.RejectInference;

/// <summary>How rejected applicants, whose outcome was never seen, are given one for training.</summary>
public enum InferenceMethod
{
    /// <summary>
    /// Rejects are banded by the accepts-only model's PD; in each band the accepts' observed bad rate, raised by the
    /// uplift, decides how many of the band's rejects are labelled bad, chosen at random with the seed.
    /// </summary>
    Parcelling,

    /// <summary>
    /// Each reject counts as part bad and part good in proportion to its uplifted PD. The fitter takes no case weights,
    /// so every row is replicated and a reject's replicas are split bad and good in that proportion.
    /// </summary>
    FuzzyAugmentation,
}
