namespace AutoFinance.Domain.Monetary;

/// <summary>An ISO 4217 currency and the number of digits of its minor unit (CNY and USD: 2, JPY: 0).</summary>
public readonly record struct Currency
{
    public static readonly Currency Cny = new("CNY", 2);
    public static readonly Currency Usd = new("USD", 2);
    public static readonly Currency Eur = new("EUR", 2);

    public Currency(string code, int minorUnits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentOutOfRangeException.ThrowIfNegative(minorUnits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minorUnits, 4);
        Code = code.ToUpperInvariant();
        MinorUnits = minorUnits;
    }

    public string Code { get; }

    public int MinorUnits { get; }

    /// <summary>The smallest amount this currency can hold (0.01 for two minor digits).</summary>
    public decimal MinorUnit => MinorUnits switch { 0 => 1m, 1 => 0.1m, 2 => 0.01m, 3 => 0.001m, _ => 0.0001m };

    /// <summary>
    /// Rounds to the minor unit, half away from zero (2.345 → 2.35, −2.345 → −2.35): the rule of a ledger,
    /// used only where a real ledger would round (an instalment's interest, a level payment, a fee part).
    /// </summary>
    public decimal Round(decimal amount) => Math.Round(amount, MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>Rounds like <see cref="Round"/> and writes exactly the minor digits (10000 → 10000.00), for display and files.</summary>
    public decimal Normalize(decimal amount) => Round(amount) + new decimal(0, 0, 0, false, (byte)MinorUnits);

    /// <summary>The whole number of minor units in an amount (12.34 CNY → 1234). The amount must be whole minor units.</summary>
    public long ToMinorUnits(decimal amount)
    {
        var scaled = amount * Pow10(MinorUnits);
        return decimal.IsInteger(scaled)
            ? (long)scaled
            : throw new ArgumentException($"{amount} is not a whole number of {Code} minor units.", nameof(amount));
    }

    /// <summary>An amount from a whole number of minor units, written with exactly the minor digits (1234 → 12.34).</summary>
    public decimal FromMinorUnits(long minorUnits)
    {
        var magnitude = minorUnits < 0 ? (ulong)-minorUnits : (ulong)minorUnits;
        // The 64-bit magnitude is split into the decimal's low and middle 32-bit words; the casts reinterpret bits.
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, minorUnits < 0, (byte)MinorUnits);
    }

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => 10000m };

    public static Currency FromCode(string code) =>
        TryFromCode(code) ?? throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    /// <summary>The currency of a code, or null when the platform does not know it.</summary>
    public static Currency? TryFromCode(string? code) => code?.ToUpperInvariant() switch
    {
        "CNY" => Cny,
        "USD" => Usd,
        "EUR" => Eur,
        "JPY" => new Currency("JPY", 0),
        "GBP" => new Currency("GBP", 2),
        "HKD" => new Currency("HKD", 2),
        _ => null,
    };

    public override string ToString() => Code;
}
