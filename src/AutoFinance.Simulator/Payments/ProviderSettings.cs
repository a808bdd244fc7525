using System.Globalization;

namespace AutoFinance.Simulator.Payments;

/// <summary>
/// The simulated provider's settings, read from the same <c>Partners:Payments:*</c> keys the platform passes it: the
/// callback secret it signs with, how long a checkout left alone waits before it expires, the back-off between
/// callback attempts, and how long a payout or debit takes to settle.
/// </summary>
internal sealed record ProviderSettings(string Secret, TimeSpan CheckoutTimeout, IReadOnlyList<TimeSpan> RetryDelays, TimeSpan SettleDelay)
{
    public static ProviderSettings From(IConfiguration configuration) => new(
        configuration["Partners:Payments:CallbackSecret"] is { Length: > 0 } secret ? secret : string.Empty,
        TimeSpan.FromSeconds(configuration.GetValue("Partners:Payments:CheckoutTimeoutSeconds", 900)),
        [.. (configuration["Partners:Payments:CallbackRetryMilliseconds"] ?? "500,1000,2000,4000,8000,16000,30000,60000,120000")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ms => TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture)))],
        TimeSpan.FromMilliseconds(configuration.GetValue("Partners:Payments:SettleMilliseconds", 200)));
}
