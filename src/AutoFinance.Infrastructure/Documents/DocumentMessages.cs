namespace AutoFinance.Infrastructure.Documents;

/// <summary>What the customer is told in the app when staff review a document, in the application's language.</summary>
public static class DocumentMessages
{
    private static readonly Dictionary<string, (string Zh, string En)> Kinds = new(StringComparer.Ordinal)
    {
        ["id-card-front"] = ("身份证人像面", "ID card (front)"),
        ["id-card-back"] = ("身份证国徽面", "ID card (back)"),
        ["driving-licence"] = ("驾驶证", "driving licence"),
        ["vehicle-invoice"] = ("购车发票", "vehicle invoice"),
        ["registration-certificate"] = ("机动车登记证书", "registration certificate"),
        ["income-proof"] = ("收入证明", "income proof"),
    };

    public static string Review(string language, string applicationReference, string kind, bool accepted, string? reason)
    {
        var (zh, en) = Kinds.TryGetValue(kind, out var names) ? names : (kind, kind);
        var chinese = language.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return (chinese, accepted) switch
        {
            (true, true) => $"您的申请 {applicationReference} 的{zh}已审核通过。",
            (true, false) => $"您的申请 {applicationReference} 的{zh}未通过审核：{reason}。请重新上传。",
            (false, true) => $"The {en} for your application {applicationReference} was accepted.",
            _ => $"The {en} for your application {applicationReference} was not accepted: {reason}. Please upload it again.",
        };
    }
}
