namespace AutoFinance.Domain.Origination;

/// <summary>Ages in completed years, of a person or a vehicle.</summary>
public static class Age
{
    /// <summary>
    /// Completed years from <paramref name="birthDate"/> to <paramref name="on"/>: a year is completed on the birthday.
    /// Someone born on 29 February completes a year on 1 March in a year without one (not on 28 February).
    /// </summary>
    public static int InYears(DateOnly birthDate, DateOnly on)
    {
        var years = on.Year - birthDate.Year;
        if (on.Month < birthDate.Month || (on.Month == birthDate.Month && on.Day < birthDate.Day))
        {
            years--;
        }

        return years;
    }

    /// <summary>
    /// A vehicle's age on a date in calendar years from its model year (a 2016 car is 10 throughout 2026):
    /// the year is all an application states, and it is the measure used-car lending rules are written in.
    /// </summary>
    public static int VehicleYears(int vehicleYear, DateOnly on) => on.Year - vehicleYear;
}
