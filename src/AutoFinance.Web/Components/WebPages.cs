using AutoFinance.Infrastructure.Reporting;
using AutoFinance.Web.Components.Localization;
using AutoFinance.Web.Components.Security;

namespace AutoFinance.Web.Components;

/// <summary>
/// The web pages: Razor components rendered on the server (static SSR; forms post with anti-forgery tokens and are
/// enhanced by blazor.web.js when it is there), one small stylesheet, and charts drawn as server-side SVG so no
/// JavaScript chart library is needed.
/// </summary>
public static class WebPages
{
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Assets are served from the build output when the app is run unpublished (dotnet run), in any environment.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<StaffNames>();
        services.AddScoped<ModelMonitoringQueries>();
        return builder;
    }

    public static WebApplication MapWebPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Shared.Fmt.Zone = TimeZoneInfo.FindSystemTimeZoneById(app.Configuration["Display:TimeZone"] ?? "Asia/Shanghai");
        app.Use((http, next) =>
        {
            Shared.Fmt.Language = UiLanguage.Of(http);
            return next(http);
        });
        app.MapStaticAssets();
        app.MapGet("/lang/{code}", (string code, string? back, HttpContext http) =>
        {
            var language = UiLanguage.Parse(code) ?? UiLanguage.Zh;
            http.Response.Cookies.Append(UiLanguage.Cookie, language.Code, new CookieOptions
            {
                Path = "/",
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return Results.LocalRedirect(PortalPage.SafeLocal(back, "/"));
        }).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return app;
    }
}
