using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;

namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>Estimates a financed vehicle's current value from its price new, age and mileage.</summary>
/// <remarks>
/// Age is whole months from first registration to the valuation date, counted as due dates are (31 January → 28
/// February is one month). Value = price new × retention(age) × mileage factor, raised to the table's floor (floor
/// fraction × price new) when below it, rounded half away from zero to the currency's minor unit.
/// </remarks>
public static class VehicleValuation
{
    public static VehicleValueEstimate Estimate(
        VehicleValueClass valueClass,
        decimal priceNew,
        DateOnly firstRegistered,
        int mileageKm,
        DateOnly asOf,
        Currency currency,
        DepreciationTable? table = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(priceNew);
        ArgumentOutOfRangeException.ThrowIfNegative(mileageKm);
        if (asOf < firstRegistered)
        {
            throw new ArgumentOutOfRangeException(nameof(asOf), asOf, "A vehicle is valued on or after its first registration.");
        }

        table ??= DepreciationTable.Default;
        var age = MonthlyCalendar.WholeMonthsBack(firstRegistered, asOf).Months;
        var retention = table.Curve(valueClass).RetentionAt(age);
        var factor = table.Mileage(valueClass).Factor(mileageKm, age);
        var value = priceNew * retention * factor;
        var floor = priceNew * table.FloorFraction;
        var atFloor = value < floor;
        return new VehicleValueEstimate(asOf, age, retention, factor, currency.Round(atFloor ? floor : value), atFloor);
    }
}
