namespace AutoFinance.Infrastructure.Bureau;

/// <summary>What a pull from the credit bureau found.</summary>
public enum BureauPullOutcome
{
    /// <summary>The bureau holds a report for the national ID.</summary>
    Hit,

    /// <summary>The bureau holds no file for the national ID (a thin-file applicant).</summary>
    NoHit,
}
