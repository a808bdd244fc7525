namespace AutoFinance.Web.Hosting;

/// <summary>
/// Health for orchestrators and load balancers: <c>/health/live</c> says the process is up (restart it if not);
/// <c>/health/ready</c> says it can serve (send it traffic): 503 until <see cref="Readiness"/> opens. <c>/health</c>
/// keeps meaning ready.
/// </summary>
public static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health/live", Live).ExcludeFromDescription();
        routes.MapGet("/health/ready", Ready).ExcludeFromDescription();
        routes.MapGet("/health", Ready).ExcludeFromDescription();
    }

    public static IResult Live() => Results.Text("alive", "text/plain");

    public static IResult Ready(Readiness readiness)
    {
        ArgumentNullException.ThrowIfNull(readiness);
        return readiness.IsReady ? Results.Text("healthy", "text/plain") : Results.Text("starting", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
