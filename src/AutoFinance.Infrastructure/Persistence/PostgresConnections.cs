using Npgsql;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>How the platform connects to PostgreSQL.</summary>
public static class PostgresConnections
{
    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless the operator set it: a statement run
    /// twice on a connection is prepared there and from then on only bound and executed, so the server does not parse
    /// and plan the same hot queries (fraud facts, loan reads, postings) on every request.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }
}
