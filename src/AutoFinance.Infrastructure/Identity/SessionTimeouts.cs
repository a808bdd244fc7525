using AutoFinance.Application.Security;

namespace AutoFinance.Infrastructure.Identity;

/// <summary>
/// How long a signed-in session lasts (<c>Sessions</c> in settings): it ends when unused for the idle timeout of the
/// user's role, and in any case <see cref="AccountService.SessionLifetime"/> after sign-in.
/// </summary>
public sealed class SessionTimeouts
{
    /// <summary>Idle timeout of staff (every role but customer), in minutes.</summary>
    public int StaffIdleMinutes { get; set; } = 30;

    /// <summary>Idle timeout of customers, in minutes.</summary>
    public int CustomerIdleMinutes { get; set; } = 30;

    public TimeSpan IdleTimeout(string role) =>
        TimeSpan.FromMinutes(Math.Clamp(role == Roles.Customer ? CustomerIdleMinutes : StaffIdleMinutes, 1, (int)AccountService.SessionLifetime.TotalMinutes));
}
