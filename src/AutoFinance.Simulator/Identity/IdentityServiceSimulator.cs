namespace AutoFinance.Simulator.Identity;

/// <summary>
/// Plays the operator three-factor service: consistent for every number, except the
/// <see cref="Scenarios.MobileNotTheirs"/> scenario, where the operator holds the mobile for another person.
/// </summary>
public static class IdentityServiceSimulator
{
    public sealed record Query(string? Name, string? IdNumber, string? Mobile);

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/identity/v1/three-factor", async (Query query, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(query.Name) || string.IsNullOrWhiteSpace(query.IdNumber) || string.IsNullOrWhiteSpace(query.Mobile))
            {
                return Results.Problem(title: "name, idNumber and mobile are required", statusCode: 400);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 20)), ct).ConfigureAwait(false);
            var theirs = Scenarios.Region(query.IdNumber) != Scenarios.MobileNotTheirs;
            return Results.Ok(new { result = theirs ? "consistent" : "inconsistent", nameMatch = theirs, idMatch = theirs, mobileMatch = theirs });
        });
    }
}
