using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Common;

/// <summary>Opens the platform's database for operator commands: SQLite by default (data/autofinance.db) or PostgreSQL.</summary>
public static class CliDatabase
{
    public const string DefaultConnection = "Data Source=data/autofinance.db";

    public static AutoFinanceDbContext Open(string? provider, string? connection, bool readOnly)
    {
        var kind = (provider ?? "sqlite").Trim().ToLowerInvariant();
        var connectionString = connection ?? DefaultConnection;
        try
        {
            _ = kind switch
            {
                "sqlite" => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).ToString(),
                "postgresql" or "postgres" => new Npgsql.NpgsqlConnectionStringBuilder(connectionString).ToString(),
                _ => string.Empty,
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new BadInputException($"--connection: not a valid connection string ({e.Message.ReplaceLineEndings(" ")})");
        }

        return kind switch
        {
            "sqlite" => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(SqliteSource(connectionString, readOnly)).Options),
            "postgresql" or "postgres" => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString).Options),
            _ => throw new BadInputException($"--database: '{kind}' is not sqlite or postgresql"),
        };
    }

    private static string SqliteSource(string connectionString, bool readOnly)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString)
        {
            Mode = readOnly ? Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly : Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite,
        };
        if (!File.Exists(builder.DataSource))
        {
            throw new BadInputException($"--connection: the database '{builder.DataSource}' does not exist (start the platform once to create it)");
        }

        return builder.ToString();
    }
}
