using System.Collections.Concurrent;

namespace AutoFinance.Web.Tests;

/// <summary>
/// One migrated and seeded platform directory per platform type that asks for one (and Shanghai day), made by the first
/// fixture of that type in the test process and copied by the others: a copy takes milliseconds where applying every
/// migration and seeding the demo data takes seconds of processor time. The key folder is copied with the database,
/// since the audit chain and the encrypted personal data in it are keyed by it. Removed when the test process ends.
/// </summary>
internal static class SeededTemplates
{
    private const string Prefix = "autofinance-template-";

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Directories = new();

    private static readonly ConcurrentBag<(string Directory, Func<string, Task> RemoveDatabase)> Made = [];

    // The folders go first: the test host may end the process while a database is still being dropped.
    static SeededTemplates() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var (directory, _) in Made)
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            }

            foreach (var (directory, removeDatabase) in Made)
            {
                removeDatabase(directory).GetAwaiter().GetResult();
            }
        };

    /// <summary>The template directory for <paramref name="kind"/>, made by <paramref name="make"/> the first time it is asked for today.</summary>
    public static Task<string> DirectoryAsync(string kind, Func<string, Task> make, Func<string, Task> remove)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        return Directories.GetOrAdd($"{kind} {day:yyyy-MM-dd}", _ => new Lazy<Task<string>>(async () =>
        {
            RemoveOrphans();
            var directory = Path.Combine(Path.GetTempPath(), $"{Prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
            Made.Add((directory, remove));
            Directory.CreateDirectory(directory);
            await make(directory);
            return directory;
        })).Value;
    }

    /// <summary>The template folders of test processes that are gone: the test host may end a process before its exit handlers have run.</summary>
    private static void RemoveOrphans()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[Prefix.Length..].Split('-')[0], out var owner) && !Processes.IsRunning(owner))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Another test process is removing it too.
                }
            }
        }
    }

    /// <summary>Copies the template's key and file folders (and whatever else it holds but the database) into <paramref name="target"/>, keeping their modes.</summary>
    public static void CopyFolders(string template, string target)
    {
        foreach (var folder in Directory.EnumerateDirectories(template))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }

    private static void CopyTree(string source, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(target);
        }
        else
        {
            Directory.CreateDirectory(target, File.GetUnixFileMode(source));
        }

        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
        }
    }
}
