namespace AutoFinance.Domain.Origination;

/// <summary>How the vehicle is powered: a new-energy vehicle (battery electric, plug-in hybrid, fuel cell) may borrow more.</summary>
public enum VehicleEnergy
{
    /// <summary>Petrol or diesel (燃油车), including ordinary hybrids.</summary>
    Conventional,

    /// <summary>A new-energy vehicle (新能源汽车).</summary>
    NewEnergy,
}
