using System.Buffers;
using System.Text;
using AutoFinance.Credit.Data;
using CsvHelper;

namespace AutoFinance.Credit.Scorecards;

/// <summary>
/// Scores a CSV file row by row as it streams: every input record is copied to the output unchanged and
/// <c>score</c>, <c>pd</c>, <c>grade</c> and <c>reasons</c> (reason codes, worst first, separated by ';') are appended.
/// Memory stays flat whatever the file size.
/// </summary>
public static class BatchScorer
{
    public static readonly string[] AddedColumns = ["score", "pd", "grade", "reasons"];

    public static long Score(Scorecard scorecard, Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        using var reader = CsvReader.Create(input, CsvReaderOptions.Default, leaveOpen: true);
        var headers = reader.Headers;
        if (headers.Count == 0)
        {
            throw new CreditDataException("the file is empty");
        }

        var columnOf = ColumnsOf(scorecard, headers);
        using var writer = new Utf8RowWriter(output);
        for (var h = 0; h < headers.Count + AddedColumns.Length; h++)
        {
            if (h > 0)
            {
                writer.Write((byte)',');
            }

            writer.WriteField(h < headers.Count ? headers[h] : AddedColumns[h - headers.Count]);
        }

        writer.Write((byte)'\n');
        var grades = scorecard.Grades.Select(g => Utf8RowWriter.Field(g)).ToArray();
        var codes = scorecard.Characteristics.Select(c => Encoding.UTF8.GetBytes(ReasonCode(c.Name))).ToArray();
        using var workers = new ThreadLocal<RowWorker>(() => new RowWorker(scorecard, columnOf, grades, codes));
        long rows = 0;
        foreach (var line in reader.ParallelEnumerate(r => workers.Value!.Format(r), Environment.ProcessorCount))
        {
            rows++;
            if (line.FieldCount != headers.Count)
            {
                ArrayPool<byte>.Shared.Return(line.Bytes);
                throw new CreditDataException($"data row {rows} has {line.FieldCount} fields, the header has {headers.Count} (ragged file)");
            }

            writer.Write(line.Bytes.AsSpan(0, line.Length));
            ArrayPool<byte>.Shared.Return(line.Bytes);
        }

        return rows;
    }

    /// <summary>A reason code is the characteristic's name, made safe to list in one CSV field separated by ';'.</summary>
    public static string ReasonCode(string characteristic)
    {
        ArgumentNullException.ThrowIfNull(characteristic);
        var code = new StringBuilder(characteristic.Length);
        foreach (var ch in characteristic)
        {
            code.Append(ch is ',' or ';' or '"' or '\r' or '\n' ? '_' : ch);
        }

        return code.ToString();
    }

    private readonly record struct ScoredLine(byte[] Bytes, int Length, int FieldCount);

    /// <summary>One thread's scoring state: its applicant, reasons and the output line it formats.</summary>
    private sealed class RowWorker(Scorecard scorecard, int[] columnOf, byte[][] grades, byte[][] codes)
    {
        private readonly ApplicantValues _applicant = scorecard.NewApplicant();
        private readonly Reason[] _reasons = new Reason[Scorecard.MaxReasons];

        public ScoredLine Format(CsvReader reader)
        {
            var fieldCount = reader.FieldCount;
            for (var c = 0; c < columnOf.Length; c++)
            {
                _applicant.SetUtf8(c, reader.GetSpan(columnOf[c]));
            }

            var result = scorecard.Score(_applicant, _reasons);
            var raw = reader.RawRecord;
            var bytes = ArrayPool<byte>.Shared.Rent(raw.Length + 128 + (Scorecard.MaxReasons * 64));
            var line = new LineBuilder(bytes);
            line.Append(raw);
            line.Append((byte)',');
            line.Append(result.Score);
            line.Append((byte)',');
            line.Append(result.Pd);
            line.Append((byte)',');
            line.Append(grades[result.Grade]);
            line.Append((byte)',');
            for (var r = 0; r < result.ReasonCount; r++)
            {
                if (r > 0)
                {
                    line.Append((byte)';');
                }

                line.Append(codes[_reasons[r].Characteristic]);
            }

            line.Append((byte)'\n');
            return new ScoredLine(line.Bytes, line.Length, fieldCount);
        }
    }

    private static int[] ColumnsOf(Scorecard scorecard, IReadOnlyList<string> headers)
    {
        var columnOf = new int[scorecard.Characteristics.Count];
        for (var c = 0; c < columnOf.Length; c++)
        {
            var name = scorecard.Characteristics[c].Name;
            columnOf[c] = IndexOf(headers, name);
            if (columnOf[c] < 0)
            {
                throw new CreditDataException($"the column '{name}' the model uses is not in the file");
            }
        }

        var clash = AddedColumns.FirstOrDefault(a => IndexOf(headers, a) >= 0);
        return clash is not null
            ? throw new CreditDataException($"the file already has a column '{clash}', which scoring would add")
            : columnOf;
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
