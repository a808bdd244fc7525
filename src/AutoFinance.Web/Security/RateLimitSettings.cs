namespace AutoFinance.Web.Security;

/// <summary>
/// How many requests a caller may make in a window (<c>Security:RateLimits</c>). The defaults are generous (a busy
/// dealer system or a test suite never meets them); they stop a script hammering sign-in or the decision engine.
/// </summary>
public sealed class RateLimitSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in and registration, per client IP address: the brute-force guard.</summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Every request without a valid credential, per client IP address.</summary>
    public WindowLimit Anonymous { get; set; } = new() { PermitLimit = 1_200, WindowSeconds = 60 };

    /// <summary>Every request of a signed-in user or a dealer's API key, per user or key.</summary>
    public WindowLimit Authenticated { get; set; } = new() { PermitLimit = 12_000, WindowSeconds = 60 };

    /// <summary>Applications submitted (each one a full decision), per user or API key.</summary>
    public WindowLimit Applications { get; set; } = new() { PermitLimit = 6_000, WindowSeconds = 60 };
}

/// <summary>At most <see cref="PermitLimit"/> requests per fixed window of <see cref="WindowSeconds"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}
