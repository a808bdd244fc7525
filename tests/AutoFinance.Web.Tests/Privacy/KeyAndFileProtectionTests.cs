using AutoFinance.Infrastructure.Identity;
using System.Net;
using System.Runtime.Versioning;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Xml.Linq;
using AutoFinance.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Privacy;

/// <summary>
/// The files a thief would copy: the database, the lookup-hash key and the key ring are the platform user's alone
/// (files 0600 in folders 0700, made so on creation and put right at start), and with a certificate configured the
/// key ring's master keys are encrypted on disk and still read back.
/// </summary>
public sealed class KeyAndFileProtectionTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"autofinance-files-{Guid.NewGuid():N}");

    private string DataFolder => Path.Combine(_root, "data");

    private string Database => Path.Combine(DataFolder, "autofinance.db");

    private string Keys => Path.Combine(_root, "keys");

    public KeyAndFileProtectionTests() => Directory.CreateDirectory(_root);

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_new_database_and_key_ring_are_created_owner_only()
    {
        Xunit.Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        await using (var app = await StartAsync())
        {
            await RegisterAsync(app, "13533334444");
        }

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(DataFolder));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Keys));
        string[] files = [Database, .. Directory.GetFiles(DataFolder, "autofinance.db-*"), .. Directory.GetFiles(Keys)];
        Assert.Contains(Path.Combine(Keys, "lookup-hash.key"), files);
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("key-", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == OwnerFile, $"{Path.GetFileName(f)} is {File.GetUnixFileMode(f)}"));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task Files_left_readable_by_others_are_made_owner_only_at_start()
    {
        Xunit.Skip.If(OperatingSystem.IsWindows(), "Unix file modes only");
        var wide = OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        Directory.CreateDirectory(Keys, OwnerFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        File.SetUnixFileMode(Keys, OwnerFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var lookupKey = Path.Combine(Keys, "lookup-hash.key");
        await File.WriteAllBytesAsync(lookupKey, RandomNumberGenerator.GetBytes(32));
        File.SetUnixFileMode(lookupKey, wide);
        Directory.CreateDirectory(DataFolder);
        await File.WriteAllBytesAsync(Database, []);
        File.SetUnixFileMode(Database, wide);

        await using (var app = await StartAsync())
        {
            await RegisterAsync(app, "13544445555");
        }

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Keys));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(lookupKey));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Database));
    }

    [Fact]
    public async Task With_a_certificate_the_key_ring_holds_no_plain_master_key_and_still_decrypts()
    {
        var certificate = Path.Combine(_root, "key-ring.pfx");
        var pfxSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=AutoFinance key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: false));
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(certificate, created.Export(X509ContentType.Pfx, pfxSecret));
        }

        string[] withCertificate = [$"--Security:KeyRingCertificatePath={certificate}", "--Security:KeyRingCertificatePassword=" + pfxSecret];
        await using (var app = await StartAsync(withCertificate))
        {
            await RegisterAsync(app, "13555556666");
        }

        var keyFiles = Directory.GetFiles(Keys, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var names = XDocument.Load(file).Descendants().Select(e => e.Name.LocalName).ToList();
            Assert.DoesNotContain("masterKey", names);
            Assert.Contains("encryptedSecret", names);
        }

        // A restart with the certificate reads the ring back: the registered name decrypts at sign-in.
        await using (var app = await StartAsync(withCertificate))
        {
            using var client = Client(app);
            var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "13555556666", password = "long-enough-password" });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            Assert.Equal("File Test", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<WebApplication> StartAsync(params string[] arguments)
    {
        var app = WebHost.Build(
        [
            "--urls=http://127.0.0.1:0", "--Partners:Simulator:Launch=false", "--Database:Provider=Sqlite", $"--ConnectionStrings:Default=Data Source={Database}",
            $"--Security:KeysPath={Keys}", "--Outbox:Enabled=false",
            "--Logging:LogLevel:Default=Warning", "--Demo:Seed=false", .. arguments,
        ]);
        await app.StartAsync();
        return app;
    }

    private static HttpClient Client(WebApplication app) =>
        new() { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

    /// <summary>A registration writes encrypted names, so the key ring has a key on disk afterwards.</summary>
    private static async Task RegisterAsync(WebApplication app, string mobile)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (userId, _) = await scope.ServiceProvider.GetRequiredService<AccountService>().RegisterCustomerAsync(mobile, "long-enough-password", "File Test", CancellationToken.None);
        Assert.NotNull(userId);
    }
}
