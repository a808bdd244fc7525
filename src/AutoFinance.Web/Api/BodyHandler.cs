namespace AutoFinance.Web.Api;

/// <summary>Reads a JSON body with <see cref="JsonBody"/> and hands it on, or answers the problem naming the field.</summary>
public static class BodyHandler
{
    public static async Task<IResult> WithBodyAsync<T>(HttpContext http, T empty, Func<T, Task<IResult>> handle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(handle);
        var body = await JsonBody.ReadAsync<T>(http.Request, ct).ConfigureAwait(false);
        if (body.Error is { } error)
        {
            return Problems.Validation([error]);
        }

        return await handle(body.Value ?? empty).ConfigureAwait(false);
    }
}
