using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>The disbursement services: funding checklist, settlement accounts, payouts, their files and the bank's status reports on them, payouts sent again when unanswered or cancelled by staff, and refunds of closed loans' credit.</summary>
public static class PayoutServices
{
    public static IServiceCollection AddDealerPayouts(this IServiceCollection services)
    {
        services.AddScoped<FundingDesk>();
        services.AddScoped<SettlementAccounts>();
        services.AddScoped<DealerPayouts>();
        services.AddScoped<PayoutFiles>();
        services.AddScoped<PayoutStatusReports>();
        services.AddScoped<CustomerRefunds>();
        services.AddScoped<PayoutResends>();
        services.AddScoped<PayoutCancellations>();
        return services;
    }
}
