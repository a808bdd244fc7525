using Microsoft.ML;
using Microsoft.ML.Data;

namespace AutoFinance.Credit.Challenger;

/// <summary>
/// Feature vectors as an ML.NET data view: a "Features" column of floats whose width is declared in the schema
/// (so the trainer, the saved model and the contribution calculator all see a vector of known size) and a boolean
/// "Label" (true = bad).
/// </summary>
internal static class ChallengerRows
{
    public const string Features = nameof(Row.Features);
    public const string Label = nameof(Row.Label);
    public const string Score = "Score";
    public const string Contributions = "FeatureContributions";

    public static IDataView ToDataView(MLContext ml, float[][] features, ReadOnlySpan<byte> target, int width)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(features);
        var rows = new Row[features.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new Row { Features = features[i], Label = !target.IsEmpty && target[i] == 1 };
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Feature vectors without outcomes, for scoring.</summary>
    public static IDataView ToDataView(MLContext ml, float[][] features, int width) => ToDataView(ml, features, [], width);

    public static float[] Scores(IDataView scored) => [.. scored.GetColumn<float>(Score)];

    public static float[] FirstContributions(IDataView explained)
    {
        ArgumentNullException.ThrowIfNull(explained);
        var column = explained.Schema[Contributions];
        using var cursor = explained.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var buffer = default(VBuffer<float>);
        if (!cursor.MoveNext())
        {
            throw new InvalidOperationException("the contribution calculation returned no row");
        }

        getter(ref buffer);
        return [.. buffer.DenseValues()];
    }

    /// <summary>A single-row prediction engine (not thread-safe: one per thread), much cheaper than a data view per row.</summary>
    public static PredictionEngine<Row, ScoredRow> Engine(MLContext ml, ITransformer model, int width)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Model.CreatePredictionEngine<Row, ScoredRow>(model, ignoreMissingColumns: true, inputSchemaDefinition: schema);
    }

    internal sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    internal sealed class ScoredRow
    {
        public float Score { get; set; }
    }
}
