namespace AutoFinance.Infrastructure.Contracts;

/// <summary>The contract's settings (<c>Contracts:*</c>).</summary>
public sealed record ContractOptions
{
    /// <summary>The lender named in every contract.</summary>
    public string LenderName { get; init; } = "AutoFinance 汽车金融有限公司";

    /// <summary>
    /// The font the contract is set in and embeds. By default WenQuanYi Micro Hei (Apache-2.0), shipped with the
    /// platform so a machine without Chinese fonts still renders every contract, and renders it the same everywhere.
    /// </summary>
    public string FontPath { get; init; } = BundledFontPath;

    /// <summary>Where the build puts the shipped font: beside the platform's assemblies.</summary>
    public static string BundledFontPath => Path.Combine(AppContext.BaseDirectory, "fonts", "wqy-microhei.ttc");

    /// <summary>A PKCS#12 file with the production signing certificate; unset, a development CA is made in the key folder.</summary>
    public string? SigningCertificatePath { get; init; }

    public string? SigningCertificatePassword { get; init; }
}
