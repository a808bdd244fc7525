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
/// the labels 姓名, 出生, 住址, 公民身份号码 and 有效期限 start their fields; the address runs on until the next label or
/// a validity line. The number is taken when its GB 11643 check character holds, and then its birth date wins over a
/// differently read 出生 (the check character vouches for the number's digits). A name is the Chinese characters (and
/// the middle dot of a transliterated name) of its row: a stray Latin letter beside it is a speck read as text.
/// </summary>
public static partial class IdCardText
{
    // 有效期限 is matched by its first three characters, as the last is sometimes lost at the edge of its piece.
    private static readonly string[] Labels = ["姓名", "性别", "民族", "出生", "住址", "公民身份号码", "有效期"];

    public static IdCardFields Parse(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // NFKC folds full-width digits and letters (２０２０．０１) into ASCII, as the recogniser sometimes answers them.
        var clean = lines.Select(l => l.Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
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
                    // A validity read on the address's last row (the label lost) ends the address there.
                    var (rest, trailing) = SplitValidity(line);
                    address.Append(rest);
                    if (trailing is not null)
                    {
                        validity ??= trailing;
                        inAddress = false;
                    }
                }
                else if (id is null && Number(line) is { } loose)
                {
                    id = loose;
                }

                continue;
            }

            var at = line.IndexOf(label, StringComparison.Ordinal);
            if (inAddress && label == "有效期" && at > 0)
            {
                // The validity's row read joined to the address's last row: what comes before the label is address.
                address.Append(line[..at]);
            }

            inAddress = label == "住址";
            var value = line[(at + label.Length)..];
            switch (label)
            {
                case "姓名":
                    name = Name(value);
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
                case "有效期":
                    validity = Validity(value.TrimStart('限')) ?? validity;
                    break;
            }
        }

        birth = id is null ? birth : ResidentId.BirthDate(id);
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

    /// <summary>The Chinese characters of a name (and ·), without stray Latin letters, digits or marks read beside it.</summary>
    private static string? Name(string text)
    {
        var name = new string([.. text.Where(c => c is '·' or '•' || (c >= '\u3400' && c <= '\u9fff'))]).Replace('•', '·');
        return name.Trim('·').Length > 0 ? name.Trim('·') : null;
    }

    /// <summary>An address row and the validity read at its end, if any: the text before the validity, and the validity.</summary>
    private static (string Before, IdCardValidity? Validity) SplitValidity(string line)
    {
        var found = ValidityPattern().Match(line);
        if (!found.Success || Validity(found.Value) is not { } validity)
        {
            return (line, null);
        }

        var rest = line[..found.Index];
        var label = rest.IndexOf("有效", StringComparison.Ordinal);
        return (label >= 0 ? rest[..label] : rest, validity);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}\.\d{2}\.\d{2}[-—–一](\d{4}\.\d{2}\.\d{2}|长期)")]
    private static partial System.Text.RegularExpressions.Regex ValidityPattern();

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
