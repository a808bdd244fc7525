namespace AutoFinance.Web;

/// <summary>Builds the AutoFinance host: services, middleware and endpoints, in one place tests can reuse.</summary>
public static class WebHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", () => Results.Ok(new { status = "healthy" })).ExcludeFromDescription();
        return app;
    }
}
