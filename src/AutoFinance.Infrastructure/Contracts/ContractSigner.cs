using PdfSharp.Pdf;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>Renders a contract and seals it with the platform certificate (created lazily: the first contract makes the development CA).</summary>
public sealed class ContractSigner
{
    private readonly Lazy<ContractSigningCertificate> _certificate;
    private readonly TimeProvider _time;

    public ContractSigner(ContractOptions options, Hosting.StorageOptions storage, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ContractFontResolver.Install(options.FontPath);
        _time = time;
        _certificate = new Lazy<ContractSigningCertificate>(() => ContractSigningCertificate.Load(options.SigningCertificatePath, options.SigningCertificatePassword, storage.KeysPath));
    }

    public ContractSigningCertificate Certificate => _certificate.Value;

    public byte[] Sign(ContractDocument contract)
    {
        using var document = ContractPdfRenderer.Render(contract);
        PadesSignature.Prepare(document, contract.LenderName, $"贷款合同 {contract.Reference}", _time.GetUtcNow());
        using var saved = new MemoryStream();
        document.Save(saved, closeStream: false);
        return PadesSignature.Apply(saved.ToArray(), Certificate.Certificate, Certificate.Chain);
    }
}
