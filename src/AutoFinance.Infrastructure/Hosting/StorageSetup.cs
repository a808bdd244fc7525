using System.Security.Cryptography.X509Certificates;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoFinance.Infrastructure.Hosting;

/// <summary>Registers storage, encryption and the stores behind the application's ports.</summary>
public static class StorageSetup
{
    public static IServiceCollection AddAutoFinanceStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        if (options.IsPostgres)
        {
            // Pooled contexts: a request takes a context already built instead of building one (and its internal
            // service scope) for every request; the context holds no state of its own beyond its options.
            services.AddDbContextPool<PostgresDbContext>((sp, o) => o.UseNpgsql(PostgresConnections.WithAutoPrepare(options.ConnectionString)).UseAuditChainKey(sp.GetRequiredService<AuditKeys>().Chain));
            services.AddScoped<AutoFinanceDbContext>(sp => sp.GetRequiredService<PostgresDbContext>());
        }
        else
        {
            SecureDatabaseFile(options.ConnectionString);
            services.AddDbContextPool<SqliteDbContext>((sp, o) => o.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas()).UseAuditChainKey(sp.GetRequiredService<AuditKeys>().Chain));
            services.AddScoped<AutoFinanceDbContext>(sp => sp.GetRequiredService<SqliteDbContext>());
        }

        OwnerOnlyFiles.EnsureFolder(options.KeysPath, tightenExisting: true);
        OwnerOnlyFiles.TightenFilesIn(options.KeysPath);
        // Data Protection writes each new key file 0600 itself; the files already there were set above.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("AutoFinance")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysPath));
        if (options.KeyRingCertificatePath is { Length: > 0 } certificatePath)
        {
            // The public key encrypts each new key file; the private key, given here, decrypts the ring.
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificatePath, options.KeyRingCertificateSecret));
        }

        services.AddSingleton<IPersonalDataProtector, PersonalDataProtector>();
        services.AddSingleton<ILookupHasher>(_ => LookupHasher.FromDirectory(options.KeysPath));
        services.AddSingleton(_ => AuditKeys.FromDirectory(options.KeysPath));
        services.AddSingleton(sp => new AuditAnchoring(
            new CheckpointFile(sp.GetService<AuditOptions>()?.CheckpointPath is { Length: > 0 } path ? path : AuditKeys.DefaultCheckpointPath(options.KeysPath), sp.GetRequiredService<AuditKeys>().Checkpoint),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(new Documents.FileStoreOptions(DefaultFilesPath(options)));
        services.AddSingleton<Documents.EncryptedFileStore>();
        services.TryAddSingleton(new Contracts.ContractOptions());
        services.AddSingleton<Contracts.ContractSigner>();
        services.AddScoped<Contracts.SignedContracts>();
        services.TryAddSingleton(_ => new Ocr.IdCardOcr(null));
        services.AddSingleton<Identity.AccountNames>();
        services.AddSingleton<ProductCatalog>();
        services.AddScoped<IOriginationStore, EfOriginationStore>();
        services.AddSingleton<DecisionWriter>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<Identity.ApiKeyCache>();
        services.AddSingleton<Identity.SessionCache>();
        return services;
    }

    /// <summary>The file store's folder unless configured: <c>files</c> beside the embedded database, else <c>data/files</c>.</summary>
    public static string DefaultFilesPath(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsPostgres)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
            if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
            {
                return Path.Combine(folder, "files");
            }
        }

        return Path.Combine("data", "files");
    }

    /// <summary>
    /// Creates or upgrades the schema, encrypts personal data an older version left plain (and, on SQLite, switches
    /// the file to WAL journaling).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        // A schema already current is left as it is: migrating it would still build the latest migration's model and
        // compare it with the context's (to catch a change made without a migration), a few tenths of a second at
        // every start. A new or older database still migrates, and so makes that check; a test pins it besides.
        if ((await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).Any())
        {
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        }

        await PlainPersonalDataUpgrade.RunAsync(
            db, scope.ServiceProvider.GetRequiredService<Identity.AccountNames>(), scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>(), ct).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The database file 0600 (created empty before SQLite opens it, which SQLite takes as a new database, and its
    /// journal files take its mode), in a folder created 0700. An existing folder keeps its mode: it may be shared.
    /// </summary>
    private static void SecureDatabaseFile(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == Microsoft.Data.Sqlite.SqliteOpenMode.Memory)
        {
            return;
        }

        var file = Path.GetFullPath(builder.DataSource);
        if (Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            OwnerOnlyFiles.EnsureFolder(directory, tightenExisting: false);
        }

        OwnerOnlyFiles.EnsureFile(file);
        OwnerOnlyFiles.Tighten(file + "-wal");
        OwnerOnlyFiles.Tighten(file + "-shm");
    }
}
