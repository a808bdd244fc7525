namespace AutoFinance.Web.Components;

/// <summary>
/// Branded error pages for people: a browser request (one that accepts HTML, outside the API) that ends in 404, 403
/// or 500 gets the page at <c>/error/{code}</c> in the reader's language; the API, health and metrics keep their
/// problem JSON. Registered after the general handlers so it answers first for browser requests.
/// </summary>
public static class BrowserErrorPages
{
    private static readonly string[] MachinePaths = ["/api", "/health", "/metrics", "/openapi", "/docs", "/_framework", "/_blazor"];

    public static WebApplication UseBrowserErrorPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(IsBrowser, branch =>
        {
            branch.UseExceptionHandler("/error/500");
            branch.UseStatusCodePagesWithReExecute("/error/{0}");
        });

        // Routing after the error handlers, so a re-executed request finds the error page's endpoint.
        app.UseRouting();
        return app;
    }

    public static bool IsBrowser(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var path = http.Request.Path;
        return HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? !MachinePaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
              && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase)
            : false;
    }
}
