using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AutoFinance.Infrastructure.Security;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>
/// The platform's certificate that seals contracts, with the chain embedded in each signature. Production configures
/// its own (<c>Contracts:SigningCertificatePath</c>, a PKCS#12 file with its password in
/// <c>Contracts:SigningCertificatePassword</c>). Without one, a development CA and a signing certificate it issued are
/// created at first start in the key folder (owner-only files, like the other keys): <c>contract-signing-ca.pfx</c>,
/// <c>contract-signing-ca.crt</c> (the CA's public certificate, for a validator's trust list) and
/// <c>contract-signing.pfx</c>. Their keys are ECDSA on P-256 (a PAdES signature algorithm, ETSI TS 119 312), made in
/// a millisecond where RSA keys of 3,072 and 2,048 bits took about a second and a half of processor time.
/// </summary>
public sealed class ContractSigningCertificate
{
    public const string CaFile = "contract-signing-ca.pfx";
    public const string CaCertificateFile = "contract-signing-ca.crt";
    public const string SigningFile = "contract-signing.pfx";

    private ContractSigningCertificate(X509Certificate2 certificate, X509Certificate2Collection chain)
    {
        Certificate = certificate;
        Chain = chain;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The issuing certificates embedded beside the signing certificate.</summary>
    public X509Certificate2Collection Chain { get; }

    public static ContractSigningCertificate Load(string? path, string? password, string keysPath)
    {
        if (path is { Length: > 0 })
        {
            return FromPkcs12(path, password);
        }

        var signing = Path.Combine(keysPath, SigningFile);
        if (!File.Exists(signing))
        {
            CreateDevelopment(keysPath);
        }

        return FromPkcs12(signing, null);
    }

    private static ContractSigningCertificate FromPkcs12(string path, string? password)
    {
        var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        var certificate = all.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"{path} holds no certificate with its private key");
        var chain = new X509Certificate2Collection();
        chain.AddRange(all.Where(c => !c.HasPrivateKey).ToArray());
        return new ContractSigningCertificate(certificate, chain);
    }

    private static void CreateDevelopment(string keysPath)
    {
        OwnerOnlyFiles.EnsureFolder(keysPath, tightenExisting: false);
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=AutoFinance Development Contract CA, O=AutoFinance, C=CN", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=AutoFinance Contract Signing (development), O=AutoFinance, C=CN", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        using var issued = request.Create(ca, now.AddDays(-1), now.AddYears(3), serial);
        using var signing = issued.CopyWithPrivateKey(key);
        using var caPublic = X509CertificateLoader.LoadCertificate(ca.RawData);

        Write(Path.Combine(keysPath, CaFile), ca.Export(X509ContentType.Pkcs12));
        Write(Path.Combine(keysPath, CaCertificateFile), System.Text.Encoding.ASCII.GetBytes(caPublic.ExportCertificatePem()));
        Write(Path.Combine(keysPath, SigningFile), new X509Certificate2Collection { signing, caPublic }.Export(X509ContentType.Pkcs12)!);
    }

    private static void Write(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFiles.FileMode;
        }

        using var file = new FileStream(path, options);
        file.Write(content);
    }
}
