using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using CsvHelper;

namespace AutoFinance.Credit.Models;

/// <summary>
/// Scores a CSV with a model whose gradient-boosting model or explainable boosting machine scores: the file is read
/// once to predict (both score whole columns), then streamed again so every input record is copied unchanged with
/// score, pd, grade and the inputs that raised the pd most as reasons (for the explainable boosting machine, the
/// terms with the largest contributions).
/// </summary>
public static class BoostedBatchScorer
{
    public static long Score(CreditModel model, Func<Stream> openInput, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(openInput);
        IEnumerable<(string Name, ColumnKind Kind)> inputs = model.EbmScores
            ? model.Ebm!.Record.Features.Select(f => (f.Name, f.Kind))
            : (model.Challenger ?? throw new CreditDataException("the model has no gradient-boosting model to score with")).Features.Select(f => (f.Name, f.Kind));
        LoadedDataset loaded;
        using (var first = openInput())
        {
            loaded = DatasetLoader.Load(first, new DatasetOptions
            {
                Target = string.Empty,
                Categorical = inputs.Where(f => f.Kind == ColumnKind.Categorical).Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
                MaxCategories = 100_000,
                DropUninformative = false,
            });
        }

        var data = loaded.Data;
        var pd = model.EbmScores ? model.Ebm!.PredictPd(data) : model.Challenger!.PredictPd(data);
        Func<int, IEnumerable<string>> reasons = model.EbmScores
            ? row => model.Ebm!.Explain(data, row).Raising(Scorecard.MaxReasons).Select(t => t.Term)
            : row => model.Challenger!.Explain(data, row).Select(r => r.Feature);
        using var second = openInput();
        using var reader = CsvReader.Create(second, CsvReaderOptions.Default, leaveOpen: false);
        using var writer = new Utf8RowWriter(output);
        var headers = reader.Headers;
        writer.Write(System.Text.Encoding.UTF8.GetBytes(string.Join(',', headers.Concat(BatchScorer.AddedColumns).Select(h => System.Text.Encoding.UTF8.GetString(Utf8RowWriter.Field(h))))));
        writer.Write((byte)'\n');
        var row = 0;
        while (reader.Read())
        {
            var score = ScorecardTrainer.ScoreOfPd(model.Document.Scaling, pd[row]);
            writer.Write(reader.RawRecord);
            writer.Write((byte)',');
            writer.Write(score);
            writer.Write((byte)',');
            writer.Write(pd[row]);
            writer.Write((byte)',');
            writer.WriteField(model.Scorecard.Grades[model.Scorecard.GradeIndexOf(score)]);
            writer.Write((byte)',');
            writer.WriteField(string.Join(';', reasons(row).Select(BatchScorer.ReasonCode)));
            writer.Write((byte)'\n');
            row++;
        }

        return row;
    }
}
