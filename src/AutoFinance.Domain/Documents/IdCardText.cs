using System.Globalization;
using System.Text;
using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Documents;

/// <summary>The fields read from the front of a resident identity card; a field not read is null.</summary>
public sealed record IdCardFields(string? Name, string? NationalId, string? Address, DateOnly? BirthDate, IdCardValidity? Validity);

/// <summary>The card's validity: from a date to a date, or to no end (长期, long-term).</summary>
public sealed record IdCardValidity(DateOnly From, DateOnly? Until)
{
    public override string ToString() => Until is { } until
        ? $"{From:yyyy.MM.dd}-{until:yyyy.MM.dd}"
        : $"{From:yyyy.MM.dd}-长期";
}

/// <summary>
/// Reads the fields of an ID card from its recognised text lines (top to bottom, each line's pieces left to right):
/// the labels 姓名, 出生, 住址, 公民身份号码 and 有效期限 start their fields; the address runs on until the next label.
/// The number is taken when its GB 11643 check character holds; the birth date falls back to the one in the number.
/// </summary>
public static class IdCardText
{
    private static readonly string[] Labels = ["姓名", "性别", "民族", "出生", "住址", "公民身份号码", "有效期限"];

    public static IdCardFields Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var clean = lines.Select(l => l.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        string? name = null;
        string? id = null;
        DateOnly? birth = null;
        IdCardValidity? validity = null;
        var address = new StringBuilder();
        var inAddress = false;
        foreach (var line in clean)
        {
            // A label may be read after a stray piece of the row (a speck, a seal), so it is looked for anywhere in the row.
            var label = Labels.Select(l => (Label: l, At: line.IndexOf(l, StringComparison.Ordinal))).Where(l => l.At >= 0).OrderBy(l => l.At).Select(l => l.Label).FirstOrDefault();
            if (label is null && Validity(line) is { } unlabelled)
            {
                validity ??= unlabelled;
                inAddress = false;
                continue;
            }

            if (label is null)
            {
                if (inAddress)
                {
                    address.Append(line);
                }
                else if (id is null && Number(line) is { } loose)
                {
                    id = loose;
                }

                continue;
            }

            inAddress = label == "住址";
            var value = line[(line.IndexOf(label, StringComparison.Ordinal) + label.Length)..];
            switch (label)
            {
                case "姓名":
                    name = value.Length > 0 ? value : null;
                    break;
                case "出生":
                    birth = BirthDate(value);
                    break;
                case "住址":
                    address.Append(value);
                    break;
                case "公民身份号码":
                    id = Number(value) ?? id;
                    break;
                case "有效期限":
                    validity = Validity(value);
                    break;
            }
        }

        birth ??= id is null ? null : ResidentId.BirthDate(id);
        return new IdCardFields(name, id, address.Length > 0 ? address.ToString() : null, birth, validity);
    }

    /// <summary>The first run of 17 digits and a digit or X with a valid check character.</summary>
    private static string? Number(string text)
    {
        var digits = new string([.. text.Where(c => char.IsAsciiDigit(c) || c is 'X' or 'x')]).ToUpperInvariant();
        for (var start = 0; start + 18 <= digits.Length; start++)
        {
            var candidate = digits.Substring(start, 18);
            if (ResidentId.IsValid(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>1990年1月2日 (the card's form).</summary>
    private static DateOnly? BirthDate(string text)
    {
        var parts = text.Split(['年', '月', '日'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && y is > 1900 and < 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
    }

    /// <summary>2020.01.02-2040.01.02, or 2020.01.02-长期.</summary>
    private static IdCardValidity? Validity(string text)
    {
        text = text.Trim();
        var dash = text.IndexOfAny(['-', '—', '–', '一']);
        if (dash < 0)
        {
            return null;
        }

        var from = Dotted(text[..dash]);
        if (from is null)
        {
            return null;
        }

        var rest = text[(dash + 1)..];
        return rest.Contains("长期", StringComparison.Ordinal) ? new IdCardValidity(from.Value, null)
            : Dotted(rest) is { } until ? new IdCardValidity(from.Value, until)
            : null;
    }

    private static DateOnly? Dotted(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy.MM.dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
