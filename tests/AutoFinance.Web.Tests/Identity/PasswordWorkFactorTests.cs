using System.Net;
using System.Net.Http.Json;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Identity;

/// <summary>
/// The password work factor: production hashes with 100,000 PBKDF2 iterations unless configured, each hash keeps the
/// count it was made with, and a sign-in with a cheaper hash than the platform now asks for stores the password anew.
/// </summary>
public sealed class PasswordWorkFactorTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    [Fact]
    public async Task Without_a_setting_the_platform_hashes_with_100000_iterations_and_verifies_its_own_hashes()
    {
        await using var app = WebHost.Build(["--Database:Provider=Sqlite", "--ConnectionStrings:Default=Data Source=:memory:", $"--Security:KeysPath={Path.Combine(platform.WorkDirectory, "unused-keys")}"]);
        var hashing = app.Services.GetRequiredService<PasswordHashing>();

        var hash = hashing.Hash("long-enough-password");

        Assert.Equal(100_000, IterationsOf(hash));
        Assert.Equal(PasswordCheck.Verified, hashing.Verify(hash, "long-enough-password"));
        Assert.Equal(PasswordCheck.Failed, hashing.Verify(hash, "long-enough-passwore"));
    }

    [Fact]
    public async Task A_sign_in_with_a_cheaper_hash_stores_the_password_at_the_platforms_work_factor_and_a_wrong_password_changes_nothing()
    {
        var cheap = new PasswordHashing(10).Hash(DemoData.Password);
        await SetHashAsync("analyst", cheap);

        using var anonymous = platform.Anonymous();
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "analyst", password = "not-the-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(cheap, await HashAsync("analyst"));

        using var signedIn = await platform.SignedIn("analyst");
        var stored = await HashAsync("analyst");
        Assert.NotEqual(cheap, stored);
        Assert.Equal(PlatformFixture.TestPasswordHashIterations, IterationsOf(stored));
        using var again = await platform.SignedIn("analyst");
        Assert.Equal(stored, await HashAsync("analyst"));
    }

    /// <summary>A version-3 hash: a format byte 1, the PRF, then the iteration count as a big-endian 32-bit number.</summary>
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(1, bytes[0]);
        return (bytes[5] << 24) | (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
    }

    private async Task SetHashAsync(string userName, string hash)
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<AccountNames>().LookupHash(userName);
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserNameHash == lookup);
        user.PasswordHash = hash;
        await db.SaveChangesAsync();
    }

    private async Task<string> HashAsync(string userName)
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        var lookup = scope.ServiceProvider.GetRequiredService<AccountNames>().LookupHash(userName);
        return await scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Users.AsNoTracking().Where(u => u.UserNameHash == lookup).Select(u => u.PasswordHash).SingleAsync();
    }
}
