using AutoFinance.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// A generated book kept for later runs of <c>bench cob</c> (<c>--keep-book</c>): a million loans take minutes to
/// generate and seconds to copy. The book is named by its size and the schema's last migration, so a build whose schema
/// has moved on generates its own; on PostgreSQL it is a template database beside the run's, on SQLite a file beside
/// the run's temporary one. A run starts from a copy and never changes the book.
/// </summary>
public static class CobBook
{
    /// <summary>Starts the run's database from the kept book when there is one; false when there is none yet.</summary>
    public static async Task<bool> TryCopyAsync(string provider, string connection, int count, CancellationToken ct)
    {
        var book = await NameAsync(provider, connection, count, ct).ConfigureAwait(false);
        if (provider != "postgresql")
        {
            var file = SqliteFile(connection);
            if (!File.Exists(book))
            {
                return false;
            }

            File.Copy(book, file, overwrite: true);
            return true;
        }

        await using var server = await ServerAsync(connection, ct).ConfigureAwait(false);
        if (!await ExistsAsync(server, book, ct).ConfigureAwait(false))
        {
            return false;
        }

        var run = new NpgsqlConnectionStringBuilder(connection).Database!;
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {Quoted(run)} WITH (FORCE)", ct).ConfigureAwait(false);
        // A file copy of the template: the default strategy logs every copied page, gigabytes at a million loans.
        await ExecuteAsync(server, $"CREATE DATABASE {Quoted(run)} TEMPLATE {Quoted(book)} STRATEGY FILE_COPY", ct).ConfigureAwait(false);
        return true;
    }

    /// <summary>Keeps the run's database, just generated and not yet closed, as the book for later runs.</summary>
    public static async Task KeepAsync(AutoFinanceDbContext db, string provider, string connection, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var book = await NameAsync(provider, connection, count, ct).ConfigureAwait(false);
        if (provider != "postgresql")
        {
            await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct).ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            SqliteConnection.ClearAllPools();
            File.Copy(SqliteFile(connection), book + ".part", overwrite: true);
            File.Move(book + ".part", book, overwrite: true);
            return;
        }

        // A template cannot be copied while anyone is connected to it.
        NpgsqlConnection.ClearAllPools();
        await using var server = await ServerAsync(connection, ct).ConfigureAwait(false);
        var run = new NpgsqlConnectionStringBuilder(connection).Database!;
        await ExecuteAsync(server, $"CREATE DATABASE {Quoted(book)} TEMPLATE {Quoted(run)} STRATEGY FILE_COPY", ct).ConfigureAwait(false);
    }

    /// <summary>The book's database name (PostgreSQL) or file (SQLite) for this size and schema.</summary>
    private static async Task<string> NameAsync(string provider, string connection, int count, CancellationToken ct)
    {
        await using var db = CobBenchmark.Open(provider, connection);
        var migration = db.Database.GetMigrations().Last();
        var schema = migration[..Math.Min(14, migration.Length)];
        return provider == "postgresql"
            ? $"{new NpgsqlConnectionStringBuilder(connection).Database}_book_{count}_{schema}"
            : Path.Combine(Path.GetTempPath(), $"autofinance-cob-book-{count}-{schema}.db");
    }

    private static string SqliteFile(string connection) => new SqliteConnectionStringBuilder(connection).DataSource;

    private static async Task<NpgsqlConnection> ServerAsync(string connection, CancellationToken ct)
    {
        var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ConnectionString);
        await server.OpenAsync(ct).ConfigureAwait(false);
        return server;
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection server, string database, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection server, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, server) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
