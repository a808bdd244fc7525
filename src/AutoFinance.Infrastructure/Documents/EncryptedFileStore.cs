using System.Security.Cryptography;
using AutoFinance.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;

namespace AutoFinance.Infrastructure.Documents;

/// <summary>
/// Files kept outside the database: addressed by the SHA-256 of their content (the same bytes are stored once and an
/// address names exactly one content), encrypted at rest with the platform's Data Protection key ring (the keys stay
/// in the key folder, apart from the files), in an owner-only folder fanned out by the address's first two digits.
/// </summary>
public sealed class EncryptedFileStore
{
    private readonly IDataProtector _protector;

    public EncryptedFileStore(IDataProtectionProvider provider, FileStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(options);
        _protector = provider.CreateProtector("AutoFinance.Files.v1");
        Root = Path.GetFullPath(options.Path);
    }

    public string Root { get; }

    /// <summary>The content address of some bytes: lower-case hex SHA-256.</summary>
    public static string AddressOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores the bytes (once) and answers their address.</summary>
    public async Task<string> PutAsync(byte[] content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var address = AddressOf(content);
        var path = PathOf(address);
        if (File.Exists(path))
        {
            return address;
        }

        OwnerOnlyFiles.EnsureFolder(Path.GetDirectoryName(path)!, tightenExisting: false);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = new FileStream(temporary, CreateOptions()))
        {
            await file.WriteAsync(_protector.Protect(content), ct).ConfigureAwait(false);
            await file.FlushAsync(ct).ConfigureAwait(false);
        }

        // Another writer of the same content may have won; either copy is the same plain bytes.
        File.Move(temporary, path, overwrite: true);
        return address;
    }

    /// <summary>The plain bytes at an address, checked against it; null when no such file is stored.</summary>
    public async Task<byte[]?> GetAsync(string address, CancellationToken ct)
    {
        var path = PathOf(address);
        if (!File.Exists(path))
        {
            return null;
        }

        var plain = _protector.Unprotect(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
        return AddressOf(plain) == address ? plain : throw new InvalidDataException($"stored file {address} does not match its address");
    }

    private string PathOf(string address)
    {
        if (address.Length != 64 || !address.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("an address is 64 hex digits", nameof(address));
        }

        return Path.Combine(Root, address[..2], address);
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFiles.FileMode;
        }

        return options;
    }
}

/// <summary>Where the file store lives (<c>Files:Path</c>); by default beside the embedded database, under <c>files</c>.</summary>
public sealed record FileStoreOptions(string Path);
