using System.CommandLine;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Validation;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// Where a benchmark over generated data runs: <c>--provider</c> sqlite (a temporary file, the default) or postgresql
/// with <c>--connection</c> to a server, on which the benchmark creates its own database (the one the connection string
/// names, else a default of the benchmark's, so runs naming different databases can share a server). Read and checked
/// once for all.
/// </summary>
public sealed class BenchDatabase
{
    private readonly string _database;

    public BenchDatabase(string database)
    {
        _database = database;
        Provider = new Option<string?>("--provider") { Description = "sqlite (default, a temporary file) or postgresql (with --connection to a server)." };
        Connection = new Option<string?>("--connection") { Description = $"PostgreSQL server, e.g. Host=127.0.0.1;Port=55432;Username=postgres (the database it names is created afresh, {database} when it names none)." };
    }

    public Option<string?> Provider { get; }

    public Option<string?> Connection { get; }

    /// <summary>The provider asked for, lower-cased; a problem is collected when it is unknown or lacks its server.</summary>
    public string Read(InputReader input, ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(parsed);
        var kind = (parsed.GetValue(Provider) ?? "sqlite").Trim().ToLowerInvariant();
        if (kind is not ("sqlite" or "postgresql"))
        {
            input.Add(new FieldError("provider", "must be sqlite or postgresql"));
        }
        else if (kind == "postgresql" && parsed.GetValue(Connection) is null)
        {
            input.Add(new FieldError("connection", "is required with --provider postgresql"));
        }

        return kind;
    }

    /// <summary>The connection string: the SQLite file given, or the server with the benchmark's own database.</summary>
    public string ConnectionString(string kind, ParseResult parsed, string sqliteFile)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return kind == "sqlite" ? $"Data Source={sqliteFile}" : ServerConnectionString(parsed);
    }

    /// <summary>The server's connection string naming the database the benchmark drops and creates: the one given, else the default.</summary>
    public string ServerConnectionString(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(parsed.GetValue(Connection));
        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            builder.Database = _database;
        }

        return builder.ConnectionString;
    }
}
