namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The states of a booked loan.</summary>
public static class LoanStatus
{
    public const string Active = "active";
    public const string Closed = "closed";
    public const string ChargedOff = "charged-off";
}
