namespace AutoFinance.Simulator;

/// <summary>
/// Test scenarios chosen by the national ID: the region code (the first six digits) <c>99xxxx</c> exists nowhere in
/// the mainland, so those numbers pick a fixed behaviour; every other number gets a report drawn deterministically from
/// its own digits with realistic proportions.
/// </summary>
public static class Scenarios
{
    /// <summary>A long, clean history: several loans and cards, all paid as agreed.</summary>
    public const string Clean = "990000";

    /// <summary>A 90+ days delinquency three months ago.</summary>
    public const string Recent90Plus = "990001";

    /// <summary>One young card only.</summary>
    public const string ThinFile = "990002";

    /// <summary>The bureau holds no record.</summary>
    public const string NoHit = "990003";

    /// <summary>The bureau does not answer in time.</summary>
    public const string Timeout = "990004";

    /// <summary>The bureau answers 500.</summary>
    public const string Failure = "990005";

    /// <summary>The operator holds the mobile for someone else (identity check inconsistent); the report is clean.</summary>
    public const string MobileNotTheirs = "990006";

    /// <summary>Past 30–60 day lates, high card use and many recent inquiries: a weaker but not disqualifying file.</summary>
    public const string Stretched = "990007";

    public static string Region(string nationalId) => nationalId.Length >= 6 ? nationalId[..6] : string.Empty;
}
