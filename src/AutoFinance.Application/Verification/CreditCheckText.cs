namespace AutoFinance.Application.Verification;

/// <summary>
/// The authorisation text an applicant agrees to before their credit report is pulled (个人征信查询授权书). Its
/// version is recorded with every authorisation; a changed text gets a new version, never an edit in place.
/// </summary>
public static class CreditCheckText
{
    public const string CurrentVersion = "credit-check-2026-01";
}
