namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>
/// The valuation rules of a book: a depreciation curve and a mileage adjustment per vehicle class, and a floor under
/// every value as a share of the price new.
/// </summary>
/// <remarks>
/// Default retention of the price new by age (months), illustrative of the Chinese used-car market, where new-energy
/// vehicles lose value fastest; straight lines between the points, flat after 120 months:
/// <code>
/// months          0     12    24    36    48    60    84    120
/// conventional  1.00  0.80  0.70  0.61  0.53  0.46  0.35  0.22
/// hybrid        1.00  0.82  0.72  0.63  0.55  0.48  0.37  0.24
/// new-energy    1.00  0.70  0.57  0.47  0.39  0.33  0.24  0.15
/// commercial    1.00  0.78  0.64  0.53  0.44  0.37  0.27  0.17
/// </code>
/// Default mileage: expected 15,000 km a year (new-energy 12,000; commercial 40,000), 2% of value per 10,000 km above
/// or below it (commercial 1%), the factor kept between 0.60 and 1.05. Floor: 10% of the price new.
/// </remarks>
public sealed class DepreciationTable
{
    public static readonly DepreciationTable Default = new(
        new Dictionary<VehicleValueClass, DepreciationCurve>
        {
            [VehicleValueClass.Conventional] = DepreciationCurve.Of((0, 1m), (12, 0.80m), (24, 0.70m), (36, 0.61m), (48, 0.53m), (60, 0.46m), (84, 0.35m), (120, 0.22m)),
            [VehicleValueClass.Hybrid] = DepreciationCurve.Of((0, 1m), (12, 0.82m), (24, 0.72m), (36, 0.63m), (48, 0.55m), (60, 0.48m), (84, 0.37m), (120, 0.24m)),
            [VehicleValueClass.NewEnergy] = DepreciationCurve.Of((0, 1m), (12, 0.70m), (24, 0.57m), (36, 0.47m), (48, 0.39m), (60, 0.33m), (84, 0.24m), (120, 0.15m)),
            [VehicleValueClass.Commercial] = DepreciationCurve.Of((0, 1m), (12, 0.78m), (24, 0.64m), (36, 0.53m), (48, 0.44m), (60, 0.37m), (84, 0.27m), (120, 0.17m)),
        },
        new Dictionary<VehicleValueClass, MileageAdjustment>
        {
            [VehicleValueClass.Conventional] = new(15_000, 0.02m, 0.60m, 1.05m),
            [VehicleValueClass.Hybrid] = new(15_000, 0.02m, 0.60m, 1.05m),
            [VehicleValueClass.NewEnergy] = new(12_000, 0.02m, 0.60m, 1.05m),
            [VehicleValueClass.Commercial] = new(40_000, 0.01m, 0.60m, 1.05m),
        },
        floorFraction: 0.10m);

    private readonly Dictionary<VehicleValueClass, DepreciationCurve> curves;
    private readonly Dictionary<VehicleValueClass, MileageAdjustment> mileage;

    public DepreciationTable(
        IReadOnlyDictionary<VehicleValueClass, DepreciationCurve> curves,
        IReadOnlyDictionary<VehicleValueClass, MileageAdjustment> mileage,
        decimal floorFraction)
    {
        ArgumentNullException.ThrowIfNull(curves);
        ArgumentNullException.ThrowIfNull(mileage);
        foreach (var valueClass in Enum.GetValues<VehicleValueClass>())
        {
            if (!curves.ContainsKey(valueClass) || !mileage.ContainsKey(valueClass))
            {
                throw new ArgumentException($"Class {valueClass.ToName()} needs a curve and a mileage adjustment.", nameof(curves));
            }
        }

        if (floorFraction is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(floorFraction), floorFraction, "The floor is a share of the price new between 0 and 1.");
        }

        this.curves = new(curves);
        this.mileage = new(mileage);
        FloorFraction = floorFraction;
    }

    /// <summary>No value is estimated below this share of the price new.</summary>
    public decimal FloorFraction { get; }

    public DepreciationCurve Curve(VehicleValueClass valueClass) => curves[valueClass];

    public MileageAdjustment Mileage(VehicleValueClass valueClass) => mileage[valueClass];

    /// <summary>This table with one class's curve replaced.</summary>
    public DepreciationTable WithCurve(VehicleValueClass valueClass, DepreciationCurve curve) =>
        new(new Dictionary<VehicleValueClass, DepreciationCurve>(curves) { [valueClass] = curve }, mileage, FloorFraction);

    /// <summary>This table with another floor.</summary>
    public DepreciationTable WithFloor(decimal floorFraction) => new(curves, mileage, floorFraction);
}
