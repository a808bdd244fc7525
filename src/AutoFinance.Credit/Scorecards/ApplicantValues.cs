using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// The values of one applicant for a given scorecard, binned as they are set. Reusable: set new values and score again
/// without allocating.
/// </summary>
public sealed class ApplicantValues
{
    private readonly Scorecard _scorecard;
    private readonly BinMatch[] _matches;

    internal ApplicantValues(Scorecard scorecard)
    {
        _scorecard = scorecard;
        _matches = new BinMatch[scorecard.Characteristics.Count];
        Clear();
    }

    public ReadOnlySpan<BinMatch> Matches => _matches;

    public void Clear()
    {
        for (var i = 0; i < _matches.Length; i++)
        {
            _matches[i] = _scorecard.Locators[i].LocateNumber(double.NaN);
        }
    }

    public void SetNumber(int characteristic, double value) =>
        _matches[characteristic] = _scorecard.Locators[characteristic].Kind == Data.ColumnKind.Numeric
            ? _scorecard.Locators[characteristic].LocateNumber(value)
            : _scorecard.Locators[characteristic].LocateCategory(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void SetText(int characteristic, string? value) =>
        _matches[characteristic] = value is null
            ? _scorecard.Locators[characteristic].LocateNumber(double.NaN)
            : _scorecard.Locators[characteristic].LocateText(value.AsSpan());

    public void SetUtf8(int characteristic, ReadOnlySpan<byte> value) =>
        _matches[characteristic] = _scorecard.Locators[characteristic].LocateUtf8(value);

    public void SetText(int characteristic, ReadOnlySpan<char> value) =>
        _matches[characteristic] = _scorecard.Locators[characteristic].LocateText(value);

    /// <summary>Sets a value by characteristic name; names the scorecard does not use are ignored.</summary>
    public void Set(string name, string? value)
    {
        var index = _scorecard.IndexOf(name);
        if (index >= 0)
        {
            SetText(index, value);
        }
    }

    public void Set(string name, double value)
    {
        var index = _scorecard.IndexOf(name);
        if (index >= 0)
        {
            SetNumber(index, value);
        }
    }
}
