using System.Collections.Frozen;
using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Binning;

namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// A scorecard ready to score: compiled once from its document into arrays, then scoring an applicant is a bin lookup
/// and an addition per characteristic, with reason codes ranked on the way and no allocation.
/// </summary>
public sealed class Scorecard
{
    /// <summary>Reason codes returned per applicant, as adverse-action notices customarily give.</summary>
    public const int MaxReasons = 4;

    private readonly double[][] _points;
    private readonly double[] _neutral;
    private readonly double[] _max;
    private readonly double[] _gradeMin;
    private readonly FrozenDictionary<string, int> _index;
    private readonly double _offset;
    private readonly double _factor;
    private readonly int _decimals;

    private Scorecard(ScorecardDocument document)
    {
        Document = document;
        Characteristics = document.Characteristics;
        Locators = [.. document.Characteristics.Select(c => new BinLocator(c.Kind, [.. c.Bins.Select(b => b.ToBin())], c.Min, c.Max))];
        _points = [.. document.Characteristics.Select(c => c.Bins.Select(b => b.Points).ToArray())];
        _neutral = [.. document.Characteristics.Select(c => c.NeutralPoints)];
        _max = [.. document.Characteristics.Select(c => c.MaxPoints)];
        var grades = document.Grades.OrderByDescending(g => g.MinScore ?? double.NegativeInfinity).ToArray();
        Grades = [.. grades.Select(g => g.Grade)];
        _gradeMin = [.. grades.Select(g => g.MinScore ?? double.NegativeInfinity)];
        _index = document.Characteristics.Select((c, i) => (c.Name, i)).ToFrozenDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _offset = document.Scaling.Offset;
        _factor = document.Scaling.Factor;
        _decimals = document.Scaling.PointsDecimals;
    }

    public ScorecardDocument Document { get; }

    public IReadOnlyList<Characteristic> Characteristics { get; }

    /// <summary>Grade names from the best to the worst.</summary>
    public IReadOnlyList<string> Grades { get; }

    internal BinLocator[] Locators { get; }

    public static Scorecard From(ScorecardDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Scorecard(document);
    }

    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    public ApplicantValues NewApplicant() => new(this);

    public BinLocator LocatorOf(int characteristic) => Locators[characteristic];

    public double PointsOf(int characteristic, BinMatch match) =>
        match.IsNeutral ? _neutral[characteristic] : _points[characteristic][match.Bin];

    public ScoreResult Score(ApplicantValues applicant, Span<Reason> reasons)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return Score(applicant.Matches, reasons);
    }

    /// <summary>Scores binned values, writing up to <see cref="MaxReasons"/> reasons (worst first) into <paramref name="reasons"/>.</summary>
    public ScoreResult Score(ReadOnlySpan<BinMatch> matches, Span<Reason> reasons)
    {
        var total = 0.0;
        var reasonCount = 0;
        var neutral = 0;
        var capacity = Math.Min(reasons.Length, MaxReasons);
        for (var i = 0; i < matches.Length; i++)
        {
            var match = matches[i];
            var points = PointsOf(i, match);
            total += points;
            if (match.IsNeutral)
            {
                neutral++;
            }

            var shortfall = _max[i] - points;
            if (shortfall > 0 && capacity > 0)
            {
                reasonCount = Insert(reasons, reasonCount, capacity, new Reason(i, match.Bin, shortfall, match.Note));
            }
        }

        var score = Math.Round(total, _decimals, MidpointRounding.AwayFromZero);
        return new ScoreResult(score, PdOfScore(score), GradeIndexOf(score), reasonCount, neutral);
    }

    public double PdOfScore(double score) => 1 / (1 + Math.Exp((score - _offset) / _factor));

    public int GradeIndexOf(double score)
    {
        for (var g = 0; g < _gradeMin.Length; g++)
        {
            if (score >= _gradeMin[g])
            {
                return g;
            }
        }

        return _gradeMin.Length - 1;
    }

    public string ReasonText(Reason reason)
    {
        var characteristic = Characteristics[reason.Characteristic];
        var what = reason.Note switch
        {
            MatchNote.MissingNotSeen => "not provided",
            MatchNote.OutOfRange => "outside the range the model was built on",
            MatchNote.UnseenCategory => "a value the model was not built on",
            MatchNote.NotANumber => "not a number",
            _ => BinLabels.Describe(characteristic.Bins[reason.Bin]),
        };
        return $"{characteristic.Description}: {what}";
    }

    /// <summary>Keeps the reasons sorted by shortfall, largest first, ties by characteristic order.</summary>
    private static int Insert(Span<Reason> reasons, int count, int capacity, Reason reason)
    {
        var position = count;
        while (position > 0 && reasons[position - 1].PointsBelowMax < reason.PointsBelowMax)
        {
            position--;
        }

        if (position >= capacity)
        {
            return count;
        }

        var last = Math.Min(count, capacity - 1);
        for (var j = last; j > position; j--)
        {
            reasons[j] = reasons[j - 1];
        }

        reasons[position] = reason;
        return Math.Min(count + 1, capacity);
    }
}
