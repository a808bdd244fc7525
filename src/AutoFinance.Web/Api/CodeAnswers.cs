using AutoFinance.Application.Verification;

namespace AutoFinance.Web.Api;

/// <summary>How the API answers a request for an SMS code: 202 with when it expires, 429 when asked too often, 503 when the gateway is down.</summary>
public static class CodeAnswers
{
    public static IResult Of(CodeSendResult sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return sent.Outcome switch
        {
            CodeSendOutcome.Throttled => Results.Problem(title: "Too many tries", detail: "a code was asked for too often; wait before asking again", statusCode: 429, extensions: new Dictionary<string, object?> { ["code"] = "code.throttled" }),
            CodeSendOutcome.GatewayUnavailable => Results.Problem(title: "SMS unavailable", detail: "the text could not be sent; try again in a minute", statusCode: 503, extensions: new Dictionary<string, object?> { ["code"] = "sms.unavailable" }),
            _ => Results.Accepted(value: new { expiresAt = sent.ExpiresAt }),
        };
    }
}
