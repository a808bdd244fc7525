using AutoFinance.Cli.Bench;
using AutoFinance.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Tests.Operations;

/// <summary>
/// Commands that write to the platform's database refuse, before writing anything, what would damage it: a key
/// folder without the platform's keys (entries signed with new keys would break the audit chain), a file that is not
/// a SQLite database, a day that has not happened; and the copies they make of it are the owner's alone.
/// </summary>
public sealed class WritingCommandGuardTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autofinance-guard-").FullName;

    private string Database => Path.Combine(_directory, "af.db");

    private string Connection => $"Data Source={Database}";

    private string Keys => Path.Combine(_directory, "keys");

    [Fact]
    public async Task A_key_folder_without_the_platforms_keys_is_refused_and_nothing_is_written_or_created()
    {
        await CreateDatabaseAsync();
        var elsewhere = Path.Combine(_directory, "no-keys");
        var statement = Path.Combine(_directory, "statement.csv");
        await File.WriteAllTextAsync(statement, "entryReference,bookingDate,amount,currency\nE-1,2026-11-20,10.00,CNY\n");

        foreach (var args in new[]
        {
            new[] { "cob", "--date", "2026-11-24", "--connection", Connection, "--keys", elsewhere },
            ["insight", "refresh", "--connection", Connection, "--keys", elsewhere],
            ["reconcile", "--file", statement, "--connection", Connection, "--keys", elsewhere],
            ["payouts", "cancel", Guid.NewGuid().ToString(), "--reason", "the customer asked", "--connection", Connection, "--keys", elsewhere],
        })
        {
            var refused = CliRunner.Run(args);
            Assert.True(refused.ExitCode == 2, $"{args[0]}: {refused.Error}");
            Assert.StartsWith("error: --keys: no audit keys", refused.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(elsewhere));
        Assert.Equal(0, CliRunner.Run("audit", "verify", "--connection", Connection, "--keys", Keys).ExitCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_a_day_not_yet_come_and_a_garbled_connection_are_refused_naming_the_option()
    {
        await CreateDatabaseAsync();
        var notADatabase = Path.Combine(_directory, "cars.csv");
        await File.WriteAllTextAsync(notADatabase, "price,term\n100000,36\n");

        var wrongFile = CliRunner.Run("cob", "--date", "2026-11-24", "--connection", $"Data Source={notADatabase}", "--keys", Keys);
        Assert.Equal(2, wrongFile.ExitCode);
        Assert.StartsWith("error: --connection:", wrongFile.Error, StringComparison.Ordinal);
        Assert.Contains("is not a SQLite database", wrongFile.Error, StringComparison.Ordinal);

        var future = CliRunner.Run("cob", "--date", "9999-12-31", "--connection", Connection, "--keys", Keys);
        Assert.Equal(2, future.ExitCode);
        Assert.StartsWith("error: --date: cannot be after today", future.Error, StringComparison.Ordinal);

        var garbled = CliRunner.Run("restore", "--from", Database, "--connection", "garbage");
        Assert.Equal(2, garbled.ExitCode);
        Assert.StartsWith("error: --connection:", garbled.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_and_a_restore_are_readable_by_their_owner_alone()
    {
        await CreateDatabaseAsync();
        var backup = Path.Combine(_directory, "copy.db");
        var restored = Path.Combine(_directory, "restored.db");

        Assert.Equal(0, CliRunner.Run("backup", "--connection", Connection, "--out", backup).ExitCode);
        Assert.Equal(0, CliRunner.Run("restore", "--from", backup, "--connection", $"Data Source={restored}").ExitCode);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(restored));
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task CreateDatabaseAsync()
    {
        _ = AuditKeys.FromDirectory(Keys);
        await using var db = CobBenchmark.Open("sqlite", Connection);
        await db.Database.MigrateAsync();
    }
}
