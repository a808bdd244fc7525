using System.Globalization;
using AutoFinance.Credit.Data;
using Microsoft.Data.Sqlite;

namespace AutoFinance.Credit.Tests.Export;

/// <summary>A row as the exported SQL scores it.</summary>
internal sealed record SqlResult(double Score, double Pd, string? Grade);

/// <summary>
/// Loads rows into an in-memory SQLite table as a database would hold them (numeric columns REAL, NULL when missing;
/// categorical columns TEXT as given, NULL when absent) and runs an exported query over them.
/// </summary>
internal static class SqliteScoring
{
    public const string Table = "applications";

    public static IReadOnlyList<SqlResult> Run(ScorecardCase scorecardCase, string sql)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Load(connection, scorecardCase);
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT x.\"row_id\", x.\"score\", x.\"pd\", x.\"grade\" FROM ({sql}) x ORDER BY x.\"row_id\"";
        using var reader = query.ExecuteReader();
        var results = new List<SqlResult>();
        while (reader.Read())
        {
            Assert.Equal(results.Count, reader.GetInt32(0));
            results.Add(new SqlResult(
                reader.GetDouble(1),
                reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return results;
    }

    private static void Load(SqliteConnection connection, ScorecardCase scorecardCase)
    {
        var names = scorecardCase.Characteristics.Select(c => Quote(c.Name)).ToArray();
        using (var create = connection.CreateCommand())
        {
            var columns = scorecardCase.Characteristics.Select((c, i) => $"{names[i]} {(scorecardCase.IsNumeric(i) ? "REAL" : "TEXT")}");
            create.CommandText = $"CREATE TABLE {Quote(Table)} (\"row_id\" INTEGER PRIMARY KEY, {string.Join(", ", columns)})";
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Quote(Table)} (\"row_id\", {string.Join(", ", names)}) VALUES ($id, {string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var parameters = names.Select((_, i) => insert.Parameters.Add($"$p{i}", scorecardCase.IsNumeric(i) ? SqliteType.Real : SqliteType.Text)).ToArray();
        for (var row = 0; row < scorecardCase.Rows.Count; row++)
        {
            id.Value = row;
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = Value(scorecardCase.Rows[row][i], scorecardCase.IsNumeric(i));
            }

            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static object Value(string? raw, bool numeric)
    {
        if (raw is null || (numeric && MissingValues.IsMissing(raw)))
        {
            return DBNull.Value;
        }

        if (!numeric)
        {
            return raw;
        }

        Assert.True(double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number), $"'{raw}' is not a number");
        return number;
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
