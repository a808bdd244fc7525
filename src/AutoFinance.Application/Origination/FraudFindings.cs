namespace AutoFinance.Application.Origination;

/// <summary>
/// What each identity and fraud finding says to staff, in Simplified Chinese and English: the reason of an application
/// the checks referred or declined (<see cref="ReasonCatalog.Text"/>) and the pages' finding words alike.
/// </summary>
public static class FraudFindings
{
    public static IReadOnlyList<(string Code, string Zh, string En)> All { get; } =
    [
        (FraudChecks.Codes.DuplicateApplication, "同一人同一车辆已有进行中的申请", "An open application exists for the same person and vehicle"),
        (FraudChecks.Codes.IdentityMismatch, "申请人信息与客户档案不一致（档案保持不变）", "The applicant's details differ from the customer file (the file is kept)"),
        (ScreeningChecks.ThreeFactor, "运营商三要素（姓名、身份证号、手机号）核验不一致", "The operator's three-factor check (name, national ID, mobile) does not match"),
        // Recorded by earlier versions, which compared the name alone.
        ("identity.name-mismatch", "姓名与客户档案不一致", "The name differs from the customer file"),
        (FraudChecks.Codes.BlacklistMobile, "手机号在黑名单中", "The mobile is blacklisted"),
        (FraudChecks.Codes.BlacklistNationalId, "身份证号在黑名单中", "The national ID is blacklisted"),
        (FraudChecks.Codes.BlacklistVin, "车架号在黑名单中", "The VIN is blacklisted"),
        (FraudChecks.Codes.IncomeImplausible, "收入与就业类型不符", "Income implausible for the employment"),
        (FraudChecks.Codes.Inconsistent, "申请信息前后矛盾", "The application contradicts itself"),
        (FraudChecks.Codes.VelocityDealer, "经销商短期内申请过多", "Too many applications from the dealer"),
        (FraudChecks.Codes.VelocityDevice, "同一设备短期内申请过多", "Too many applications from the device"),
        (FraudChecks.Codes.VelocityClientIp, "同一网络地址短期内申请过多", "Too many applications from the IP address"),
        (FraudChecks.Codes.VelocityMobile, "同一手机号短期内申请过多", "Too many applications for the mobile"),
        (FraudChecks.Codes.VelocityNationalId, "同一身份证号短期内申请过多", "Too many applications for the national ID"),
        (FraudChecks.Codes.VinFinanced, "车辆已抵押于其他在贷贷款", "The vehicle backs an open loan"),
    ];

    private static readonly Dictionary<string, (string Zh, string En)> ByCode = All.ToDictionary(f => f.Code, f => (f.Zh, f.En), StringComparer.Ordinal);

    /// <summary>The finding's sentence in the language, or null for a code that is not an identity or fraud finding.</summary>
    public static string? Text(string code, string? language) =>
        ByCode.TryGetValue(code, out var text) ? (Domain.Origination.ReasonTexts.IsChinese(language) ? text.Zh : text.En) : null;
}
