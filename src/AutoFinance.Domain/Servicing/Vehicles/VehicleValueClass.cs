using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Servicing.Vehicles;

/// <summary>The classes of vehicle that lose value differently.</summary>
public enum VehicleValueClass
{
    /// <summary>Petrol or diesel passenger car (燃油车).</summary>
    Conventional,

    /// <summary>Ordinary (non plug-in) hybrid (混合动力).</summary>
    Hybrid,

    /// <summary>New-energy vehicle: battery electric, plug-in hybrid, fuel cell (新能源).</summary>
    NewEnergy,

    /// <summary>Light commercial vehicle: van, pickup, light truck (商用车).</summary>
    Commercial,
}

/// <summary>Names and origination mapping of <see cref="VehicleValueClass"/>.</summary>
public static class VehicleValueClasses
{
    /// <summary>The value class of a vehicle as origination records its energy (ordinary hybrids are recorded as conventional there).</summary>
    public static VehicleValueClass Of(VehicleEnergy energy) => energy switch
    {
        VehicleEnergy.Conventional => VehicleValueClass.Conventional,
        VehicleEnergy.NewEnergy => VehicleValueClass.NewEnergy,
        _ => throw new ArgumentOutOfRangeException(nameof(energy), energy, null),
    };

    /// <summary>The stable machine name ("conventional", "hybrid", "new-energy", "commercial").</summary>
    public static string ToName(this VehicleValueClass valueClass) => valueClass switch
    {
        VehicleValueClass.Conventional => "conventional",
        VehicleValueClass.Hybrid => "hybrid",
        VehicleValueClass.NewEnergy => "new-energy",
        VehicleValueClass.Commercial => "commercial",
        _ => throw new ArgumentOutOfRangeException(nameof(valueClass), valueClass, null),
    };

    public static VehicleValueClass? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "conventional" or "petrol" or "diesel" => VehicleValueClass.Conventional,
        "hybrid" => VehicleValueClass.Hybrid,
        "new-energy" or "ev" => VehicleValueClass.NewEnergy,
        "commercial" => VehicleValueClass.Commercial,
        _ => null,
    };
}
