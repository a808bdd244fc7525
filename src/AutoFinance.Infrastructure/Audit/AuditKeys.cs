using System.Security.Cryptography;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>
/// The two secrets of the audit trail, each in its own file in the key directory (never in the database, readable
/// by the owner only): <see cref="Chain"/> keys every entry's HMAC, <see cref="Checkpoint"/> signs the checkpoints of
/// the head written outside the database. Two keys, so that the file of checkpoints and the chain do not fall together.
/// </summary>
public sealed class AuditKeys
{
    public const string ChainKeyFile = "audit-chain.key";
    public const string CheckpointKeyFile = "audit-checkpoint.key";
    public const string CheckpointFileName = "audit-checkpoints.log";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public AuditKeys(byte[] chain, byte[] checkpoint)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(checkpoint);
        Chain = chain.Length >= 32 ? chain : throw new ArgumentException("an audit key has at least 32 bytes", nameof(chain));
        Checkpoint = checkpoint.Length >= 32 ? checkpoint : throw new ArgumentException("an audit key has at least 32 bytes", nameof(checkpoint));
    }

    public byte[] Chain { get; }

    public byte[] Checkpoint { get; }

    /// <summary>The default place of the checkpoint file: beside the keys, apart from the database.</summary>
    public static string DefaultCheckpointPath(string keysDirectory) => Path.Combine(keysDirectory, CheckpointFileName);

    /// <summary>Fresh random keys held in memory only (benchmarks on throw-away databases).</summary>
    public static AuditKeys Ephemeral() => new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads both keys from the key directory, creating random ones (mode 0600) on first start.</summary>
    public static AuditKeys FromDirectory(string directory) => new(ReadOrCreate(directory, ChainKeyFile), ReadOrCreate(directory, CheckpointKeyFile));

    /// <summary>Reads both keys, or null when either is missing (a verifier never invents a key).</summary>
    public static AuditKeys? ExistingIn(string directory)
    {
        var chain = Path.Combine(directory, ChainKeyFile);
        var checkpoint = Path.Combine(directory, CheckpointKeyFile);
        return File.Exists(chain) && File.Exists(checkpoint) ? new AuditKeys(File.ReadAllBytes(chain), File.ReadAllBytes(checkpoint)) : null;
    }

    private static byte[] ReadOrCreate(string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                using var file = new FileStream(path, CreateNew());
                file.Write(fresh);
                file.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>Options that create a file readable and writable by its owner only (on Unix; Windows uses the folder's ACL).</summary>
    internal static FileStreamOptions CreateNew() => OperatingSystem.IsWindows()
        ? new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write }
        : new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly };

    internal static FileStreamOptions OpenForAppend() => OperatingSystem.IsWindows()
        ? new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None }
        : new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, UnixCreateMode = OwnerOnly };
}
