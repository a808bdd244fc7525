namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>
/// How mileage above or below the expected distance moves a vehicle's value: factor = 1 − <see cref="PerTenThousandKm"/>
/// × (mileage − expected) / 10,000, where expected = <see cref="ExpectedKmPerYear"/> × age in months / 12, kept between
/// <see cref="MinFactor"/> and <see cref="MaxFactor"/> and rounded to four decimals, half away from zero.
/// </summary>
public sealed record MileageAdjustment(int ExpectedKmPerYear, decimal PerTenThousandKm, decimal MinFactor, decimal MaxFactor)
{
    public decimal Factor(int mileageKm, int ageMonths)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mileageKm);
        ArgumentOutOfRangeException.ThrowIfNegative(ageMonths);
        var expected = (decimal)ExpectedKmPerYear * ageMonths / 12m;
        var factor = 1m - (PerTenThousandKm * (mileageKm - expected) / 10_000m);
        return Math.Round(Math.Clamp(factor, MinFactor, MaxFactor), 4, MidpointRounding.AwayFromZero);
    }
}
