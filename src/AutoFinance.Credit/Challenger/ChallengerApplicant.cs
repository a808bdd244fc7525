using AutoFinance.Credit.Artefacts;
using AutoFinance.Credit.Data;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// The feature vector of one applicant for the challenger, encoded as values are set, by the rules of a one-row
/// dataset: a numeric column takes its number (NaN when missing), a categorical column its level's text (its risk
/// rank, or its one-hot slot; missing or unseen sets none). A number given to a categorical column, or text to a
/// numeric one, reads as missing, as a one-row dataset built by column kind would. Reusable: clear and set again.
/// </summary>
public sealed class ChallengerApplicant
{
    private readonly ChallengerModel _model;
    private readonly float[] _features;

    internal ChallengerApplicant(ChallengerModel model)
    {
        _model = model;
        _features = new float[model.Layout.Width];
        Clear();
    }

    internal ReadOnlySpan<float> Features => _features;

    public void Clear()
    {
        var layout = _model.Layout;
        for (var f = 0; f < layout.Features.Count; f++)
        {
            var feature = layout.Features[f];
            if (IsOneSlot(feature))
            {
                _features[layout.Offsets[f]] = float.NaN;
            }
            else
            {
                Array.Clear(_features, layout.Offsets[f], feature.Levels.Count);
            }
        }
    }

    /// <summary>Sets a number by column name; names the challenger does not use are ignored.</summary>
    public void Set(string name, double value)
    {
        var f = _model.IndexOf(name);
        if (f >= 0 && _model.Layout.Features[f].Kind == ColumnKind.Numeric)
        {
            _features[_model.Layout.Offsets[f]] = (float)value;
        }
    }

    /// <summary>Sets a level by column name; names the challenger does not use are ignored.</summary>
    public void Set(string name, string? text)
    {
        var f = _model.IndexOf(name);
        if (f < 0)
        {
            return;
        }

        var feature = _model.Layout.Features[f];
        if (feature.Kind == ColumnKind.Numeric)
        {
            return;
        }

        var offset = _model.Layout.Offsets[f];
        var slot = text is null ? -1 : _model.LevelOf(f, text);
        if (feature.Encoding == CategoryEncoding.RiskRank)
        {
            _features[offset] = slot >= 0 ? slot : float.NaN;
        }
        else
        {
            Array.Clear(_features, offset, feature.Levels.Count);
            if (slot >= 0)
            {
                _features[offset + slot] = 1f;
            }
        }
    }

    private static bool IsOneSlot(ChallengerFeature feature) =>
        feature.Kind == ColumnKind.Numeric || feature.Encoding == CategoryEncoding.RiskRank;
}
