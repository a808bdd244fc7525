using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// Carries the audit chain's key with a context's options, so every context that appends to the chain — in the web
/// host, the command line or a test — keys its entries with the key of its key directory and none can forget it.
/// </summary>
public sealed class AuditChainKeyExtension(byte[] key) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? _info;

    public byte[] Key { get; } = key;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "AuditChainKey ";

        // The key changes no EF service, so contexts with different keys share one internal service provider.
        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["AuditChainKey"] = "1";
    }
}

public static class AuditChainKeyOptions
{
    /// <summary>Keys the audit entries this context appends (and checks) with <paramref name="key"/>.</summary>
    public static DbContextOptionsBuilder<T> UseAuditChainKey<T>(this DbContextOptionsBuilder<T> builder, byte[] key)
        where T : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new AuditChainKeyExtension(key));
        return builder;
    }

    /// <summary>Keys the audit entries this context appends (and checks) with <paramref name="key"/>.</summary>
    public static DbContextOptionsBuilder UseAuditChainKey(this DbContextOptionsBuilder builder, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(new AuditChainKeyExtension(key));
        return builder;
    }
}
