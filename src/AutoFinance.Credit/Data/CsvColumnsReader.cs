using CsvHelper;

namespace AutoFinance.Credit.Data;

/// <summary>Reads any CSV with a header row into raw columns in one streaming pass, culture-invariant.</summary>
internal static class CsvColumnsReader
{
    public static IReadOnlyList<RawColumn> Read(Stream input, int levelCap)
    {
        using var reader = CsvReader.Create(input, CsvReaderOptions.Default, leaveOpen: true);
        if (!reader.Read())
        {
            throw new CreditDataException(reader.Headers.Count == 0 ? "the file is empty" : "the file has a header but no data rows");
        }

        var headers = reader.Headers;
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new CreditDataException("the file is empty");
        }

        var duplicate = headers.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new CreditDataException($"the header names column '{duplicate.Key}' twice");
        }

        var columns = headers.Select(h => new RawColumn(h, levelCap)).ToArray();
        var row = 1;
        do
        {
            row++;
            if (reader.FieldCount != columns.Length)
            {
                throw new CreditDataException($"line {row} has {reader.FieldCount} fields, the header has {columns.Length} (ragged file)");
            }

            for (var i = 0; i < columns.Length; i++)
            {
                columns[i].Add(reader.GetSpan(i));
            }
        }
        while (reader.Read());

        return columns;
    }
}
