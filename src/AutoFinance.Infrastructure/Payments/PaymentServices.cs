using Microsoft.Extensions.DependencyInjection.Extensions;
using AutoFinance.Application.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>The payment rails' services: the provider adapter and what its callbacks drive.</summary>
public static class PaymentServices
{
    public static IServiceCollection AddPaymentRails(this IServiceCollection services)
    {
        services.AddSingleton(WallClock.System);
        services.AddSingleton<PaymentProviderSettings>();
        services.AddSingleton<IPaymentProvider, HttpPaymentProvider>();
        services.AddScoped<LoanPosting>();
        services.AddScoped<PaymentIntents>();
        services.AddScoped<PaymentCallbacks>();
        services.AddScoped<Payouts.PayoutConfirmations>();
        services.AddScoped<Payouts.PayoutReturns>();
        services.AddScoped<Payouts.DealerPayoutNotices>();
        services.AddScoped<BankReconciliation>();
        services.AddScoped<Mandates>();
        services.AddScoped<DirectDebitRun>();
        services.TryAddSingleton(new DirectDebitOptions());
        return services;
    }
}
