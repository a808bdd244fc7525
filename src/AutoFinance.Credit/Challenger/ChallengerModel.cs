using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// The trained challenger ready to score: the booster, the layout of its feature vector and the Platt scaling of its
/// raw score. It reads any dataset that has the columns it needs, whatever their kind there.
/// </summary>
public sealed class ChallengerModel
{
    private readonly MLContext _ml;
    private readonly BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> _booster;
    private readonly FeatureLayout _layout;
    private readonly Lazy<ITransformer> _contributions;
    private readonly ThreadLocal<PredictionEngine<ChallengerRows.Row, ChallengerRows.ScoredRow>> _engines;
    private readonly CompiledTrees? _compiled;
    private readonly Dictionary<string, int> _featureIndex;
    private readonly Dictionary<string, int>[] _levelIndex;

    internal ChallengerModel(
        MLContext ml,
        BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> booster,
        FeatureLayout layout,
        double calibrationA,
        double calibrationB)
    {
        _ml = ml;
        _booster = booster;
        _layout = layout;
        CalibrationA = calibrationA;
        CalibrationB = calibrationB;
        _contributions = new Lazy<ITransformer>(BuildContributions);
        _engines = new ThreadLocal<PredictionEngine<ChallengerRows.Row, ChallengerRows.ScoredRow>>(() => ChallengerRows.Engine(_ml, _booster, _layout.Width));
        _compiled = CompiledTrees.TryCompile(booster.Model.SubModel, layout.Width);
        _featureIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        _levelIndex = new Dictionary<string, int>[layout.Features.Count];
        for (var f = 0; f < layout.Features.Count; f++)
        {
            _featureIndex.TryAdd(layout.Features[f].Name, f);
            _levelIndex[f] = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var level = 0; level < layout.Features[f].Levels.Count; level++)
            {
                _levelIndex[f].TryAdd(layout.Features[f].Levels[level], level);
            }
        }
    }

    /// <summary>Whether single rows are scored by the booster's trees compiled to flat arrays (else by an ML.NET engine).</summary>
    public bool IsCompiled => _compiled is not null;

    internal FeatureLayout Layout => _layout;

    public IReadOnlyList<ChallengerFeature> Features => _layout.Features;

    public double CalibrationA { get; }

    public double CalibrationB { get; }

    /// <summary>Reads a booster saved by <see cref="TrainedChallenger.SaveModel"/> together with its artefact section.</summary>
    public static ChallengerModel Load(ChallengerRecord record, Stream zip)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(zip);
        var layout = new FeatureLayout(record.Features);
        var ml = new MLContext(record.Seed);
        ITransformer loaded;
        DataViewSchema schema;
        try
        {
            loaded = ml.Model.Load(zip, out schema);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or IOException)
        {
            throw new CreditDataException($"the challenger model '{record.File}' cannot be read: {e.Message}", e);
        }

        if (loaded is not BinaryPredictionTransformer<CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>> booster)
        {
            throw new CreditDataException($"the challenger model '{record.File}' is not a LightGBM binary booster");
        }

        var input = schema.GetColumnOrNull(ChallengerRows.Features);
        var width = input?.Type is VectorDataViewType vector ? vector.Size : -1;
        if (width != layout.Width)
        {
            throw new CreditDataException($"the challenger model '{record.File}' takes {width} inputs, its record describes {layout.Width}");
        }

        return new ChallengerModel(ml, booster, layout, record.CalibrationA, record.CalibrationB);
    }

    /// <summary>The probability of "bad" of every row.</summary>
    public double[] PredictPd(CreditDataset data)
    {
        var raw = RawScores(data);
        return [.. raw.Select(r => PlattScaling.Pd(r, CalibrationA, CalibrationB))];
    }

    /// <summary>The probability of "bad" of the first row.</summary>
    public double PredictOnePd(CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var features = FeatureEncoder.Encode(_layout, data);
        return PlattScaling.Pd(RawScore(features[0]), CalibrationA, CalibrationB);
    }

    /// <summary>An empty feature vector to set an applicant's values in, for <see cref="PredictOnePd(ChallengerApplicant)"/>.</summary>
    public ChallengerApplicant NewApplicant() => new(this);

    /// <summary>The probability of "bad" of one applicant: the path for one application, without a dataset.</summary>
    public double PredictOnePd(ChallengerApplicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return PlattScaling.Pd(RawScore(applicant.Features), CalibrationA, CalibrationB);
    }

    /// <summary>
    /// The columns that raise the row's pd most, strongest first, at most <paramref name="top"/> of them; only those
    /// with a positive contribution are listed. Contributions come from ML.NET's feature contribution calculation on
    /// the trees: at every split on the row's path, the output of the leaf reached minus the output had the split
    /// gone the other way, summed over trees. A categorical column sums its one-hot slots. The figures are scaled by
    /// the calibration slope A, so they read in log-odds of "bad"; they rank the columns but do not add up to the pd.
    /// </summary>
    public IReadOnlyList<(string Feature, double Contribution)> Explain(CreditDataset data, int row, int top = 4)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, data.Rows);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        var features = FeatureEncoder.Encode(_layout, data.Select([row]));
        var explained = _contributions.Value.Transform(ChallengerRows.ToDataView(_ml, features, _layout.Width));
        var slots = ChallengerRows.FirstContributions(explained);
        var perFeature = new double[_layout.Features.Count];
        for (var s = 0; s < slots.Length; s++)
        {
            perFeature[_layout.SlotSource[s]] += slots[s];
        }

        return [.. perFeature
            .Select((c, f) => (Feature: _layout.Features[f].Name, Contribution: c * CalibrationA))
            .Where(x => x.Contribution > 0)
            .OrderByDescending(x => x.Contribution)
            .Take(top)];
    }

    internal void Save(Stream stream)
    {
        var schema = ChallengerRows.ToDataView(_ml, [], _layout.Width).Schema;
        _ml.Model.Save(_booster, schema, stream);
    }

    internal double[] RawScores(CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var features = FeatureEncoder.Encode(_layout, data);
        var scored = _booster.Transform(ChallengerRows.ToDataView(_ml, features, _layout.Width));
        return [.. ChallengerRows.Scores(scored).Select(s => (double)s)];
    }

    /// <summary>The raw score of every row by the compiled trees (null when the booster could not be compiled).</summary>
    internal double[]? CompiledRawScores(CreditDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return _compiled is { } compiled ? [.. FeatureEncoder.Encode(_layout, data).Select(f => (double)compiled.RawScore(f))] : null;
    }

    internal int IndexOf(string name) => _featureIndex.GetValueOrDefault(name, -1);

    internal int LevelOf(int feature, string text) => _levelIndex[feature].GetValueOrDefault(text, -1);

    /// <summary>One vector's raw score: by the compiled trees, or through a per-thread prediction engine.</summary>
    private double RawScore(ReadOnlySpan<float> features) => _compiled is { } compiled
        ? compiled.RawScore(features)
        : _engines.Value!.Predict(new ChallengerRows.Row { Features = features.ToArray() }).Score;

    private ITransformer BuildContributions()
    {
        var empty = ChallengerRows.ToDataView(_ml, [], _layout.Width);
        return _ml.Transforms
            .CalculateFeatureContribution(_booster, numberOfPositiveContributions: _layout.Width, numberOfNegativeContributions: _layout.Width, normalize: false)
            .Fit(empty);
    }
}
