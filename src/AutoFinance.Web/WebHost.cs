using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Credit.Models;
using AutoFinance.Infrastructure.Hosting;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Partners;
using AutoFinance.Infrastructure.Seeding;
using AutoFinance.Web.Api;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Components;
using AutoFinance.Web.Hosting;
using AutoFinance.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace AutoFinance.Web;

/// <summary>Builds the AutoFinance host: services, middleware and endpoints, in one place tests reuse.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings (appsettings.json) come from beside the program; data paths stay relative to where it is started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(WebHost).Assembly.GetName().Name });
        configure?.Invoke(builder);
        var configuration = builder.Configuration;
        var storage = new StorageOptions
        {
            Provider = configuration["Database:Provider"] ?? "Sqlite",
            ConnectionString = configuration.GetConnectionString("Default") ?? "Data Source=data/autofinance.db",
            KeysPath = configuration["Security:KeysPath"] is { Length: > 0 } keys ? keys : StorageOptions.DefaultKeysPath,
            KeyRingCertificatePath = configuration["Security:KeyRingCertificatePath"],
            KeyRingCertificateSecret = configuration["Security:KeyRingCertificatePassword"],
        };

        builder.Services.TryAddSingleton<TimeProvider>(Application.Common.BusinessClock.OfSystem(configuration["Display:TimeZone"]));
        if (configuration["Files:Path"] is { Length: > 0 } filesPath)
        {
            builder.Services.AddSingleton(new Infrastructure.Documents.FileStoreOptions(filesPath));
        }

        builder.Services.AddSingleton(configuration.GetSection("Contracts").Get<Infrastructure.Contracts.ContractOptions>() ?? new Infrastructure.Contracts.ContractOptions());
        builder.Services.AddSingleton(_ => new Infrastructure.Ocr.IdCardOcr(configuration["Ocr:ModelsPath"]));
        builder.Services.AddAutoFinanceStorage(storage);
        builder.Services.AddSingleton(_ => new ModelSet(CreditModel.Load(ModelPath(configuration["Models:Path"]))));
        builder.Services.AddSingleton(configuration.GetSection("Fraud").Get<FraudSettings>() ?? new FraudSettings());
        builder.Services.AddSingleton(configuration.GetSection("Origination").Get<OriginationOptions>() ?? new OriginationOptions());
        builder.Services.AddScoped<DecisionService>();
        builder.Services.AddSingleton(configuration.GetSection("Sessions").Get<SessionTimeouts>() ?? new SessionTimeouts());
        builder.Services.AddSingleton(new PasswordHashing(configuration.GetValue("Security:PasswordHashIterations", PasswordHashing.DefaultIterations)));
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<Application.Verification.IOneTimeCodes, Infrastructure.Verification.OneTimeCodeService>();
        builder.Services.AddVerificationPartners();
        builder.Services.AddSingleton(configuration.GetSection("Bureau").Get<Infrastructure.Bureau.BureauOptions>() ?? new Infrastructure.Bureau.BureauOptions());
        builder.Services.AddScoped<Application.Verification.IApplicantScreening, Infrastructure.Bureau.ApplicantScreening>();
        builder.Services.AddScoped<Infrastructure.Bureau.CreditReportQueries>();
        builder.Services.AddScoped<MasterDataCommands>();
        builder.Services.AddSingleton(configuration.GetSection("Verification").Get<Infrastructure.Verification.VerificationOptions>() ?? new Infrastructure.Verification.VerificationOptions());
        builder.Services.AddScoped<AccessAdministration>();
        builder.Services.AddScoped<DealerRegister>();
        builder.Services.AddScoped<ApplicationQueries>();
        builder.Services.AddScoped<ReferralQueries>();
        builder.Services.AddScoped<OriginationCommands>();
        builder.Services.AddScoped<Infrastructure.Origination.BureauOverrides>();
        builder.Services.AddScoped<ContractSigningCodes>();
        builder.Services.AddScoped<IContractSigningConfirmation>(sp => sp.GetRequiredService<ContractSigningCodes>());
        builder.Services.AddScoped<Infrastructure.Documents.DocumentCommands>();
        builder.Services.AddScoped<BlacklistCommands>();
        builder.Services.AddScoped<Infrastructure.Servicing.LoanQueries>();
        Infrastructure.Servicing.ServicingRegistration.AddServicingSlices(builder.Services, configuration.GetSection("Payments:StaffReceipts").Get<Application.Servicing.StaffReceiptOptions>());
        builder.Services.AddScoped<Infrastructure.Servicing.EndOfDay>();
        builder.Services.AddScoped<Infrastructure.Privacy.PersonalDataService>();
        builder.Services.AddScoped<Infrastructure.Privacy.CustomerAccessLog>();
        builder.Services.AddScoped<Infrastructure.Audit.AuditSearch>();
        builder.Services.AddScoped<Infrastructure.Approvals.ApprovalService>();
        builder.Services.AddScoped<Infrastructure.Products.ProductChanges>();
        builder.Services.AddScoped<Infrastructure.Products.ProductAdministration>();
        builder.Services.AddScoped<Infrastructure.Approvals.WriteOffs>();
        builder.Services.AddScoped<Infrastructure.Models.ModelRegistry>();
        builder.Services.AddHostedService<Infrastructure.Models.ModelRegistrySync>();
        builder.Services.AddHostedService<Infrastructure.Origination.ProductCatalogSync>();
        builder.Services.AddScoped<Infrastructure.Servicing.CollectionsService>();
        builder.Services.AddSingleton<Infrastructure.Servicing.RollRateBook>();
        builder.Services.AddSingleton((configuration.GetSection("Collections").Get<Infrastructure.Servicing.CollectionStrategyOptions>() ?? new()).ToStrategy());
        builder.Services.AddScoped<ApplicationDrafts>();
        builder.Services.AddScoped<Infrastructure.Servicing.DebtorContacts>();
        builder.Services.AddScoped<Infrastructure.Messaging.MessageQueries>();
        builder.Services.AddScoped<Infrastructure.Messaging.UndeliveredMessages>();
        builder.Services.AddScoped<Infrastructure.Messaging.OutboxDispatcher>();
        builder.Services.AddNotifications(configuration);
        var holder = new WebApplicationHolder();
        builder.Services.AddSingleton(holder);
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddSingleton<Infrastructure.Partners.PartnerDirectory>();
        builder.Services.AddSingleton(configuration.GetSection("Payments:DirectDebit").Get<Infrastructure.Payments.DirectDebitOptions>() ?? new Infrastructure.Payments.DirectDebitOptions());
        Infrastructure.Payments.PaymentServices.AddPaymentRails(builder.Services);
        Infrastructure.Payouts.PayoutServices.AddDealerPayouts(builder.Services);
        builder.Services.AddSingleton<Application.Payments.IPlatformAddress, ServerPlatformAddress>();
        builder.Services.AddHostedService<SimulatorLauncher>();
        builder.Services.AddHostedService<DatabasePreparation>();
        builder.Services.AddSingleton<OriginationMetrics>();
        builder.Services.AddScoped<DemoData>();
        builder.AddWebPages();
        builder.Services.AddServiceDeskAndInsight(
            configuration.GetSection("ServiceDesk").Get<Infrastructure.ServiceDesk.ServiceDeskOptions>() ?? new Infrastructure.ServiceDesk.ServiceDeskOptions(),
            configuration.GetSection("Insight").Get<Infrastructure.CustomerIntelligence.InsightOptions>() ?? new Infrastructure.CustomerIntelligence.InsightOptions());
        builder.Services.AddSingleton(Hosting.Scheduling.PlatformJobs.Catalog(configuration));
        builder.Services.AddSingleton(services => new Infrastructure.Operations.JobRunner(
            services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<Infrastructure.Operations.JobRunner>>(), configuration["Scheduler:Node"]));
        builder.Services.AddScoped<Infrastructure.Operations.JobQueries>();
        builder.Services.AddScoped<Infrastructure.Operations.StaffAlerts>();
        builder.Services.AddSingleton(configuration.GetSection("Monitoring").Get<Infrastructure.Reporting.MonitoringOptions>() ?? new Infrastructure.Reporting.MonitoringOptions());
        builder.Services.AddScoped<Infrastructure.Reporting.ModelMonitoringCheck>();
        builder.Services.AddSingleton<Infrastructure.Operations.IModelMonitoringMetrics, Hosting.Scheduling.ModelMonitoringMetrics>();
        builder.Services.TryAddSingleton<Infrastructure.Operations.IStaffAlertMailer, Hosting.Scheduling.LoggedStaffAlertMailer>();
        builder.Services.AddHostedService<Hosting.Scheduling.JobScheduler>();
        builder.Services.AddScoped<Infrastructure.Search.BackOfficeSearch>();
        builder.Services.AddSingleton(configuration.GetSection("Audit").Get<Infrastructure.Audit.AuditOptions>() ?? new Infrastructure.Audit.AuditOptions());
        builder.Services.AddHostedService<AuditCheckpointJob>();
        builder.Services.AddHostedService<MailSettingsReport>();

        builder.Services.AddAuthentication(AutoFinanceAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, AutoFinanceAuthentication>(AutoFinanceAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Api.ProblemLanguage.Apply);
        builder.Services.AddExceptionHandler<BadRequestProblems>();
        // A value an endpoint cannot bind is thrown, so BadRequestProblems can answer it naming the parameter.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        var limits = configuration.GetSection("Security:Limits").Get<RequestLimitSettings>() ?? new RequestLimitSettings();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxBodyBytes);
        OperationalSettings.ListenForMetrics(builder);
        builder.Services.AddAbuseProtection(configuration.GetSection("Security:RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings());
        builder.Services.AddSingleton(configuration.GetSection("Security:Headers").Get<SecurityHeaderSettings>() ?? new SecurityHeaderSettings());
        builder.Services.AddSingleton(configuration.GetSection("Security:CrossOrigin").Get<CrossOriginSettings>() ?? new CrossOriginSettings());
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = Json.Options.Encoder;
            foreach (var converter in Json.Options.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AutoFinance API";
            document.Info.Description = "Car loans: applications decided in the same request, offers with disclosures, referrals, contracts, booked loans and payments; the service desk, satisfaction, the self-service assistant and customer intelligence.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        holder.App = app;
        if (OperationalSettings.ForwardedHeaders(configuration) is { } forwarded)
        {
            app.UseForwardedHeaders(forwarded);
        }

        OperationalSettings.UseManagementPort(app);

        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseBrowserErrorPages();
        app.UseMiddleware<UnparsedQueryValues>();
        app.UseMiddleware<PageQueryValues>();
        app.UseMiddleware<ApiPageBounds>();
        app.UseMiddleware<CrossOriginGuard>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseHttpMetrics();

        if (OperationalSettings.DocsEnabled(configuration, app.Environment))
        {
            app.MapOpenApi("/openapi/{documentName}.json");
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/openapi/v1.json", "AutoFinance API v1");
                o.RoutePrefix = "docs";
            });
        }

        HealthEndpoints.Map(app);
        OperationalSettings.MapMetricsEndpoint(app);

        // Every API endpoint takes JSON documents of a few kilobytes at most.
        var api = app.MapGroup(string.Empty).WithMetadata(new RequestBodyLimit(limits.ApiMaxBodyBytes));
        AuthEndpoints.Map(api);
        ApplicationEndpoints.Map(api);
        DraftEndpoints.Map(api);
        ReferralEndpoints.Map(api);
        ContractEndpoints.Map(api);
        PayoutEndpoints.Map(api);
        AdminEndpoints.Map(api);
        AuditLogEndpoints.Map(api);
        LoanEndpoints.Map(api);
        ServicingEndpoints.Map(api);
        HardshipRequestEndpoints.Map(api);
        PrivacyEndpoints.Map(api);
        ApprovalEndpoints.Map(api);
        ProductEndpoints.Map(api);
        CaseEndpoints.Map(api);
        SatisfactionEndpoints.Map(api);
        AssistantEndpoints.Map(api);
        CustomerEndpoints.Map(api);
        MasterDataEndpoints.Map(api);
        InsightEndpoints.Map(api);
        MarketingEndpoints.Map(api);
        ExperimentEndpoints.Map(api);
        OperationsEndpoints.Map(api);
        // Uploads carry files of up to 10 MB: their own group and body limit.
        DocumentEndpoints.Map(app);
        ModelRegistryEndpoints.Map(app);
        Components.Documents.DocumentForms.Map(app);
        PaymentIntentEndpoints.Map(api);
        PaymentCallbackEndpoints.Map(api);
        SmsReplyEndpoints.Map(api);
        ReconciliationEndpoints.Map(api);
        DirectDebitEndpoints.Map(api);
        Components.Operations.OperationsForms.Map(app);
        Components.Payouts.PayoutForms.Map(app);
        Components.Admin.ConsoleForms.Map(app);
        Components.Admin.ConsoleForms.MapUploads(app);
        Components.Audit.AuditForms.Map(app);
        app.MapWebPages();
        return app;
    }

    /// <summary>Creates or upgrades the database and, unless switched off, seeds the demo data on an empty one.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await StorageSetup.MigrateAsync(app.Services, ct).ConfigureAwait(false);
        using (var audit = app.Services.CreateScope())
        {
            var keyed = await Infrastructure.Audit.UnkeyedChainUpgrade.KeyAsync(audit.ServiceProvider.GetRequiredService<Infrastructure.Persistence.AutoFinanceDbContext>(),
                audit.ServiceProvider.GetRequiredService<Infrastructure.Audit.AuditAnchoring>(), audit.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), ct).ConfigureAwait(false);
            if (keyed > 0)
            {
                app.Logger.LogWarning("Audit chain: {Entries} entries written before the chain was keyed were checked and keyed under audit-chain.key", keyed);
            }
        }

        if (!string.Equals(app.Configuration["Demo:Seed"], "false", StringComparison.OrdinalIgnoreCase))
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(ct).ConfigureAwait(false);
            if (!string.Equals(app.Configuration["Demo:StoryBook"], "false", StringComparison.OrdinalIgnoreCase))
            {
                await scope.ServiceProvider.GetRequiredService<StoryBookDemoData>().SeedAsync(ct).ConfigureAwait(false);
            }

            await scope.ServiceProvider.GetRequiredService<ServiceDeskDemoData>().SeedAsync(ct).ConfigureAwait(false);
            app.Logger.LogWarning("Demo data is on (Demo:Seed): demo accounts and dealer keys with published secrets can sign in; set Demo:Seed=false on a production database before its first start");
        }
    }

    /// <summary>The model file: as configured, or the default one beside the working directory or the program.</summary>
    private static string ModelPath(string? configured)
    {
        const string defaultPath = "models/default/car-loans.json";
        foreach (var candidate in new[] { configured, defaultPath, Path.Combine(AppContext.BaseDirectory, defaultPath) })
        {
            if (candidate is not null && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"no credit model at {configured ?? defaultPath}; train one with 'autofinance train' (see docs/default-model.md)");
    }
}
