using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Web.Tests.Servicing;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Notifications;

/// <summary>Runs the outbox dispatcher as the platform's worker would, and reads what the SMS gateway delivered.</summary>
internal static class Delivery
{
    /// <summary>
    /// Dispatches every message due now; a send the gateway refused is retried after its back-off (the clock moved on
    /// a few minutes), as the worker's next rounds would.
    /// </summary>
    public static async Task<int> RunAsync(PlatformFixture platform, MovableClock clock)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(clock);
        var sent = 0;
        for (var round = 0; round < 6; round++)
        {
            using var scope = platform.App.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(10_000, CancellationToken.None);
            sent += result.Sent;
            if (result.Retrying == 0)
            {
                break;
            }

            clock.Now += TimeSpan.FromMinutes(5);
        }

        return sent;
    }

    /// <summary>The texts the simulated SMS gateway delivered to a mobile, newest first.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Text)>> SmsToAsync(string mobile)
    {
        using var http = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        var inbox = await http.GetFromJsonAsync<JsonElement>($"sms/v1/inbox/{mobile}");
        return [.. inbox.EnumerateArray().Select(m => (m.GetProperty("messageId").GetGuid(), m.GetProperty("text").GetString()!))];
    }
}
