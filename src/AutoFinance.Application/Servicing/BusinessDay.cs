namespace AutoFinance.Application.Servicing;

/// <summary>The business date money is dated by: today where the lender works (the clock's local time zone).</summary>
public static class BusinessDay
{
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(time.GetLocalNow().DateTime);
    }
}
