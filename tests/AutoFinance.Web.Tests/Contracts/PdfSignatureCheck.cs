using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;

namespace AutoFinance.Web.Tests.Contracts;

/// <summary>
/// Validates a PDF's embedded signature independently of the platform's own code: BouncyCastle's CMS verifier over
/// the bytes the /ByteRange names, and poppler's pdfsig where it is installed (test.sh installs it).
/// </summary>
internal static partial class PdfSignatureCheck
{
    public sealed record Result(bool Valid, string SubFilter, bool HasSigningCertificateV2, string SignerSubject);

    public static Result WithBouncyCastle(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var range = ByteRange().Match(text);
        var sub = SubFilter().Match(text);
        var numbers = Enumerable.Range(1, 4).Select(i => int.Parse(range.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        var signed = new byte[numbers[1] + numbers[3]];
        Array.Copy(pdf, numbers[0], signed, 0, numbers[1]);
        Array.Copy(pdf, numbers[2], signed, numbers[1], numbers[3]);
        // /Contents is the DER signature padded with zero bytes to its reserved size: read the one object it starts with.
        using var contents = new Asn1InputStream(Convert.FromHexString(text[(numbers[1] + 1)..(numbers[2] - 1)]));
        var cms = new CmsSignedData(new CmsProcessableByteArray(signed), Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(contents.ReadObject()));
        var signer = cms.GetSignerInfos().GetSigners().Cast<SignerInformation>().Single();
        var certificate = cms.GetCertificates().EnumerateMatches(signer.SignerID).Cast<X509Certificate>().Single();
        bool valid;
        try
        {
            valid = signer.Verify(certificate);
        }
        catch (CmsException)
        {
            valid = false;
        }

        var v2 = signer.SignedAttributes?[new DerObjectIdentifier("1.2.840.113549.1.9.16.2.47")] is not null;
        return new Result(valid, sub.Groups[1].Value, v2, certificate.SubjectDN.ToString());
    }

    /// <summary>pdfsig's verdict, or null when poppler-utils is not installed.</summary>
    public static async Task<string?> WithPdfsig(byte[] pdf)
    {
        if (!File.Exists("/usr/bin/pdfsig"))
        {
            return null;
        }

        var path = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdfsig", ["-nocert", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRange();

    [GeneratedRegex(@"/SubFilter\s*/([A-Za-z.0-9]+)")]
    private static partial Regex SubFilter();
}
