namespace AutoFinance.Simulator.Bureau;

/// <summary>
/// Plays the credit bureau: <c>POST /bureau/v1/reports</c> with the national ID, name and the applicant's
/// authorisation answers <c>{"outcome": "hit", "report": {...}}</c> in the layout of
/// <c>docs/schemas/credit-report.schema.json</c>, or <c>{"outcome": "no-hit"}</c>. Without an authorisation it refuses
/// (403), as the real bureau does. The <see cref="Scenarios.Timeout"/> and <see cref="Scenarios.Failure"/> numbers hang
/// or fail, so the platform's handling of an unavailable bureau can be seen.
/// </summary>
public static class BureauSimulator
{
    public sealed record Authorisation(string? Id, DateTimeOffset? GrantedAt, string? Channel, string? TextVersion);

    public sealed record Request(string? IdNumber, string? Name, Authorisation? Authorisation);

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/bureau/v1/reports", async (Request request, TimeProvider time, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.IdNumber) || request.IdNumber.Length != 18 || string.IsNullOrWhiteSpace(request.Name))
            {
                return Results.Problem(title: "idNumber (18 characters) and name are required", statusCode: 400);
            }

            if (request.Authorisation is not { Id.Length: > 0, GrantedAt: not null, Channel.Length: > 0, TextVersion.Length: > 0 })
            {
                return Results.Problem(title: "no authorisation: a report is released only with the person's recorded authorisation", statusCode: 403);
            }

            switch (Scenarios.Region(request.IdNumber))
            {
                case Scenarios.Timeout:
                    await Task.Delay(TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
                    return Results.Problem(title: "too slow", statusCode: 504);
                case Scenarios.Failure:
                    return Results.Problem(title: "bureau internal error", statusCode: 500);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 80)), ct).ConfigureAwait(false);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), ChinaTime).DateTime);
            var report = ReportGenerator.Generate(request.IdNumber, request.Name.Trim(), today);
            return report is null ? Results.Json(new { outcome = "no-hit" }, ReportGenerator.Json) : Results.Json(new { outcome = "hit", report }, ReportGenerator.Json);
        });
    }

    private static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
}
