namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>Current loan-to-value: outstanding principal over the vehicle's current value.</summary>
public static class LoanToValue
{
    /// <summary>
    /// Outstanding principal / current value, rounded to four decimals half away from zero (1.2345 = 123.45%), the
    /// precision watch-list thresholds are set in. Zero when nothing is owed.
    /// </summary>
    public static decimal Of(decimal outstandingPrincipal, decimal currentValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(outstandingPrincipal);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(currentValue);
        return Math.Round(outstandingPrincipal / currentValue, 4, MidpointRounding.AwayFromZero);
    }

    /// <summary>The loan-to-value against an estimate.</summary>
    public static decimal Of(decimal outstandingPrincipal, VehicleValueEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        return Of(outstandingPrincipal, estimate.Value);
    }
}
