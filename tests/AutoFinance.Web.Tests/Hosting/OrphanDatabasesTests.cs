using System.Diagnostics;
using Npgsql;

namespace AutoFinance.Web.Tests.Hosting;

/// <summary>
/// A test process killed before its exit handlers ran leaves its databases on a developer's PostgreSQL server; the
/// next test process drops them, and never a database of a process still running.
/// </summary>
public sealed class OrphanDatabasesTests
{
    [SkippableFact]
    public async Task Databases_of_a_test_process_that_is_gone_are_dropped_and_a_running_ones_kept()
    {
        Xunit.Skip.If(PostgresPlatform.Server is null, "no PostgreSQL configured");
        var gone = await GoneProcessIdAsync();
        string[] orphans = [$"af_test_{gone}_{Guid.NewGuid():N}", $"af_template_{gone}_{Guid.NewGuid():N}"];
        var running = PostgresPlatform.NewDatabaseName();
        foreach (var name in orphans.Append(running))
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        }

        await PostgresPlatform.RemoveOrphanDatabasesAsync();

        var left = await DatabasesAsync();
        Assert.DoesNotContain(orphans[0], left);
        Assert.DoesNotContain(orphans[1], left);
        Assert.Contains(running, left);
        await ExecuteAsync($"DROP DATABASE \"{running}\"");
    }

    /// <summary>The id of a process that has just ended.</summary>
    private static async Task<int> GoneProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static async Task<List<string>> DatabasesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection($"{PostgresPlatform.Server};Database=postgres");
        await connection.OpenAsync();
        return connection;
    }
}
