namespace AutoFinance.Domain.Schedules;

/// <summary>The ways a car loan is repaid.</summary>
public enum RepaymentMethod
{
    /// <summary>Equal instalments (等额本息): a level payment of interest and principal.</summary>
    Annuity,

    /// <summary>Equal principal (等额本金): the same principal each month plus interest on the falling balance.</summary>
    EqualPrincipal,

    /// <summary>Interest only, then the whole principal with the last instalment (先息后本).</summary>
    InterestOnly,

    /// <summary>Level payments that amortise down to a final balloon (弹性尾款), paid with the last instalment.</summary>
    Balloon,

    /// <summary>A fee on the original principal instead of (or beside) interest, principal repaid in equal parts.</summary>
    FlatFee,
}
