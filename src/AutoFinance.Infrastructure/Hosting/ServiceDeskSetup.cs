using AutoFinance.Infrastructure.CustomerIntelligence;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Infrastructure.ServiceDesk;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Hosting;

/// <summary>Registers the service desk and customer intelligence services (the web host and tests share it).</summary>
public static class ServiceDeskSetup
{
    public static IServiceCollection AddServiceDeskAndInsight(this IServiceCollection services, ServiceDeskOptions serviceDesk, InsightOptions insight)
    {
        services.AddSingleton(serviceDesk);
        services.AddSingleton(insight);
        services.AddScoped<CaseQueries>();
        services.AddScoped<CaseCommands>();
        services.AddScoped<SurveyCommands>();
        services.AddScoped<ServiceMetricsQueries>();
        services.AddScoped<KnowledgeBase>();
        services.AddScoped<AssistantService>();
        services.AddScoped<Customer360>();
        services.AddScoped<ConsentCommands>();
        services.AddScoped<NextBestOfferService>();
        services.AddScoped<MarketingCampaigns>();
        services.AddScoped<ExperimentCommands>();
        services.AddScoped<InsightRefresh>();
        services.AddScoped<InsightQueries>();
        services.AddScoped<ServiceDeskDemoData>();
        services.AddScoped<StoryBookDemoData>();
        return services;
    }
}
