using Microsoft.AspNetCore.Diagnostics;

namespace AutoFinance.Web.Security;

/// <summary>
/// A request Kestrel or the framework refused (a body over its limit: 413; an unreadable one: 400) answers its own
/// status with an RFC 9457 problem body rather than a 500.
/// </summary>
public sealed class BadRequestProblems : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        var (title, detail) = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? ("Request body too large", "the request body is larger than this endpoint accepts")
            : ("Bad request", "the request could not be read");
        await Results.Problem(title: title, detail: detail, statusCode: bad.StatusCode).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }
}
