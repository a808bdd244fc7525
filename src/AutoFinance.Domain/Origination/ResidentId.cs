using System.Globalization;

namespace AutoFinance.Domain.Origination;

/// <summary>
/// The 18-character PRC resident identity number of GB 11643-1999: a 6-digit region code, the birth date as
/// YYYYMMDD, a 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The problem with the number, or null when it is well formed with a valid check character and birth date.</summary>
    public static string? Problem(string? id) => Check(id, "nationalId")?.Message;

    /// <summary>The problem with the number as a field problem with its code (<c>id.check-character</c>), or null.</summary>
    public static Validation.FieldError? Check(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return Validation.FieldProblems.Required(field);
        }

        if (id.Length != 18)
        {
            return Validation.FieldProblems.Of(field, "id.length", "must be 18 characters");
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i]))
            {
                return Validation.FieldProblems.Of(field, "id.characters", "must be 17 digits followed by a digit or X");
            }
        }

        var last = char.ToUpperInvariant(id[17]);
        if (!char.IsAsciiDigit(last) && last != 'X')
        {
            return Validation.FieldProblems.Of(field, "id.characters", "must be 17 digits followed by a digit or X");
        }

        if (BirthDate(id) is null)
        {
            return Validation.FieldProblems.Of(field, "id.birth-date", "holds no valid birth date (characters 7 to 14)");
        }

        return CheckCharacter(id) == last ? null : Validation.FieldProblems.Of(field, "id.check-character", "has a wrong check character (GB 11643)");
    }

    public static bool IsValid(string? id) => Problem(id) is null;

    /// <summary>The check character of the first 17 digits: (12 − Σ aᵢ·Wᵢ mod 11) mod 11, with 10 written X.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public static DateOnly? BirthDate(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length >= 14 && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    /// <summary>Masks all but the region prefix and the last four characters, e.g. 110105********1239.</summary>
    public static string Mask(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length < 10 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 6), new string('*', id.Length - 10), id.AsSpan(id.Length - 4));
    }
}
