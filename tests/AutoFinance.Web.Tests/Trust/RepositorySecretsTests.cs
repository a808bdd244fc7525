using System.Diagnostics;
using System.Text.RegularExpressions;
using AutoFinance.Infrastructure.Hosting;
using AutoFinance.Infrastructure.Seeding;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// No secret is kept in the repository: no private key, no key ring, no password or connection-string password other
/// than the documented demo password (which only the demo data seeding uses); and the key directory defaults to a
/// place outside the working tree.
/// </summary>
public sealed partial class RepositorySecretsTests
{
    private static readonly (string Name, Regex Pattern)[] Patterns =
    [
        ("a private key", PrivateKey()),
        ("a Data Protection key ring entry", KeyRing()),
        ("a password in a connection string", ConnectionPassword()),
        ("a password literal", PasswordLiteral()),
        ("an AWS access key", AwsKey()),
        ("a GitHub or Slack token", PlatformToken()),
    ];

    [Fact]
    public void Tracked_files_hold_no_private_key_or_password_but_the_documented_demo_one()
    {
        var root = RepoRoot();
        var files = TrackedFiles(root);
        Assert.True(files.Count > 50, "too few files found to judge");
        var findings = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path) || new FileInfo(path).Length > 2_000_000)
            {
                continue;
            }

            var name = Path.GetFileName(file);
            if (name.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".p12", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".key", StringComparison.OrdinalIgnoreCase) || name.StartsWith("key-", StringComparison.Ordinal) && name.EndsWith(".xml", StringComparison.Ordinal))
            {
                findings.Add($"{file}: a key or certificate file");
                continue;
            }

            var lineNumber = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNumber++;
                foreach (var (what, pattern) in Patterns)
                {
                    if (pattern.IsMatch(line) && !IsDocumented(line))
                    {
                        findings.Add($"{file}:{lineNumber}: {what}");
                    }
                }
            }
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void Keys_are_kept_outside_the_working_tree_by_default()
    {
        var keys = Path.GetFullPath(StorageOptions.DefaultKeysPath);
        Assert.False(keys.StartsWith(RepoRoot() + Path.DirectorySeparatorChar, StringComparison.Ordinal), keys);
        Assert.False(keys.StartsWith(Path.GetFullPath(Environment.CurrentDirectory) + Path.DirectorySeparatorChar, StringComparison.Ordinal), keys);
        Assert.DoesNotContain("KeysPath\": \"data", File.ReadAllText(Path.Combine(RepoRoot(), "src", "AutoFinance.Web", "appsettings.json")), StringComparison.Ordinal);
    }

    /// <summary>The demo password and keys, and test code's obviously made-up ones, are public on purpose.</summary>
    private static bool IsDocumented(string line) =>
        line.Contains(DemoData.Password, StringComparison.Ordinal) || line.Contains("DemoData.Password", StringComparison.Ordinal)
        || line.Contains("wrong-password", StringComparison.Ordinal) || line.Contains("not-the-password", StringComparison.Ordinal)
        || line.Contains("long-enough-password", StringComparison.Ordinal) || line.Contains("customer-password-1", StringComparison.Ordinal)
        || line.Contains("throwaway-password-1", StringComparison.Ordinal) || line.Contains("qwertyuiop", StringComparison.Ordinal) || line.Contains("Password=\"...\"", StringComparison.Ordinal)
        || line.Contains("Patterns", StringComparison.Ordinal) || line.Contains("GeneratedRegex", StringComparison.Ordinal);

    private static List<string> TrackedFiles(string root)
    {
        try
        {
            var info = new ProcessStartInfo("git", ["-C", root, "ls-files", "-z"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(info)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode == 0)
            {
                return [.. output.Split('\0', StringSplitOptions.RemoveEmptyEntries)];
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git: walk the tree instead.
        }

        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or "data" or "node_modules"))];
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoFinance.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [GeneratedRegex(@"-----BEGIN ([A-Z]+ )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"<encryptedSecret|<masterKey", RegexOptions.IgnoreCase)]
    private static partial Regex KeyRing();

    [GeneratedRegex(@"(Password|Pwd)\s*=\s*[^;""'\s]{3,}", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex(@"(password|passwd|secret)""?\s*[:=]\s*""[^""]{6,}""", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordLiteral();

    [GeneratedRegex(@"AKIA[0-9A-Z]{16}")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"(ghp_[A-Za-z0-9]{36}|xox[baprs]-[A-Za-z0-9-]{10,})")]
    private static partial Regex PlatformToken();
}
