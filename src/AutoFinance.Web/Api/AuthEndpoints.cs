using AutoFinance.Application.Security;
using AutoFinance.Application.Verification;
using AutoFinance.Domain.Origination;
using AutoFinance.Domain.Verification;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Web.Auth;
using AutoFinance.Web.Security;

namespace AutoFinance.Web.Api;

/// <summary>Sign in (a bearer token for a session that expires), sign out (revokes it), and customer registration.</summary>
public static class AuthEndpoints
{
    public sealed record SignIn(string? UserName, string? Password);

    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public sealed record Register(string? UserName, string? Password, string? DisplayName, string? Code);

    public sealed record CodeRequest(string? Mobile);

    /// <summary>The same answer whether or not the number can be registered.</summary>
    public sealed record CodeRequested(string Message, int ExpiresInSeconds);

    public const string NeutralCodeAnswer = "if this number can be registered, a code has been sent to it";

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

            var result = await accounts.SignInAsync(body.Value.UserName.Trim(), body.Value.Password, ct, http.Connection.RemoteIpAddress?.ToString()).ConfigureAwait(false);
            if (result.IsLocked)
            {
                return TooManyTries(http, result.LockedFor, "auth.locked", "too many failed sign-ins to this name; try again later");
            }

            return result.Session is not { } session
                ? Results.Problem(title: "Sign-in failed", detail: "unknown user name or wrong password", statusCode: 401, extensions: new Dictionary<string, object?> { ["code"] = "auth.failed" })
                : Results.Ok(new Token(session.Token, session.ExpiresAt, session.Role, session.UserId, session.DisplayName));
        }).RequireRateLimiting(AbuseProtection.SignInPolicy)
            .WithSummary("Sign in with a user name and password; answers a bearer token").Produces<Token>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);

        group.MapPost("/logout", async (HttpContext http, AccountService accounts, CancellationToken ct) =>
        {
            if (http.User.ToActor().UserId is null)
            {
                return Problems.NoSession("a dealer's API key is not a session; an administrator revokes or replaces it");
            }

            var token = AutoFinanceAuthentication.SessionToken(http.Request);
            return token is not null && await accounts.RevokeAsync(token, ct).ConfigureAwait(false) ? Results.NoContent() : Results.Problem(title: "No session", statusCode: 401, extensions: new Dictionary<string, object?> { ["code"] = Problems.SignInCode });
        }).RequireAuthorization().WithSummary("Revoke the current session (its token stops working at once)");

        group.MapPost("/password", async (HttpContext http, AccountService accounts, CancellationToken ct) =>
        {
            if (http.User.ToActor().UserId is not { } userId)
            {
                return Problems.NoSession("a dealer's API key has no password; an administrator replaces the key");
            }

            var body = await JsonBody.ReadAsync<PasswordChange>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            if (string.IsNullOrEmpty(body.Value?.CurrentPassword) || string.IsNullOrEmpty(body.Value.NewPassword))
            {
                return Problems.Validation([
                    .. string.IsNullOrEmpty(body.Value?.CurrentPassword) ? [new Domain.Validation.FieldError("currentPassword", "is required")] : Array.Empty<Domain.Validation.FieldError>(),
                    .. string.IsNullOrEmpty(body.Value?.NewPassword) ? [new Domain.Validation.FieldError("newPassword", "is required")] : Array.Empty<Domain.Validation.FieldError>()]);
            }

            var result = await accounts.ChangePasswordAsync(userId, AutoFinanceAuthentication.SessionToken(http.Request), body.Value.CurrentPassword, body.Value.NewPassword, ct).ConfigureAwait(false);
            if (result.IsLocked)
            {
                return TooManyTries(http, result.LockedFor, "auth.locked", "too many wrong passwords for this account; try again later");
            }

            return result.Succeeded ? Results.NoContent() : Problems.Field(result.Field!, result.Message!, result.Code);
        }).RequireAuthorization().RequireRateLimiting(AbuseProtection.SignInPolicy)
            .WithSummary("Change the signed-in user's password (the current one is asked again); every other session of the user ends")
            .ProducesValidationProblem().ProducesProblem(401).ProducesProblem(429);

        group.MapPost("/register/code", async (HttpContext http, AccountService accounts, CancellationToken ct) =>
        {
            var body = await JsonBody.ReadAsync<CodeRequest>(http.Request, ct).ConfigureAwait(false);
            if (body.Error is { } error)
            {
                return Problems.Validation([error]);
            }

            if (MobileNumber.Normalize(body.Value?.Mobile) is not { } mobile)
            {
                return Problems.Field("mobile", "is your mobile number: 11 digits starting 13–19");
            }

            var sent = await accounts.RequestRegistrationCodeAsync(mobile, http.Connection.RemoteIpAddress?.ToString(), ct).ConfigureAwait(false);
            return sent.Outcome switch
            {
                CodeSendOutcome.Throttled => TooManyTries(http, sent.RetryAfter, "code.throttled", "a code was asked for too often; wait before asking again"),
                CodeSendOutcome.GatewayUnavailable => Results.Problem(title: "SMS unavailable", detail: "the text could not be sent; try again in a minute", statusCode: 503, extensions: new Dictionary<string, object?> { ["code"] = "sms.unavailable" }),
                _ => Results.Accepted(value: new CodeRequested(NeutralCodeAnswer, (int)OneTimeCodeRules.Lifetime.TotalSeconds)),
            };
        }).RequireRateLimiting(AbuseProtection.SignInPolicy)
            .WithSummary("Ask for the SMS code that proves a mobile at registration; the answer is the same whether or not the number can be registered")
            .Produces<CodeRequested>(202).ProducesValidationProblem().ProducesProblem(429).ProducesProblem(503);

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

            if (!OneTimeCodeRules.IsWellFormed(body.Value?.Code))
            {
                errors.Add(new("code", "is the 6-digit code sent to your mobile"));
            }

            if (PasswordPolicy.Problem(body.Value?.Password, mobile, CommonPasswordList.Instance) is { } weak)
            {
                errors.Add(new("password", weak.Message));
            }

            if (string.IsNullOrWhiteSpace(body.Value?.DisplayName) || body.Value.DisplayName.Trim().Length > 60)
            {
                errors.Add(new("displayName", "is required (at most 60 characters)"));
            }

            if (errors.Count > 0)
            {
                return Problems.Validation(errors);
            }

            var result = await accounts.RegisterWithCodeAsync(mobile!, body.Value!.Code!, body.Value.Password!, body.Value.DisplayName!.Trim(), ct).ConfigureAwait(false);
            return result.UserId is { } userId
                ? Results.Created($"/api/v1/auth/users/{userId}", new { userId })
                : Problems.Field(result.Field!, result.Message!, result.Code);
        }).RequireRateLimiting(AbuseProtection.SignInPolicy)
            .WithSummary("Register a customer account (user name = mobile number) with the SMS code sent to it").ProducesValidationProblem().ProducesProblem(429);
    }

    private static IResult TooManyTries(HttpContext http, TimeSpan retryAfter, string code, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(title: "Too many tries", detail: detail, statusCode: StatusCodes.Status429TooManyRequests, extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
