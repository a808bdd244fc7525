using AutoFinance.Domain.Origination;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Security;

namespace AutoFinance.Web.Api;

/// <summary>Sign in (a bearer token for a session that expires), sign out (revokes it), and customer registration.</summary>
public static class AuthEndpoints
{
    public sealed record SignIn(string? UserName, string? Password);

    public sealed record Register(string? UserName, string? Password, string? DisplayName);

    public sealed record Token(string AccessToken, DateTimeOffset ExpiresAt, string Role, Guid UserId, string DisplayName);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/auth").WithTags("Authentication");
        group.MapPost("/token", async (HttpContext http, AccountService accounts, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<SignIn>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            if (string.IsNullOrWhiteSpace(body.Value?.UserName) || string.IsNullOrEmpty(body.Value.Password))
            {
                return Problems.Validation([
                    .. string.IsNullOrWhiteSpace(body.Value?.UserName) ? [new Domain.Validation.FieldError("userName", "is required")] : Array.Empty<Domain.Validation.FieldError>(),
                    .. string.IsNullOrEmpty(body.Value?.Password) ? [new Domain.Validation.FieldError("password", "is required")] : Array.Empty<Domain.Validation.FieldError>()]);
            }

            var session = await accounts.SignInAsync(body.Value.UserName.Trim(), body.Value.Password, ct).ConfigureAwait(false);
            return session is null
                ? Results.Problem(title: "Sign-in failed", detail: "unknown user name or wrong password", statusCode: 401)
                : Results.Ok(new Token(session.Token, session.ExpiresAt, session.Role, session.UserId, session.DisplayName));
        }).RequireRateLimiting(AbuseProtection.SignInPolicy)
            .WithSummary("Sign in with a user name and password; answers a bearer token").Produces<Token>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);

        group.MapPost("/logout", async (HttpContext http, AccountService accounts, CancellationToken ct) =>
        {
            if (http.User.ToActor().UserId is null)
            {
                return Results.Problem(title: "No session", detail: "a dealer's API key is not a session; an administrator revokes or replaces it", statusCode: 400);
            }

            var token = http.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : http.Request.Cookies[AutoFinanceAuthentication.SessionCookie];
            return token is not null && await accounts.RevokeAsync(token, ct).ConfigureAwait(false) ? Results.NoContent() : Results.Problem(title: "No session", statusCode: 401);
        }).RequireAuthorization().WithSummary("Revoke the current session (its token stops working at once)");

        group.MapPost("/register", async (HttpContext http, AccountService accounts, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<Register>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            var errors = new List<Domain.Validation.FieldError>();
            var mobile = MobileNumber.Normalize(body.Value?.UserName);
            if (mobile is null)
            {
                errors.Add(new("userName", "is your mobile number: 11 digits starting 13–19"));
            }

            if (body.Value?.Password is not { Length: >= 10 and <= 200 })
            {
                errors.Add(new("password", "must be 10 to 200 characters"));
            }

            if (string.IsNullOrWhiteSpace(body.Value?.DisplayName) || body.Value.DisplayName.Trim().Length > 60)
            {
                errors.Add(new("displayName", "is required (at most 60 characters)"));
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var (userId, problem) = await accounts.RegisterCustomerAsync(mobile!, body.Value!.Password!, body.Value.DisplayName!.Trim(), ct).ConfigureAwait(false);
            return userId is null ? Problems.Field("userName", problem!) : Results.Created($"/api/v1/auth/users/{userId}", new { userId });
        }).RequireRateLimiting(AbuseProtection.SignInPolicy)
            .WithSummary("Register a customer account (user name = mobile number)").ProducesValidationProblem().ProducesProblem(429);
    }
}
