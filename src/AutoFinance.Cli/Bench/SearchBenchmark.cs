using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Search;
using AutoFinance.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// Back-office search at scale: N customers in a fresh database (names, mobiles and national IDs kept as keyed hashes
/// the way the platform stores them), then searches by name, mobile and national ID for customers picked at random,
/// and for a reference nobody has, each timed through the platform's own <see cref="BackOfficeSearch"/>.
/// </summary>
public static class SearchBenchmark
{
    public sealed record Figures(string Database, int Customers, int Searches, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds, double SetupSeconds, int Misses);

    private const int Batch = 20_000;

    public static async Task<Figures> RunAsync(string provider, string connection, int customers, int searches, CancellationToken ct)
    {
        await using var db = CobBenchmark.Open(provider, connection);
        await db.Database.EnsureDeletedAsync(ct).ConfigureAwait(false);
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        var hasher = new LookupHasher(RandomNumberGenerator.GetBytes(32));
        var setup = Stopwatch.StartNew();
        for (var start = 0; start < customers; start += Batch)
        {
            var rows = Enumerable.Range(start, Math.Min(Batch, customers - start)).Select(n => Customer(n, hasher)).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            await BulkInsert.InsertAsync(db, rows, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }

        var setupSeconds = setup.Elapsed.TotalSeconds;
        if (provider == "postgresql")
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE customers", ct).ConfigureAwait(false);
        }

        var search = new BackOfficeSearch(db, hasher, new PlainText());
        var staff = new Actor(Roles.ServiceAgent, Guid.NewGuid(), null, null, "bench agent");
        var random = new Random(17);
        var times = new List<double>(searches);
        var misses = 0;
        for (var i = 0; i < searches + 20; i++)
        {
            var n = random.Next(customers);
            var query = (i % 4) switch
            {
                0 => Name(n),
                1 => Mobile(n),
                2 => NationalId(n),
                _ => "AF" + n.ToString("000000", CultureInfo.InvariantCulture) + "-NONE",
            };
            var watch = Stopwatch.StartNew();
            var found = await search.FindAsync(staff, query, ct).ConfigureAwait(false);
            watch.Stop();
            db.ChangeTracker.Clear();
            if (i < 20)
            {
                continue; // warm-up: connections opened and queries compiled
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
            if (i % 4 != 3 && found.Customers.Count == 0)
            {
                misses++;
            }
        }

        times.Sort();
        return new Figures(provider, customers, times.Count, Math.Round(Percentile(times, 0.50), 2), Math.Round(Percentile(times, 0.99), 2), Math.Round(times[^1], 2), Math.Round(setupSeconds, 1), misses);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Name(int n) => "Customer " + n.ToString(CultureInfo.InvariantCulture);

    private static string Mobile(int n) => "139" + n.ToString("00000000", CultureInfo.InvariantCulture);

    private static string NationalId(int n) => "BENCH" + n.ToString("0000000000000", CultureInfo.InvariantCulture);

    private static CustomerRow Customer(int n, LookupHasher hasher) => new()
    {
        Id = Guid.CreateVersion7(),
        NationalIdHash = hasher.Hash("national-id", NationalId(n)),
        NationalIdCipher = NationalId(n),
        NationalIdMasked = "BENCH****" + (n % 10_000).ToString("0000", CultureInfo.InvariantCulture),
        FullNameCipher = Name(n),
        FullNameHash = hasher.Hash("name", Name(n).ToUpperInvariant()),
        MobileCipher = Mobile(n),
        MobileHash = hasher.Hash("mobile", Mobile(n)),
        DateOfBirth = new DateOnly(1970, 1, 1).AddDays(n % 12_000),
        CreatedAt = DateTimeOffset.UnixEpoch.AddSeconds(n),
    };

    /// <summary>The benchmark's customers are made up and stored in the clear: reading them back costs nothing.</summary>
    private sealed class PlainText : IPersonalDataProtector
    {
        public string Protect(string plain) => plain;

        public string Unprotect(string cipher) => cipher;
    }
}
