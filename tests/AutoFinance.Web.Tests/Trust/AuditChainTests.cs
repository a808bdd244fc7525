using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// The audit chain is keyed and anchored: each attack is made on a copy of a live database (and a copy of its
/// checkpoint file), as someone who stole the database but not the key directory would, and
/// <c>autofinance audit verify</c> names the first bad entry and the kind of break.
/// </summary>
public sealed class AuditChainTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task The_live_chain_verifies_and_anchors_its_head_in_a_checkpoint_file_readable_by_its_owner_only()
    {
        var head = await GrowAsync(130);
        using var admin = await platform.SignedIn("admin");
        var verified = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit/verify");
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
        Assert.True(verified.GetProperty("anchoredThrough").GetInt64() >= head);

        var checkpoints = Path.Combine(platform.KeysPath, AuditKeys.CheckpointFileName);
        Assert.True(File.Exists(checkpoints));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in new[] { checkpoints, Path.Combine(platform.KeysPath, AuditKeys.ChainKeyFile), Path.Combine(platform.KeysPath, AuditKeys.CheckpointKeyFile) })
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public async Task Deleting_the_newest_25_entries_is_a_truncation_behind_the_last_checkpoint()
    {
        var copy = await AnchoredCopyAsync();
        await SqlAsync(copy.Database, $"DELETE FROM audit_log WHERE Sequence > {copy.Head - 25}");
        AssertBroken(copy, copy.Head - 24, AuditBreak.Truncated);
    }

    [Fact]
    public async Task Deleting_an_entry_in_the_middle_names_the_missing_entry()
    {
        var copy = await AnchoredCopyAsync();
        await SqlAsync(copy.Database, "DELETE FROM audit_log WHERE Sequence = 50");
        AssertBroken(copy, 50, AuditBreak.Missing);
    }

    [Fact]
    public async Task Rewriting_entry_72_and_rehashing_the_rest_with_plain_sha256_is_found_at_72()
    {
        var copy = await AnchoredCopyAsync();
        await RewriteFromAsync(copy.Database, 72, AuditLog.PlainHashOf);
        AssertBroken(copy, 72, AuditBreak.Rehashed);
    }

    [Fact]
    public async Task Rewriting_entry_72_and_rehashing_the_rest_with_a_key_of_ones_own_is_found_at_72()
    {
        var copy = await AnchoredCopyAsync();
        var wrongKey = RandomNumberGenerator.GetBytes(32);
        await RewriteFromAsync(copy.Database, 72, e => AuditLog.HashOf(e, wrongKey));
        AssertBroken(copy, 72, AuditBreak.Altered);
    }

    [Fact]
    public async Task Editing_a_field_without_rehashing_is_found_at_that_entry()
    {
        var copy = await AnchoredCopyAsync();
        await SqlAsync(copy.Database, "UPDATE audit_log SET DataJson = '{\"amount\":1}' WHERE Sequence = 40");
        AssertBroken(copy, 40, AuditBreak.Altered);
    }

    [Fact]
    public async Task A_forged_edited_or_removed_checkpoint_line_is_refused()
    {
        await AnchoredCopyAsync();
        var copy = await AnchoredCopyAsync();
        var lines = File.ReadAllLines(copy.Checkpoints);
        Assert.True(lines.Length >= 2);
        var last = lines[^1].Split(' ');

        // A line removed from the middle (or the start): the next one no longer follows.
        File.WriteAllLines(copy.Checkpoints, lines[1..]);
        AssertForged(copy, 1);

        // A line claiming a later head, with a made-up signature.
        File.WriteAllLines(copy.Checkpoints, lines);
        File.AppendAllLines(copy.Checkpoints, [string.Join(' ', "v1", last[1], (copy.Head + 100).ToString(System.Globalization.CultureInfo.InvariantCulture), last[3], last[4], last[6], new string('a', 64))]);
        AssertForged(copy, lines.Length + 1);

        // The last line's sequence lowered, its signature kept (to hide a truncation).
        last[2] = "1";
        File.WriteAllLines(copy.Checkpoints, [.. lines[..^1], string.Join(' ', last)]);
        AssertForged(copy, lines.Length);
    }

    [Fact]
    public async Task Without_the_key_directory_verify_refuses_with_a_one_line_error()
    {
        var copy = await AnchoredCopyAsync();
        var result = SqliteBackupRestoreTests.Cli("audit", "verify", "--connection", $"Data Source={copy.Database}", "--keys", Path.Combine(platform.WorkDirectory, "no-keys"));
        Assert.Equal(2, result.Code);
        Assert.StartsWith("error: --keys", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_written_before_the_chain_was_keyed_is_checked_and_keyed_once_at_the_first_start()
    {
        var copy = await AnchoredCopyAsync();
        await RewriteFromAsync(copy.Database, 1, AuditLog.PlainHashOf, edit: false);
        var keys = Path.Combine(platform.WorkDirectory, $"keys-{Guid.NewGuid():N}");
        var checkpoints = Path.Combine(keys, AuditKeys.CheckpointFileName);

        await StartAndStopAsync(copy.Database, keys, checkpoints);

        var result = SqliteBackupRestoreTests.Cli("audit", "verify", "--connection", $"Data Source={copy.Database}", "--keys", keys, "--json");
        Assert.True(result.Code == 0, result.Output + result.Error);
        Assert.Equal(copy.Head + 1, JsonDocument.Parse(result.Output).RootElement.GetProperty("anchoredThrough").GetInt64());
        await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={copy.Database};Pooling=False").Options);
        Assert.Equal("audit.chain-keyed", (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == copy.Head + 1)).Action);
    }

    [Fact]
    public async Task A_log_rehashed_without_the_key_after_it_was_anchored_is_not_keyed_again_at_start()
    {
        var copy = await AnchoredCopyAsync();
        await RewriteFromAsync(copy.Database, 1, AuditLog.PlainHashOf, edit: false);

        await StartAndStopAsync(copy.Database, platform.KeysPath, copy.Checkpoints);

        AssertBroken(copy, 1, AuditBreak.Rehashed);
    }

    private sealed record Copy(string Database, string Checkpoints, long Head);

    /// <summary>Grows the live chain, verifies it (which anchors its head), and copies the database and the checkpoint file.</summary>
    private async Task<Copy> AnchoredCopyAsync()
    {
        await GrowAsync(130);
        var name = Guid.NewGuid().ToString("N");
        var checkpoints = Path.Combine(platform.WorkDirectory, $"checkpoints-{name}.log");
        var database = Path.Combine(platform.WorkDirectory, $"copy-{name}.db");
        var verified = Verify(database: null, checkpoints: null);
        Assert.True(verified.Code == 0, verified.Output + verified.Error);
        await using (var live = new SqliteConnection(platform.App.Configuration.GetConnectionString("Default") + ";Pooling=False"))
        {
            await live.OpenAsync();
            await using var vacuum = live.CreateCommand();
            vacuum.CommandText = $"VACUUM INTO '{database}'";
            await vacuum.ExecuteNonQueryAsync();
        }

        File.Copy(Path.Combine(platform.KeysPath, AuditKeys.CheckpointFileName), checkpoints);
        var copied = Verify(database, checkpoints);
        Assert.True(copied.Code == 0, copied.Output + copied.Error);
        return new Copy(database, checkpoints, JsonDocument.Parse(copied.Output).RootElement.GetProperty("anchoredThrough").GetInt64());
    }

    /// <summary>Appends audited events on the live platform: at least one, and until the chain has <paramref name="entries"/> entries.</summary>
    private async Task<long> GrowAsync(int entries)
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var count = await db.AuditEntries.LongCountAsync();
        var events = Enumerable.Range(0, (int)Math.Max(1, entries - count)).Select(i => new AuditEvent("test", "test.recorded", "test", i.ToString(System.Globalization.CultureInfo.InvariantCulture), new { i }));
        await AuditLog.SaveWithAsync(db, events, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);

        return await db.AuditEntries.MaxAsync(e => e.Sequence);
    }

    private (int Code, string Output, string Error) Verify(string? database, string? checkpoints) => SqliteBackupRestoreTests.Cli(
        "audit", "verify", "--connection", database is null ? platform.App.Configuration.GetConnectionString("Default")! : $"Data Source={database}",
        "--keys", platform.KeysPath, "--checkpoints", checkpoints ?? Path.Combine(platform.KeysPath, AuditKeys.CheckpointFileName), "--json");

    private void AssertBroken(Copy copy, long sequence, string kind)
    {
        var result = Verify(copy.Database, copy.Checkpoints);
        Assert.True(result.Code == 1, result.Output + result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.False(json.GetProperty("intact").GetBoolean());
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Equal(sequence, json.GetProperty("firstBrokenSequence").GetInt64());
    }

    private void AssertForged(Copy copy, int line)
    {
        var result = Verify(copy.Database, copy.Checkpoints);
        Assert.True(result.Code == 1, result.Output + result.Error);
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(AuditBreak.CheckpointForged, json.GetProperty("kind").GetString());
        Assert.Contains($"line {line} ", json.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    private static async Task SqlAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Changes the actor of entry <paramref name="from"/> (unless <paramref name="edit"/> is false) and hashes it and every later entry again with <paramref name="hash"/>.</summary>
    private static async Task RewriteFromAsync(string database, long from, Func<AuditEntryRow, string> hash, bool edit = true)
    {
        await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={database};Pooling=False").Options);
        var previous = from == 1 ? AuditLog.Genesis : (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Sequence == from - 1)).Hash;
        foreach (var entry in await db.AuditEntries.Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync())
        {
            if (entry.Sequence == from && edit)
            {
                entry.Actor = "someone-else";
            }

            entry.PreviousHash = previous;
            entry.Hash = hash(entry);
            previous = entry.Hash;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Starts the platform on <paramref name="database"/> with the given key directory and checkpoint file, and stops it again.</summary>
    private static async Task StartAndStopAsync(string database, string keys, string checkpoints)
    {
        var app = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0", "--Partners:Simulator:Launch=false", "--Database:Provider=Sqlite", $"--ConnectionStrings:Default=Data Source={database}", $"--Security:KeysPath={keys}",
            $"--Audit:CheckpointPath={checkpoints}", "--Logging:LogLevel:Default=Warning", "--Demo:Seed=false", "--Outbox:Enabled=false",
        ]);
        await app.StartAsync();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
