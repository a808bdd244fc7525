using AutoFinance.Domain.Lifecycle;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Partners;
using AutoFinance.Infrastructure.Payments;

namespace AutoFinance.Web.Api;

/// <summary>
/// Where the SMS gateway pushes a customer's reply to a text. Nobody signs in here: a reply is believed only when the
/// gateway's signature verifies (<see cref="SignedCallbacks"/>, headers <c>X-Sms-Timestamp</c> and <c>X-Sms-Signature</c>,
/// secret <c>Partners:Sms:CallbackSecret</c>). Every verified reply is answered 200, so the gateway stops retrying it,
/// with what it did (<see cref="SmsReplies.Outcome"/>).
/// </summary>
public static class SmsReplyEndpoints
{
    public const string TimestampHeader = "X-Sms-Timestamp";
    public const string SignatureHeader = "X-Sms-Signature";

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/" + HttpSmsGateway.ReplyPath, async (HttpContext http, PartnerDirectory partners, SmsReplies replies, WallClock wall, CancellationToken ct) =>
            {
                var (body, refusal) = await SignedCallbacks.ReadAsync(http, partners.CallbackSecret(HttpSmsGateway.Party), TimestampHeader, SignatureHeader, wall.UtcNow, ct).ConfigureAwait(false);
                if (body is null)
                {
                    return refusal!;
                }

                if (SmsReplies.Read(body) is not { } reply)
                {
                    return Problems.Field("body", "is not an SMS reply (replyId, mobile, text)");
                }

                var outcome = await replies.ReceiveAsync(reply, ct).ConfigureAwait(false);
                return Results.Ok(new { received = reply.ReplyId, outcome = StateWords<SmsReplies.Outcome>.Of(outcome) });
            })
            .AllowAnonymous()
            .WithTags("Notifications")
            .WithSummary("The SMS gateway's signed push of a customer's reply: \"TD\" (or T, 退订, STOP) switches marketing off on every channel");
}
