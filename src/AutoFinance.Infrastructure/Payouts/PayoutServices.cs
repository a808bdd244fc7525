using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>The disbursement services: funding checklist, settlement accounts, payouts and their files, payouts sent again when unanswered, and refunds of closed loans' credit.</summary>
public static class PayoutServices
{
    public static IServiceCollection AddDealerPayouts(this IServiceCollection services)
    {
        services.AddScoped<FundingDesk>();
        services.AddScoped<SettlementAccounts>();
        services.AddScoped<DealerPayouts>();
        services.AddScoped<PayoutFiles>();
        services.AddScoped<CustomerRefunds>();
        services.AddScoped<PayoutResends>();
        return services;
    }
}
