namespace AutoFinance.Domain.Schedules;

/// <summary>When a flat fee is paid.</summary>
public enum FeeTiming
{
    /// <summary>Spread evenly over the instalments, the last one taking the rounding remainder.</summary>
    Spread,

    /// <summary>Paid in full at signing (it lowers the net amount advanced).</summary>
    Upfront,
}
