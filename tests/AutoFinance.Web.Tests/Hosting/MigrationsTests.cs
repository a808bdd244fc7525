using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Hosting;

/// <summary>
/// The migrations describe the model exactly, on both databases: a start finds a current schema current without
/// comparing the two (it only migrates a database with migrations pending), so a change to the model made without a
/// migration must be caught here.
/// </summary>
public sealed class MigrationsTests
{
    private static readonly byte[] ChainKey = AuditKeys.Ephemeral().Chain;

    [Fact]
    public void The_sqlite_migrations_hold_every_change_to_the_model()
    {
        using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=unused.db").UseAuditChainKey(ChainKey).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no SQLite migration holds: add a migration for it");
    }

    [Fact]
    public void The_postgresql_migrations_hold_every_change_to_the_model()
    {
        using var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql("Host=unused;Database=unused").UseAuditChainKey(ChainKey).Options);

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no PostgreSQL migration holds: add a migration for it");
    }
}
