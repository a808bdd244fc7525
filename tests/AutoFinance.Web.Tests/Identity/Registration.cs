using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AutoFinance.Web.Tests.Identity;

/// <summary>
/// Registration as a customer does it: ask for a code, read the text the SMS gateway delivered (from the simulator's
/// inbox, as a gateway sandbox offers), register with it. Numbers are fresh per test run, since every platform of the
/// run shares one simulator and its inboxes.
/// </summary>
public static partial class Registration
{
    private static long _next = 13_600_000_000L + Random.Shared.NextInt64(0, 3_000_000_000L);

    /// <summary>A mobile no other test of this run has used.</summary>
    public static string FreshMobile() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> AskForCodeAsync(HttpClient anonymous, string mobile) =>
        await anonymous.PostAsJsonAsync("/api/v1/auth/register/code", new { mobile });

    /// <summary>The texts the number received, newest first.</summary>
    public static async Task<IReadOnlyList<string>> InboxAsync(string mobile)
    {
        using var simulator = new HttpClient { BaseAddress = await TestSimulator.AddressAsync() };
        var texts = await simulator.GetFromJsonAsync<JsonElement>($"/sms/v1/inbox/{mobile}");
        return [.. texts.EnumerateArray().Select(m => m.GetProperty("text").GetString()!)];
    }

    /// <summary>The code in the newest text the number received, or null if it received none.</summary>
    public static async Task<string?> LatestCodeAsync(string mobile) =>
        (await InboxAsync(mobile)).Select(t => SixDigits().Match(t)).FirstOrDefault(m => m.Success)?.Value;

    /// <summary>Asks for a code, reads it, registers: the answer of the registration.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient anonymous, string mobile, string password, string displayName)
    {
        var asked = await AskForCodeAsync(anonymous, mobile);
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var code = await LatestCodeAsync(Digits(mobile)) ?? "000000";
        return await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { userName = mobile, password, displayName, code });
    }

    /// <summary>A number as the platform keeps it: 11 digits, without +86 or spaces.</summary>
    public static string Digits(string mobile)
    {
        var digits = new string([.. mobile.Where(char.IsAsciiDigit)]);
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
