namespace AutoFinance.Insight.Churn;

/// <summary>The model's features: names, readable reasons and the vector of one observation.</summary>
public static class ChurnFeatures
{
    /// <summary>Number of features.</summary>
    public const int Count = 9;

    /// <summary>Feature names in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "monthsOnBook", "remainingTermMonths", "rateSpread", "balanceRatio", "prepaymentsLast6Months",
        "missedPaymentsLast6Months", "complaintsLast12Months", "appSessionsLast3Months", "lastSatisfaction",
    ];

    /// <summary>What a feature pushing towards leaving means, for the agent who calls the customer.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["monthsOnBook"] = "time on book",
        ["remainingTermMonths"] = "few instalments left",
        ["rateSpread"] = "rate above today's market rate (refinancing incentive)",
        ["balanceRatio"] = "balance already paid down",
        ["prepaymentsLast6Months"] = "recent partial prepayments",
        ["missedPaymentsLast6Months"] = "payment behaviour",
        ["complaintsLast12Months"] = "recent complaints",
        ["appSessionsLast3Months"] = "low engagement with the app",
        ["lastSatisfaction"] = "low satisfaction",
    };

    /// <summary>The observation as the model's feature vector.</summary>
    public static float[] Vector(ChurnObservation o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return
        [
            o.MonthsOnBook, o.RemainingTermMonths, (float)o.RateSpread, (float)o.BalanceRatio, o.PrepaymentsLast6Months,
            o.MissedPaymentsLast6Months, o.ComplaintsLast12Months, o.AppSessionsLast3Months, o.LastSatisfaction,
        ];
    }
}
