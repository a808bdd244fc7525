using System.Buffers;
using AutoFinance.Credit.Data;
using AutoFinance.Credit.Scorecards;
using CsvHelper;

namespace AutoFinance.Credit.Models;

/// <summary>
/// Scores a CSV with a model whose gradient-boosting model scores: the file is read once to predict (ML.NET scores
/// whole columns), then streamed again so every input record is copied unchanged with score, pd, grade and the
/// columns that raised the pd most as reasons.
/// </summary>
public static class GbdtBatchScorer
{
    public static long Score(CreditModel model, Func<Stream> openInput, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(openInput);
        var challenger = model.Challenger ?? throw new CreditDataException("the model has no gradient-boosting model to score with");
        LoadedDataset loaded;
        using (var first = openInput())
        {
            loaded = DatasetLoader.Load(first, new DatasetOptions
            {
                Target = string.Empty,
                Categorical = challenger.Features.Where(f => f.Kind == ColumnKind.Categorical).Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
                MaxCategories = 100_000,
                DropUninformative = false,
            });
        }

        var pd = challenger.PredictPd(loaded.Data);
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
            writer.WriteField(string.Join(';', challenger.Explain(loaded.Data, row).Select(r => BatchScorer.ReasonCode(r.Feature))));
            writer.Write((byte)'\n');
            row++;
        }

        return row;
    }
}
