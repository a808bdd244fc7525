using System.CommandLine;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Hosting;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Common;

/// <summary>Opens the platform's database for operator commands: SQLite by default (data/autofinance.db) or PostgreSQL.</summary>
public static class CliDatabase
{
    public const string DefaultConnection = "Data Source=data/autofinance.db";

    /// <summary>The <c>--keys</c> option: the key directory holding the audit chain's keys, as the web host's Security:KeysPath.</summary>
    public static Option<string?> KeysOption() => new("--keys") { Description = $"Key directory with the audit keys (default {StorageOptions.DefaultKeysPath})." };

    /// <summary>
    /// The audit keys of the key directory, which must hold them: the database a command opens already exists, so the
    /// platform made its keys, and keys made afresh here would sign entries the chain's verifier rejects and hash or
    /// encrypt what the platform cannot read.
    /// </summary>
    public static AuditKeys Keys(string? directory)
    {
        var path = directory ?? StorageOptions.DefaultKeysPath;
        try
        {
            return AuditKeys.ExistingIn(path) ?? throw new BadInputException($"--keys: no audit keys in '{path}' (give the web host's Security:KeysPath)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new BadInputException($"--keys: cannot read the audit keys in '{path}': {e.Message}");
        }
    }

    /// <summary>
    /// Checks what a command would open before it opens anything: the connection string, and on SQLite that the file
    /// exists and is a SQLite database.
    /// </summary>
    public static void CheckDatabase(string? provider, string? connection)
    {
        var kind = (provider ?? "sqlite").Trim().ToLowerInvariant();
        var connectionString = connection ?? DefaultConnection;
        CheckConnection(kind, connectionString);
        if (kind == "sqlite")
        {
            _ = SqliteSource(connectionString, readOnly: true);
        }
    }

    public static AutoFinanceDbContext Open(string? provider, string? connection, bool readOnly, AuditKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var kind = (provider ?? "sqlite").Trim().ToLowerInvariant();
        var connectionString = connection ?? DefaultConnection;
        CheckConnection(kind, connectionString);
        return kind switch
        {
            "sqlite" => new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(SqliteSource(connectionString, readOnly)).UseAuditChainKey(keys.Chain).Options),
            "postgresql" or "postgres" => new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString).UseAuditChainKey(keys.Chain).Options),
            _ => throw new BadInputException($"--database: '{kind}' is not sqlite or postgresql"),
        };
    }

    /// <summary>A connection string the provider cannot read is bad input, named as such (checked before anything opens it).</summary>
    public static void CheckConnection(string kind, string connectionString)
    {
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
    }

    /// <summary>Whether the file starts with SQLite's header ("SQLite format 3" and a zero byte).</summary>
    private static bool IsSqliteFile(string path)
    {
        Span<byte> header = stackalloc byte[16];
        using var file = File.OpenRead(path);
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        return read == 16 && header.SequenceEqual("SQLite format 3\0"u8);
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

        if (!IsSqliteFile(builder.DataSource))
        {
            throw new BadInputException($"--connection: '{builder.DataSource}' is not a SQLite database");
        }

        return builder.ToString();
    }
}
