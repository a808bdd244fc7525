using System.Globalization;

namespace AutoFinance.Credit.Export;

/// <summary>Numbers as exports write them: culture-invariant and round-trip exact.</summary>
internal static class ExportNumber
{
    public static string Format(double value, string what) =>
        double.IsFinite(value)
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : throw new ArgumentException($"{what} is {value.ToString(CultureInfo.InvariantCulture)}; an export needs a finite number", nameof(value));
}
