using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace AutoFinance.Infrastructure.Contracts;

/// <summary>
/// The platform's signature on a PDF: an embedded detached CMS signature, PAdES baseline B-B (SubFilter
/// ETSI.CAdES.detached; signed attributes content-type, message-digest and signing-certificate-v2; the signing time
/// in the signature dictionary's /M, not in the CMS, as PAdES asks).
/// <para>
/// No served library writes PAdES, and PDFsharp's own signing writes the older adbe.pkcs7.detached, so the signature
/// dictionary is written here by hand: <see cref="Prepare"/> adds to the PDFsharp document an invisible signature
/// field whose dictionary holds a fixed-width /ByteRange and a zero-filled /Contents as raw literals;
/// <see cref="Apply"/> then finds both in the saved bytes, fills in the byte range (everything but the /Contents
/// hex string), signs exactly those bytes and writes the CMS into the hex string, changing no byte's offset.
/// </para>
/// </summary>
public static class PadesSignature
{
    /// <summary>Room for the CMS: a 2048-bit RSA signature with two certificates needs about 3 KB.</summary>
    private const int ContentsBytes = 8192;

    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    /// <summary>Adds the signature field and its placeholder dictionary to the first page; call before saving.</summary>
    public static void Prepare(PdfDocument document, string signerName, string reason, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(document);
        var signature = new PdfDictionary(document);
        signature.Elements["/Type"] = new PdfName("/Sig");
        signature.Elements["/Filter"] = new PdfName("/Adobe.PPKLite");
        signature.Elements["/SubFilter"] = new PdfName("/ETSI.CAdES.detached");
        signature.Elements["/ByteRange"] = new PdfLiteral(ByteRangePlaceholder);
        signature.Elements["/Contents"] = new PdfLiteral("<" + new string('0', ContentsBytes * 2) + ">");
        signature.Elements["/M"] = new PdfString("D:" + signedAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z");
        signature.Elements["/Name"] = new PdfString(signerName);
        signature.Elements["/Reason"] = new PdfString(reason);
        document.Internals.AddObject(signature);

        var page = document.Pages[0];
        var field = new PdfDictionary(document);
        field.Elements["/Type"] = new PdfName("/Annot");
        field.Elements["/Subtype"] = new PdfName("/Widget");
        field.Elements["/FT"] = new PdfName("/Sig");
        field.Elements["/T"] = new PdfString("PlatformSignature");
        field.Elements["/F"] = new PdfInteger(132);
        field.Elements["/Rect"] = new PdfLiteral("[0 0 0 0]");
        field.Elements["/V"] = signature.Reference;
        field.Elements["/P"] = page.Reference;
        document.Internals.AddObject(field);

        var annotations = new PdfArray(document);
        annotations.Elements.Add(field.Reference!);
        page.Elements["/Annots"] = annotations;
        var fields = new PdfArray(document);
        fields.Elements.Add(field.Reference!);
        var form = new PdfDictionary(document);
        form.Elements["/Fields"] = fields;
        form.Elements["/SigFlags"] = new PdfInteger(3);
        document.Internals.Catalog.Elements["/AcroForm"] = form;
    }

    /// <summary>Signs a PDF saved after <see cref="Prepare"/> and answers the signed bytes (same length).</summary>
    public static byte[] Apply(byte[] prepared, X509Certificate2 certificate, X509Certificate2Collection chain)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(certificate);
        var pdf = (byte[])prepared.Clone();
        var contentsMarker = Encoding.ASCII.GetBytes("<" + new string('0', ContentsBytes * 2) + ">");
        var contentsStart = IndexOf(pdf, contentsMarker);
        var rangeStart = IndexOf(pdf, Encoding.ASCII.GetBytes(ByteRangePlaceholder));
        if (contentsStart < 0 || rangeStart < 0)
        {
            throw new InvalidOperationException("the PDF has no signature placeholder; call Prepare before saving");
        }

        var contentsEnd = contentsStart + contentsMarker.Length;
        var range = string.Create(CultureInfo.InvariantCulture, $"[0 {contentsStart} {contentsEnd} {pdf.Length - contentsEnd}]").PadRight(ByteRangePlaceholder.Length);
        Encoding.ASCII.GetBytes(range).CopyTo(pdf, rangeStart);

        var signed = new byte[contentsStart + (pdf.Length - contentsEnd)];
        Array.Copy(pdf, 0, signed, 0, contentsStart);
        Array.Copy(pdf, contentsEnd, signed, contentsStart, pdf.Length - contentsEnd);
        var cms = Cms(signed, certificate, chain);
        if (cms.Length > ContentsBytes)
        {
            throw new InvalidOperationException($"the signature needs {cms.Length} bytes, more than the {ContentsBytes} reserved");
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(pdf, contentsStart + 1);
        return pdf;
    }

    private static byte[] Cms(byte[] content, X509Certificate2 certificate, X509Certificate2Collection chain)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(chain);
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// RFC 5035 SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, with one ESSCertIDv2: the
    /// certificate's SHA-256 (the default algorithm, so left out) and its issuer and serial number.
    /// </summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }

                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }

        return writer.Encode();
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);
}
