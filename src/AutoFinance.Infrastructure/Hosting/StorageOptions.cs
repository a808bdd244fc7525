namespace AutoFinance.Infrastructure.Hosting;

/// <summary>Where the platform keeps its data: the database provider and connection, and the key directory.</summary>
public sealed record StorageOptions
{
    /// <summary>Sqlite (embedded default) or PostgreSql.</summary>
    public string Provider { get; init; } = "Sqlite";

    public string ConnectionString { get; init; } = "Data Source=data/autofinance.db";

    /// <summary>The Data Protection key ring and the lookup-hash key: outside the database, on purpose.</summary>
    public string KeysPath { get; init; } = DefaultKeysPath;

    /// <summary>
    /// A PKCS#12 (.pfx) certificate whose public key encrypts the key ring at rest (its private key decrypts it); without
    /// one the key files hold their master keys in plain XML, protected by file modes alone.
    /// </summary>
    public string? KeyRingCertificatePath { get; init; }

    /// <summary>The .pfx file's password (<c>Security:KeyRingCertificatePassword</c>).</summary>
    public string? KeyRingCertificateSecret { get; init; }

    /// <summary>
    /// Where the keys live unless configured: the user's local application data (on Linux
    /// <c>~/.local/share/AutoFinance/keys</c>), outside the working tree and apart from the database file, so a copy
    /// of <c>./data</c> or of the repository never carries them.
    /// </summary>
    public static string DefaultKeysPath { get; } = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } local
        ? Path.Combine(local, "AutoFinance", "keys")
        : Path.Combine(Path.GetTempPath(), "AutoFinance", "keys");

    public bool IsPostgres => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase) || string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase);
}
