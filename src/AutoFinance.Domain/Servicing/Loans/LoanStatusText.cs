namespace AutoFinance.Domain.Servicing.Loans;

/// <summary>The words a loan's status is stored and shown by: <c>active</c>, <c>closed</c>, <c>charged-off</c>.</summary>
public static class LoanStatusText
{
    public const string Active = "active";
    public const string Closed = "closed";
    public const string ChargedOff = "charged-off";

    public static string Of(LoanStatus status) => status switch
    {
        LoanStatus.Active => Active,
        LoanStatus.Closed => Closed,
        LoanStatus.ChargedOff => ChargedOff,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown loan status"),
    };

    public static LoanStatus Parse(string text) => text switch
    {
        Active => LoanStatus.Active,
        Closed => LoanStatus.Closed,
        ChargedOff => LoanStatus.ChargedOff,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "unknown loan status"),
    };
}
