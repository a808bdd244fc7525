namespace AutoFinance.Domain.Schedules;

/// <summary>The names of repayment methods as people and files write them.</summary>
public static class RepaymentMethodNames
{
    public static string ToName(this RepaymentMethod method) => method switch
    {
        RepaymentMethod.Annuity => "annuity",
        RepaymentMethod.EqualPrincipal => "equal-principal",
        RepaymentMethod.InterestOnly => "interest-only",
        RepaymentMethod.Balloon => "balloon",
        RepaymentMethod.FlatFee => "flat-fee",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static RepaymentMethod? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "annuity" or "equal-installment" => RepaymentMethod.Annuity,
        "equal-principal" => RepaymentMethod.EqualPrincipal,
        "interest-only" => RepaymentMethod.InterestOnly,
        "balloon" => RepaymentMethod.Balloon,
        "flat-fee" => RepaymentMethod.FlatFee,
        _ => null,
    };

    public const string All = "annuity|equal-principal|interest-only|balloon|flat-fee";
}
