using System.Globalization;
using System.Text;

namespace AutoFinance.Credit.Data;

/// <summary>
/// One column as read from a file, kept both as numbers and as category codes until its kind is decided, so the
/// file is read once. Category codes stop growing past a cap (an identifier column would otherwise hold every row).
/// </summary>
internal sealed class RawColumn(string name, int levelCap)
{
    private readonly Dictionary<string, int> _levels = new(StringComparer.Ordinal);
    private readonly List<string> _levelNames = [];

    public string Name { get; } = name;

    public List<double> Numbers { get; } = [];

    public List<int> Codes { get; } = [];

    public bool AllNumeric { get; private set; } = true;

    public bool TooManyLevels { get; private set; }

    public int MissingCount { get; private set; }

    /// <summary>Values present that are not numbers.</summary>
    public int TextCount { get; private set; }

    /// <summary>The first value present that is not a number, and its row (from 0), when there is one.</summary>
    public (string Value, int Row)? FirstText { get; private set; }

    public IReadOnlyList<string> Levels => _levelNames;

    public void Add(ReadOnlySpan<byte> utf8)
    {
        Span<char> buffer = stackalloc char[256];
        var chars = utf8.Length <= buffer.Length ? buffer[..Encoding.UTF8.GetChars(utf8, buffer)] : Encoding.UTF8.GetString(utf8).AsSpan();
        Add(chars);
    }

    public void Add(ReadOnlySpan<char> text)
    {
        var value = text.Trim();
        if (MissingValues.IsMissing(value))
        {
            MissingCount++;
            Numbers.Add(double.NaN);
            Codes.Add(CategoricalColumn.Missing);
            return;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            Numbers.Add(number);
        }
        else
        {
            AllNumeric = false;
            TextCount++;
            FirstText ??= (value.ToString(), Codes.Count);
            Numbers.Add(double.NaN);
        }

        Codes.Add(TooManyLevels ? CategoricalColumn.Missing : CodeOf(value));
    }

    private int CodeOf(ReadOnlySpan<char> value)
    {
        var lookup = _levels.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var code))
        {
            return code;
        }

        if (_levelNames.Count >= levelCap)
        {
            TooManyLevels = true;
            return CategoricalColumn.Missing;
        }

        var text = value.ToString();
        code = _levelNames.Count;
        _levels.Add(text, code);
        _levelNames.Add(text);
        return code;
    }
}
