using System.Collections.Frozen;
using System.Globalization;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Binning;

/// <summary>
/// Finds the bin of a value. Training and scoring both go through this one class, so a row is binned the same way
/// when the model is fitted, validated, scored in batch and exported.
/// </summary>
public sealed class BinLocator
{
    private readonly double[] _rangeUppers;
    private readonly int[] _rangeBins;
    private readonly (double Value, int Bin)[] _specialNumbers;
    private readonly FrozenDictionary<string, int> _categories;
    private readonly int _missingBin = BinMatch.Neutral;
    private readonly double _min;
    private readonly double _max;

    public BinLocator(ColumnKind kind, IReadOnlyList<Bin> bins, double? min, double? max)
    {
        ArgumentNullException.ThrowIfNull(bins);
        Kind = kind;
        var uppers = new List<double>();
        var rangeBins = new List<int>();
        var specials = new List<(double, int)>();
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            switch (bin.Kind)
            {
                case BinKind.Range:
                    uppers.Add(bin.Upper ?? double.PositiveInfinity);
                    rangeBins.Add(i);
                    break;
                case BinKind.Missing:
                    _missingBin = i;
                    break;
                case BinKind.Special when bin.SpecialValue is { } number:
                    specials.Add((number, i));
                    break;
                case BinKind.Special:
                case BinKind.Categories:
                    foreach (var category in bin.Categories)
                    {
                        categories[category] = i;
                    }

                    break;
            }
        }

        _rangeUppers = [.. uppers];
        _rangeBins = [.. rangeBins];
        _specialNumbers = [.. specials];
        _categories = categories.ToFrozenDictionary(StringComparer.Ordinal);
        _min = min ?? double.NegativeInfinity;
        _max = max ?? double.PositiveInfinity;
    }

    public ColumnKind Kind { get; }

    public static BinLocator For(VariableBinning binning)
    {
        ArgumentNullException.ThrowIfNull(binning);
        return new BinLocator(binning.Kind, binning.Bins, binning.Min, binning.Max);
    }

    public BinMatch LocateNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return Missing();
        }

        foreach (var (special, bin) in _specialNumbers)
        {
            if (special.Equals(value))
            {
                return new BinMatch(bin, MatchNote.None);
            }
        }

        if (value < _min || value > _max || _rangeUppers.Length == 0)
        {
            return new BinMatch(BinMatch.Neutral, MatchNote.OutOfRange);
        }

        var lo = 0;
        var hi = _rangeUppers.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (value < _rangeUppers[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return new BinMatch(_rangeBins[lo], MatchNote.None);
    }

    public BinMatch LocateCategory(string? category) => category is null ? Missing() : LocateCategory(category.AsSpan());

    public BinMatch LocateCategory(ReadOnlySpan<char> category)
    {
        if (MissingValues.IsMissing(category))
        {
            return Missing();
        }

        var lookup = _categories.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(category, out var bin) || lookup.TryGetValue(category.Trim(), out bin)
            ? new BinMatch(bin, MatchNote.None)
            : new BinMatch(BinMatch.Neutral, MatchNote.UnseenCategory);
    }

    /// <summary>Bins a value given as UTF-8 text, as it arrives from a file, without allocating.</summary>
    public BinMatch LocateUtf8(ReadOnlySpan<byte> utf8)
    {
        if (Kind == ColumnKind.Numeric)
        {
            if (MissingValues.IsMissing(utf8))
            {
                return Missing();
            }

            return double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                ? LocateNumber(number)
                : new BinMatch(BinMatch.Neutral, MatchNote.NotANumber);
        }

        Span<char> buffer = stackalloc char[256];
        return utf8.Length <= buffer.Length
            ? LocateCategory(buffer[..System.Text.Encoding.UTF8.GetChars(utf8, buffer)])
            : LocateCategory(System.Text.Encoding.UTF8.GetString(utf8));
    }

    /// <summary>Bins a value given as text, as it arrives from a file or a form.</summary>
    public BinMatch LocateText(ReadOnlySpan<char> text)
    {
        if (Kind == ColumnKind.Categorical)
        {
            return LocateCategory(text);
        }

        if (MissingValues.IsMissing(text))
        {
            return Missing();
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? LocateNumber(number)
            : new BinMatch(BinMatch.Neutral, MatchNote.NotANumber);
    }

    /// <summary>Bins row <paramref name="row"/> of a dataset column of the matching kind.</summary>
    public BinMatch Locate(DatasetColumn column, int row) => column switch
    {
        NumericColumn numeric when Kind == ColumnKind.Numeric => LocateNumber(numeric.Values[row]),
        NumericColumn numeric => double.IsNaN(numeric.Values[row])
            ? Missing()
            : LocateCategory(numeric.Values[row].ToString(CultureInfo.InvariantCulture)),
        CategoricalColumn categorical => categorical.Codes[row] == CategoricalColumn.Missing
            ? Missing()
            : LocateText(categorical.Levels[categorical.Codes[row]]),
        _ => throw new NotSupportedException(column?.GetType().Name),
    };

    private BinMatch Missing() =>
        _missingBin >= 0 ? new BinMatch(_missingBin, MatchNote.None) : new BinMatch(BinMatch.Neutral, MatchNote.MissingNotSeen);
}
