using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
            services.AddDbContext<PostgresDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddScoped<AutoFinanceDbContext>(sp => sp.GetRequiredService<PostgresDbContext>());
        }
        else
        {
            EnsureDirectoryOf(options.ConnectionString);
            services.AddDbContext<SqliteDbContext>(o => o.UseSqlite(options.ConnectionString).AddInterceptors(new SqlitePragmas()));
            services.AddScoped<AutoFinanceDbContext>(sp => sp.GetRequiredService<SqliteDbContext>());
        }

        Directory.CreateDirectory(options.KeysPath);
        services.AddDataProtection()
            .SetApplicationName("AutoFinance")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysPath));
        services.AddSingleton<IPersonalDataProtector, PersonalDataProtector>();
        services.AddSingleton<ILookupHasher>(_ => LookupHasher.FromDirectory(options.KeysPath));
        services.AddSingleton<Identity.AccountNames>();
        services.AddSingleton<ProductCatalog>();
        services.AddScoped<IOriginationStore, EfOriginationStore>();
        services.AddSingleton<DecisionWriter>();
        services.AddSingleton<Identity.ApiKeyCache>();
        return services;
    }

    /// <summary>
    /// Creates or upgrades the schema, encrypts personal data an older version left plain (and, on SQLite, switches
    /// the file to WAL journaling).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        await PlainPersonalDataUpgrade.RunAsync(
            db, scope.ServiceProvider.GetRequiredService<Identity.AccountNames>(), scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>(), ct).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct).ConfigureAwait(false);
        }
    }

    private static void EnsureDirectoryOf(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
