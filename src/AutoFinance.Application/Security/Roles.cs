namespace AutoFinance.Application.Security;

/// <summary>The roles people and systems act in.</summary>
public static class Roles
{
    public const string Customer = "customer";
    public const string Dealer = "dealer";
    public const string Underwriter = "underwriter";
    public const string RiskAnalyst = "risk-analyst";
    public const string Collector = "collector";
    public const string ServiceAgent = "service-agent";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly string[] All = [Customer, Dealer, Underwriter, RiskAnalyst, Collector, ServiceAgent, Manager, Admin];

    public static readonly string[] Staff = [Underwriter, RiskAnalyst, Collector, ServiceAgent, Manager, Admin];
}
