namespace AutoFinance.Infrastructure.Hosting;

/// <summary>Where the platform keeps its data: the database provider and connection, and the key directory.</summary>
public sealed record StorageOptions
{
    /// <summary>Sqlite (embedded default) or PostgreSql.</summary>
    public string Provider { get; init; } = "Sqlite";

    public string ConnectionString { get; init; } = "Data Source=data/autofinance.db";

    /// <summary>The Data Protection key ring and the lookup-hash key: outside the database, on purpose.</summary>
    public string KeysPath { get; init; } = "data/keys";

    public bool IsPostgres => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
