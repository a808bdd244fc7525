using System.Globalization;

namespace AutoFinance.Domain.Monetary;

/// <summary>An exact amount in a currency. Arithmetic keeps full decimal precision; <see cref="Rounded"/> applies the ledger rule.</summary>
public readonly record struct Money(decimal Amount, Currency Currency) : IComparable<Money>
{
    public static Money Of(decimal amount, Currency currency) => new(amount, currency);

    public static Money Zero(Currency currency) => new(0m, currency);

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    /// <summary>This amount rounded half away from zero to the currency's minor unit.</summary>
    public Money Rounded() => this with { Amount = Currency.Round(Amount) };

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, Same(a, b));

    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, Same(a, b));

    public static Money operator -(Money a) => a with { Amount = -a.Amount };

    public static Money operator *(Money a, decimal factor) => a with { Amount = a.Amount * factor };

    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;

    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;

    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    public int CompareTo(Money other)
    {
        Same(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Currency.Round(Amount).ToString("F" + Currency.MinorUnits, CultureInfo.InvariantCulture)} {Currency.Code}");

    private static Currency Same(Money a, Money b) =>
        a.Currency == b.Currency
            ? a.Currency
            : throw new InvalidOperationException($"Cannot combine {a.Currency} with {b.Currency}.");
}
