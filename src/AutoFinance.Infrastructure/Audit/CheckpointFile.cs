using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AutoFinance.Infrastructure.Audit;

/// <summary>A signed record that the audit chain <see cref="ChainId"/> had reached <see cref="Sequence"/> with <see cref="Hash"/> at <see cref="At"/>.</summary>
public sealed record AuditCheckpoint(string ChainId, long Sequence, string Hash, DateTimeOffset At);

/// <summary>
/// The append-only file of checkpoints of the audit chain's head, kept outside the database (by default beside the
/// keys), one line each: <c>v1 chain sequence hash time previous-mac mac</c>. The mac is HMAC-SHA256 under the
/// checkpoint key over the line's other fields, and each line carries the mac of the line before, so a line cannot
/// be forged, edited, reordered or removed from the middle without the key.
/// </summary>
/// <remarks>
/// HMAC rather than a signature: the platform is the only party that checks its own checkpoints, and a symmetric key
/// kept in the key directory needs no certificate handling. The key is not the chain's key, so whoever learns one of
/// them still cannot both rewrite the chain and re-anchor it. <see cref="AuditCheckpoint.ChainId"/> (the keyed hash
/// of the chain's first entry) keeps apart the anchors of several databases that share a key directory.
/// </remarks>
public sealed class CheckpointFile(string path, byte[] key)
{
    private const string Version = "v1";
    private static readonly string NoPrevious = new('0', 64);
    private static readonly Lock Writing = new();

    public string Path { get; } = path;

    /// <summary>The checkpoints in the file, or the first line that is not what the key signed.</summary>
    public sealed record Reading(IReadOnlyList<AuditCheckpoint> Checkpoints, int? BadLine, string? Problem)
    {
        public bool Trusted => BadLine is null;
    }

    public Reading Read()
    {
        if (!File.Exists(Path))
        {
            return new Reading([], null, null);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Parse(File.ReadAllLines(Path));
            }
            catch (IOException) when (attempt < 50)
            {
                // A checkpoint is being appended (the file is held exclusively meanwhile); read it once it is written.
                Thread.Sleep(20);
            }
        }
    }

    private Reading Parse(string[] lines)
    {
        var checkpoints = new List<AuditCheckpoint>();
        var previous = NoPrevious;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(' ');
            if (fields.Length != 7 || fields[0] != Version)
            {
                return new Reading(checkpoints, number, $"checkpoint line {number} is not a checkpoint");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(fields[6]), Encoding.ASCII.GetBytes(Mac(string.Join(' ', fields[..6])))))
            {
                return new Reading(checkpoints, number, $"checkpoint line {number} is not signed by the checkpoint key (forged or edited)");
            }

            if (fields[5] != previous)
            {
                return new Reading(checkpoints, number, $"checkpoint line {number} does not follow line {number - 1} (lines removed or reordered)");
            }

            checkpoints.Add(new AuditCheckpoint(fields[1], long.Parse(fields[2], CultureInfo.InvariantCulture), fields[3],
                DateTimeOffset.ParseExact(fields[4], "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
            previous = fields[6];
        }

        return new Reading(checkpoints, null, null);
    }

    /// <summary>Appends a signed checkpoint, chained to the last line (the file is held exclusively while it is written).</summary>
    public void Append(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        lock (Writing)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var file = new FileStream(Path, AuditKeys.OpenForAppend());
                    var body = string.Join(' ', Version, checkpoint.ChainId, checkpoint.Sequence.ToString(CultureInfo.InvariantCulture), checkpoint.Hash,
                        checkpoint.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), LastMac(file));
                    var line = Encoding.ASCII.GetBytes(body + " " + Mac(body) + "\n");
                    file.Seek(0, SeekOrigin.End);
                    file.Write(line);
                    file.Flush(flushToDisk: true);
                    return;
                }
                catch (IOException) when (attempt < 50)
                {
                    // Another process is writing its checkpoint; wait for it.
                    Thread.Sleep(20);
                }
            }
        }
    }

    private string Mac(string body) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body)));

    private static string LastMac(FileStream file)
    {
        var length = file.Length;
        if (length == 0)
        {
            return NoPrevious;
        }

        var tail = new byte[Math.Min(length, 4096)];
        file.Seek(length - tail.Length, SeekOrigin.Begin);
        file.ReadExactly(tail);
        var lines = Encoding.ASCII.GetString(tail).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var last = lines.Length > 0 ? lines[^1].Split(' ') : [];
        return last.Length == 7 ? last[6] : NoPrevious;
    }
}
