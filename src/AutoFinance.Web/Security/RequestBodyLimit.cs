using Microsoft.AspNetCore.Http.Metadata;

namespace AutoFinance.Web.Security;

/// <summary>
/// The largest request body an endpoint group accepts (<c>Security:Limits</c>), honoured by Kestrel through the
/// endpoint's <see cref="IRequestSizeLimitMetadata"/>; a larger body answers 413 with a problem body
/// (<see cref="BadRequestProblems"/>), before any of it is parsed.
/// </summary>
public sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;

/// <summary>Request size limits: the JSON API's and, for everything else, Kestrel's.</summary>
public sealed class RequestLimitSettings
{
    /// <summary>Every endpoint under /api: JSON documents of a few kilobytes.</summary>
    public long ApiMaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Any other request (pages and their forms).</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
