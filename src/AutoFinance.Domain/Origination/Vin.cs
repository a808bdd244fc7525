namespace AutoFinance.Domain.Origination;

/// <summary>
/// A 17-character vehicle identification number (ISO 3779; GB 16735 in China): letters I, O and Q are never used,
/// and the 9th character is a check digit over the transliterated characters weighted 8,7,6,5,4,3,2,10,·,9,…,2
/// (sum mod 11, 10 written X).
/// </summary>
public static class Vin
{
    private static readonly int[] Weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    public static string? Problem(string? vin) => Check(vin, "vin")?.Message;

    /// <summary>The problem with the number as a field problem with its code (<c>vin.check-digit</c>), or null.</summary>
    public static Validation.FieldError? Check(string? vin, string field)
    {
        if (string.IsNullOrWhiteSpace(vin))
        {
            return Validation.FieldProblems.Required(field);
        }

        if (vin.Length != 17)
        {
            return Validation.FieldProblems.Of(field, "vin.length", "must be 17 characters");
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Transliterate(char.ToUpperInvariant(vin[i]));
            if (value < 0)
            {
                return Validation.FieldProblems.Of(field, "vin.characters", "may hold only digits and the letters A–Z except I, O and Q");
            }

            sum += value * Weights[i];
        }

        var check = sum % 11;
        var expected = check == 10 ? 'X' : (char)('0' + check);
        return char.ToUpperInvariant(vin[8]) == expected ? null : Validation.FieldProblems.Of(field, "vin.check-digit", "has a wrong check digit (9th character)");
    }

    public static bool IsValid(string? vin) => Problem(vin) is null;

    public static string Normalize(string vin) => vin?.Trim().ToUpperInvariant() ?? throw new ArgumentNullException(nameof(vin));

    private static int Transliterate(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        'A' or 'J' => 1,
        'B' or 'K' or 'S' => 2,
        'C' or 'L' or 'T' => 3,
        'D' or 'M' or 'U' => 4,
        'E' or 'N' or 'V' => 5,
        'F' or 'W' => 6,
        'G' or 'P' or 'X' => 7,
        'H' or 'Y' => 8,
        'R' or 'Z' => 9,
        _ => -1,
    };
}
