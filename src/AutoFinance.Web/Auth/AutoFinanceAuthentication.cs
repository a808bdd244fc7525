using System.Text.Encodings.Web;
using AutoFinance.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AutoFinance.Web.Auth;

/// <summary>
/// One scheme for both kinds of caller: a dealer system sends <c>X-Api-Key</c>; a person sends the bearer token of
/// their session (header, or the session cookie of the pages). Keys and tokens are looked up by hash; expired or
/// revoked ones are refused.
/// </summary>
public sealed class AutoFinanceAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AutoFinance";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string SessionCookie = "af_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var accounts = Context.RequestServices.GetRequiredService<AccountService>();
        if (Request.Headers.TryGetValue(ApiKeyHeader, out var key) && !string.IsNullOrWhiteSpace(key))
        {
            var dealer = await accounts.ActorForApiKeyAsync(key.ToString(), Context.RequestAborted).ConfigureAwait(false);
            return dealer is null
                ? AuthenticateResult.Fail("unknown, expired or revoked API key")
                : AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(dealer, SchemeName), SchemeName));
        }

        var token = SessionToken(Request);
        if (string.IsNullOrWhiteSpace(token))
        {
            return AuthenticateResult.NoResult();
        }

        var actor = await accounts.ActorForTokenAsync(token, Context.RequestAborted).ConfigureAwait(false);
        return actor is null
            ? AuthenticateResult.Fail("unknown, expired or revoked session")
            : AuthenticateResult.Success(new AuthenticationTicket(ActorClaims.ToPrincipal(actor, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(title: "Sign in first", detail: "send a bearer token from POST /api/v1/auth/token, or a dealer's X-Api-Key", statusCode: 401,
                extensions: new Dictionary<string, object?> { ["code"] = Api.Problems.SignInCode })
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Api.Problems.Forbidden("your role may not do this").ExecuteAsync(Context);

    /// <summary>The session token the request carries: a bearer token, else the browser's session cookie.</summary>
    public static string? SessionToken(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : request.Cookies[SessionCookie];
    }
}
