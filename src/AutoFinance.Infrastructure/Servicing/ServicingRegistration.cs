using AutoFinance.Application.Approvals;
using AutoFinance.Application.Servicing;
using AutoFinance.Application.Servicing.GrantHardship;
using AutoFinance.Application.Servicing.PayOff;
using AutoFinance.Application.Servicing.PostPayment;
using AutoFinance.Application.Servicing.QuotePayoff;
using AutoFinance.Application.Servicing.ReversePayment;
using AutoFinance.Infrastructure.Approvals;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The servicing slices over the EF loan store, with the four-eyes limit for money staff post by hand.</summary>
public static class ServicingRegistration
{
    public static IServiceCollection AddServicingSlices(this IServiceCollection services, StaffReceiptOptions? receipts = null)
    {
        services.AddSingleton(receipts ?? new StaffReceiptOptions());
        services.AddScoped<EfLoanStore>();
        services.AddScoped<ILoanStore>(provider => provider.GetRequiredService<EfLoanStore>());
        services.AddScoped<ApprovalRequests>();
        services.AddScoped<IApprovalRequests>(provider => provider.GetRequiredService<ApprovalRequests>());
        services.AddScoped<StaffReceipts>();
        services.AddScoped<PostPaymentHandler>();
        services.AddScoped<ReversePaymentHandler>();
        services.AddScoped<QuotePayoffHandler>();
        services.AddScoped<PayOffHandler>();
        services.AddScoped<GrantHardshipHandler>();
        services.AddScoped<Application.Servicing.ChangeRate.ChangeRateHandler>();
        services.AddScoped<Approvals.RateChanges>();
        services.AddScoped<Application.Servicing.WaiveCharges.WaiveChargesHandler>();
        services.AddScoped<Approvals.ChargeWaivers>();
        services.AddScoped<HardshipRequests>();
        return services;
    }
}
