using System.CommandLine;
using AutoFinance.Cli.Common;
using Microsoft.Data.Sqlite;

namespace AutoFinance.Cli.Operations;

/// <summary>
/// <c>autofinance backup</c> and <c>autofinance restore</c> for the embedded SQLite database, through SQLite's online
/// backup API: a consistent copy of a database that is in use (WAL included), page by page. PostgreSQL is backed up
/// with its own tools (<c>pg_dump -Fc</c> and <c>pg_restore</c>; see the README). Neither copies the key directory:
/// without it the personal data in a backup cannot be read, so back the keys up apart from the database.
/// </summary>
public static class BackupCommand
{
    private const string PostgresAdvice = "PostgreSQL is backed up with pg_dump -Fc and restored with pg_restore (see the README, 'Back up and restore')";

    public static Command CreateBackup(CliContext context)
    {
        var provider = new Option<string?>("--database") { Description = "sqlite (default); PostgreSQL uses pg_dump." };
        var connection = new Option<string?>("--connection") { Description = "Connection string of the live database (default Data Source=data/autofinance.db)." };
        var output = new Option<string>("--out") { Description = "The backup file to write.", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite the backup file if it exists." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("backup", "Copy a live SQLite database to a file, consistently, while the platform runs.") { provider, connection, output, force, json };
        command.SetAction(parsed =>
        {
            RequireSqlite(parsed.GetValue(provider));
            var source = ExistingDatabase("--connection", parsed.GetValue(connection) ?? CliDatabase.DefaultConnection);
            var target = TargetFile("--out", parsed.GetValue(output));
            if (File.Exists(target) && !parsed.GetValue(force))
            {
                throw new BadInputException($"--out: '{target}' exists; pass --force to overwrite it");
            }

            var temporary = target + ".partial";
            File.Delete(temporary);
            OwnerOnly(temporary);
            Copy(Open(source, SqliteOpenMode.ReadOnly), Open(temporary, SqliteOpenMode.ReadWriteCreate));
            var summary = Check(temporary, "the copy");
            File.Move(temporary, target, overwrite: true);
            return Report(context, parsed.GetValue(json), "backed up", source, target, summary);
        });
        return command;
    }

    public static Command CreateRestore(CliContext context)
    {
        var provider = new Option<string?>("--database") { Description = "sqlite (default); PostgreSQL uses pg_restore." };
        var from = new Option<string>("--from") { Description = "The backup file.", Required = true };
        var connection = new Option<string?>("--connection") { Description = "Connection string of the database to restore into (default Data Source=data/autofinance.db)." };
        var force = new Option<bool>("--force") { Description = "Replace a target database that already holds data." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document." };
        var command = new Command("restore", "Restore a SQLite backup into a database file (stop the platform first).") { provider, from, connection, force, json };
        command.SetAction(parsed =>
        {
            RequireSqlite(parsed.GetValue(provider));
            var backup = ExistingDatabase("--from", "Data Source=" + (parsed.GetValue(from) ?? string.Empty));
            var summary = Check(backup, "--from");
            var target = TargetFile("--connection", ExistingOrNewDatabase(parsed.GetValue(connection) ?? CliDatabase.DefaultConnection));
            if (Path.GetFullPath(target) == Path.GetFullPath(backup))
            {
                throw new BadInputException("--connection: the target is the backup file itself");
            }

            if (HoldsData(target) && !parsed.GetValue(force))
            {
                throw new BadInputException($"--connection: '{target}' already holds data; pass --force to replace it");
            }

            OwnerOnly(target);
            Copy(Open(backup, SqliteOpenMode.ReadOnly), Open(target, SqliteOpenMode.ReadWriteCreate));
            Check(target, "the restored database");
            return Report(context, parsed.GetValue(json), "restored", backup, target, summary);
        });
        return command;
    }

    private sealed record Summary(long Tables, long AuditEntries, long Loans, long Bytes);

    /// <summary>The file of the database a connection string names, which need not exist yet.</summary>
    private static string ExistingOrNewDatabase(string connectionString)
    {
        try
        {
            return new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new BadInputException($"--connection: not a SQLite connection string ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>A copy of a database holds what the live one protects: readable and writable by its owner alone (0600), as the live one is.</summary>
    private static void OwnerOnly(string path) => Infrastructure.Security.OwnerOnlyFiles.EnsureFile(path);

    private static void RequireSqlite(string? provider)
    {
        var kind = (provider ?? "sqlite").Trim().ToLowerInvariant();
        if (kind is "postgresql" or "postgres")
        {
            throw new BadInputException("--database: " + PostgresAdvice);
        }

        if (kind != "sqlite")
        {
            throw new BadInputException($"--database: '{kind}' is not sqlite or postgresql");
        }
    }

    /// <summary>The file of an existing SQLite database named by a connection string.</summary>
    private static string ExistingDatabase(string option, string connectionString)
    {
        string path;
        try
        {
            path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException e)
        {
            throw new BadInputException($"{option}: not a SQLite connection string ({e.Message})");
        }

        if (string.IsNullOrWhiteSpace(path) || path == ":memory:" || !File.Exists(path))
        {
            throw new BadInputException($"{option}: the database '{path}' does not exist");
        }

        return path;
    }

    private static string TargetFile(string option, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path == ":memory:" || Directory.Exists(path) || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new BadInputException($"{option}: '{path}' is not a file path");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new BadInputException($"{option}: the directory '{directory}' does not exist");
        }

        return path;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Copy(SqliteConnection source, SqliteConnection destination)
    {
        using (source)
        using (destination)
        {
            try
            {
                source.BackupDatabase(destination);
            }
            catch (SqliteException e)
            {
                throw new BadInputException($"cannot copy the database: {e.Message}");
            }
        }
    }

    /// <summary>Opens a database file, checks its integrity and that it is the platform's, and counts what it holds.</summary>
    private static Summary Check(string path, string what)
    {
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            var integrity = Scalar(connection, "PRAGMA integrity_check");
            if (!string.Equals(integrity?.ToString(), "ok", StringComparison.OrdinalIgnoreCase))
            {
                throw new BadInputException($"{what}: '{path}' fails SQLite's integrity check: {integrity}");
            }

            if (Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('audit_log', 'loans')"), System.Globalization.CultureInfo.InvariantCulture) != 2)
            {
                throw new BadInputException($"{what}: '{path}' is not an AutoFinance database");
            }

            return new Summary(
                Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM audit_log"), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM loans"), System.Globalization.CultureInfo.InvariantCulture),
                new FileInfo(path).Length);
        }
        catch (SqliteException e)
        {
            throw new BadInputException($"{what}: '{path}' is not a readable SQLite database ({e.Message})");
        }
    }

    private static bool HoldsData(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }

        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            return Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return true;
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static int Report(CliContext context, bool json, string verb, string from, string to, Summary summary)
    {
        if (json)
        {
            return context.WriteJson(new { from, to, summary.Tables, summary.AuditEntries, summary.Loans, summary.Bytes });
        }

        context.Output.WriteLine($"{verb} {from} -> {to}: {summary.Tables} tables, {summary.Loans} loans, {summary.AuditEntries} audit entries, {summary.Bytes} bytes");
        context.Output.WriteLine("the key directory (Security:KeysPath) is not in the file: keep a copy of it apart, or the personal data cannot be read");
        return CliApp.Ok;
    }
}
