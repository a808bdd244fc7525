using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Web.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Contracts;

/// <summary>
/// Accepting an offer as a customer or dealer does it: ask for the signing code, read the text the customer's
/// mobile on file received (from the simulator's inbox), sign with it. Every platform of a run shares the simulator,
/// so a number's inbox may hold another platform's signing text; the code is bound to the offer, so a wrong one is
/// refused without signing and the next newest is tried.
/// </summary>
public static partial class ContractSigning
{
    /// <summary>Asks for the code, reads it, accepts the offer with it: the answer of the acceptance.</summary>
    public static Task<HttpResponseMessage> AcceptAsync(PlatformFixture platform, HttpClient client, object? application, object? offer)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return AcceptAsync(platform.App.Services, client, application, offer);
    }

    /// <summary>The same against a host of one's own (<paramref name="services"/> reads the customer's mobile on file).</summary>
    public static async Task<HttpResponseMessage> AcceptAsync(IServiceProvider services, HttpClient client, object? application, object? offer)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (applicationId, offerId) = ($"{application}", $"{offer}");
        using var asked = await client.PostAsync(CodePath(applicationId, offerId), null);
        if (!asked.IsSuccessStatusCode)
        {
            // The offer cannot be signed now (another accepted, not approved, not theirs): the acceptance says why.
            return await client.PostAsJsonAsync(AcceptPath(applicationId, offerId), new { code = "000000" });
        }

        HttpResponseMessage? answer = null;
        foreach (var code in (await SigningCodesAsync(await MobileOnFileAsync(services, Guid.Parse(applicationId)))).Take(3))
        {
            answer?.Dispose();
            answer = await client.PostAsJsonAsync(AcceptPath(applicationId, offerId), new { code });
            if (await ProblemCodeAsync(answer) != "code.invalid")
            {
                return answer;
            }
        }

        return answer ?? throw new InvalidOperationException("no signing code reached the customer's mobile");
    }

    public static string CodePath(string applicationId, string offerId) => $"/api/v1/applications/{applicationId}/offers/{offerId}/signing-code";

    public static string AcceptPath(string applicationId, string offerId) => $"/api/v1/applications/{applicationId}/offers/{offerId}/accept";

    /// <summary>The codes of the contract-signing texts a number received (in the application's language), newest first.</summary>
    public static async Task<IReadOnlyList<string>> SigningCodesAsync(string mobile) =>
        [.. (await Registration.InboxAsync(mobile)).Where(IsSigningText).Select(t => SixDigits().Match(t).Value).Where(c => c.Length > 0)];

    public static bool IsSigningText(string text) =>
        text.Contains("签署贷款合同", StringComparison.Ordinal) || text.Contains("signing your loan contract", StringComparison.Ordinal);

    /// <summary>The mobile on file of the customer behind an application, where the platform texts the signing code.</summary>
    public static async Task<string> MobileOnFileAsync(IServiceProvider services, Guid applicationId)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var cipher = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Join(db.Customers.AsNoTracking(), a => a.CustomerId, c => c.Id, (_, c) => c.MobileCipher).SingleAsync();
        return scope.ServiceProvider.GetRequiredService<IPersonalDataProtector>().Unprotect(cipher);
    }

    public static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
