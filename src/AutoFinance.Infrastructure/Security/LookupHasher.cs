using System.Security.Cryptography;
using System.Text;
using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Security;

/// <summary>
/// HMAC-SHA256 of personal data under a secret key kept in the key directory (never in the database), so equal
/// values can be matched without storing them and a stolen database cannot be matched against a list of IDs.
/// </summary>
public sealed class LookupHasher(byte[] key) : ILookupHasher
{
    public string Hash(string kind, string value)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(value);
        // The message "kind:value" in UTF-8, on the stack when short (a decision hashes six of them).
        var length = Encoding.UTF8.GetByteCount(kind) + 1 + Encoding.UTF8.GetByteCount(value);
        var message = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(kind, message);
        message[written++] = (byte)':';
        Encoding.UTF8.GetBytes(value, message[written..]);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var hmac = Hmac();
        hmac.AppendData(message);
        hmac.GetHashAndReset(hash);
        return Convert.ToHexStringLower(hash);
    }

    // One keyed HMAC per thread, reset after each hash: setting up a one-shot HMAC costs more than hashing a short value.
    [ThreadStatic]
    private static (byte[] Key, IncrementalHash Hmac)? threadHmac;

    private IncrementalHash Hmac()
    {
        if (threadHmac is { } cached && ReferenceEquals(cached.Key, key))
        {
            return cached.Hmac;
        }

        threadHmac?.Hmac.Dispose();
        var fresh = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        threadHmac = (key, fresh);
        return fresh;
    }

    /// <summary>Reads the key from the key directory, creating a random one on first start.</summary>
    public static LookupHasher FromDirectory(string directory)
    {
        OwnerOnlyFiles.EnsureFolder(directory, tightenExisting: true);
        var path = Path.Combine(directory, "lookup-hash.key");
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = OwnerOnlyFiles.FileMode;
                }

                using var file = new FileStream(path, create);
                file.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        OwnerOnlyFiles.Tighten(path);

        var key = File.ReadAllBytes(path);
        return key.Length >= 32 ? new LookupHasher(key) : throw new InvalidOperationException($"the lookup key {path} is too short");
    }
}
