namespace AutoFinance.Domain.Origination;

/// <summary>The vehicle categories lending rules tell apart: each has its own loan-to-value cap.</summary>
public enum VehicleCategory
{
    /// <summary>A new petrol or diesel car (新车，燃油).</summary>
    NewConventional,

    /// <summary>A new new-energy vehicle (新能源新车).</summary>
    NewEnergy,

    /// <summary>A used car (二手车), whatever its energy.</summary>
    Used,
}

/// <summary>Classifies a vehicle and names its category.</summary>
public static class VehicleCategories
{
    /// <summary>A used car is <see cref="VehicleCategory.Used"/> whatever its energy; a new one is classed by its energy.</summary>
    public static VehicleCategory Of(VehicleCondition condition, VehicleEnergy energy) =>
        condition == VehicleCondition.Used ? VehicleCategory.Used
        : energy == VehicleEnergy.NewEnergy ? VehicleCategory.NewEnergy
        : VehicleCategory.NewConventional;

    /// <summary>The stable machine name of a category ("new-conventional", "new-energy", "used").</summary>
    public static string ToName(this VehicleCategory category) => category switch
    {
        VehicleCategory.NewConventional => "new-conventional",
        VehicleCategory.NewEnergy => "new-energy",
        VehicleCategory.Used => "used",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The stable machine name of a condition ("new", "used").</summary>
    public static string ToName(this VehicleCondition condition) => condition switch
    {
        VehicleCondition.New => "new",
        VehicleCondition.Used => "used",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };
}
