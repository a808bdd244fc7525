namespace AutoFinance.Infrastructure.Contracts;

/// <summary>The contract's settings (<c>Contracts:*</c>).</summary>
public sealed record ContractOptions
{
    /// <summary>The lender named in every contract.</summary>
    public string LenderName { get; init; } = "AutoFinance 汽车金融有限公司";

    /// <summary>The font the contract is set in and embeds (WenQuanYi Micro Hei, Debian's fonts-wqy-microhei).</summary>
    public string FontPath { get; init; } = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>A PKCS#12 file with the production signing certificate; unset, a development CA is made in the key folder.</summary>
    public string? SigningCertificatePath { get; init; }

    public string? SigningCertificatePassword { get; init; }
}
