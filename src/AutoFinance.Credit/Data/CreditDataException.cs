namespace AutoFinance.Credit.Data;

/// <summary>The input data cannot be used as given; the message names the problem in one line.</summary>
public sealed class CreditDataException : Exception
{
    public CreditDataException(string message)
        : base(message)
    {
    }

    public CreditDataException()
    {
    }

    public CreditDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
