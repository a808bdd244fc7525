using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Security;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Privacy;

/// <summary>
/// What a stolen copy of the database shows of people: the <c>users</c> and <c>collection_contacts</c> rows, read
/// raw, hold no mobile, customer or staff name and no note in plain text, while sign-in by mobile, the uniqueness of a
/// registration and the pages that show these values work as before. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class PersonalDataAtRestScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private readonly string _newMobile = Identity.Registration.FreshMobile();
    private const string NewName = "Qian Xiaoyu";

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task No_mobile_or_name_is_plain_in_the_users_rows_and_sign_in_by_mobile_still_works()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var anonymous = platform.Anonymous();
        var registered = await Identity.Registration.RegisterAsync(anonymous, "+86 " + _newMobile[..3] + " " + _newMobile[3..7] + " " + _newMobile[7..], "long-enough-password", NewName);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = _newMobile, password = "long-enough-password" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(NewName, (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
        using var liNa = await platform.SignedIn("13800138000");
        using var admin = await platform.SignedIn("admin");

        // Shown where a page needs them: decrypted, and a customer's mobile masked as before.
        var users = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users")).EnumerateArray().ToList();
        var listed = users.Single(u => u.GetProperty("displayName").GetString() == NewName);
        Assert.Equal(_newMobile[..3] + "****" + _newMobile[7..], listed.GetProperty("userName").GetString());
        Assert.Contains(users, u => u.GetProperty("userName").GetString() == "admin" && u.GetProperty("displayName").GetString() == "周敏");

        string[] secrets =
        [
            _newMobile, "13800138000", "13900139000", NewName, "Li Na", "Wang Wei",
            .. DemoData.StaffAccounts.Select(s => s.DisplayName), "Beijing Auto Mall desk",
        ];
        var cells = await RawCellsAsync("users");
        Assert.True(cells.Count >= 10 * 9, $"read only {cells.Count} cells");
        var leaks = cells.SelectMany(cell => secrets.Where(s => cell.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => $"{s} in {cell[..Math.Min(60, cell.Length)]}")).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    [SkippableFact]
    public async Task A_collection_note_is_encrypted_at_rest_and_read_back_by_collectors()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        const string note = "Spoke to her brother Zhang Wei on 139 0000 1234; salary arrives on the 15th";
        Guid loanId;
        await using (var db = Db())
        {
            loanId = await db.Loans.AsNoTracking().Select(l => l.Id).FirstAsync();
        }

        using var collector = await platform.SignedIn("collector");
        var logged = await collector.PostAsJsonAsync($"/api/v1/loans/{loanId}/contacts", new { channel = "call", outcome = "RPC", note });
        Assert.True(logged.IsSuccessStatusCode, await logged.Content.ReadAsStringAsync());

        var contacts = await collector.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/contacts");
        Assert.Contains(contacts.EnumerateArray(), c => c.GetProperty("note").GetString() == note);
        var cells = await RawCellsAsync("collection_contacts");
        Assert.NotEmpty(cells);
        Assert.DoesNotContain(cells, cell => cell.Contains("Zhang Wei", StringComparison.Ordinal) || cell.Contains("salary", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Names_and_notes_an_older_version_left_plain_are_encrypted_at_start_and_still_sign_in()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        const string mobile = "13522223333";
        var id = Guid.NewGuid();
        await using (var db = Db())
        {
            // What the PersonalDataAtRest migration leaves of a row written before it.
            db.Users.Add(new UserRow
            {
                Id = id, UserNameHash = "plain:" + mobile, UserNameCipher = "plain:" + mobile, DisplayNameCipher = "plain:Old Customer",
                PasswordHash = new PasswordHashing(PlatformFixture.TestPasswordHashIterations).Hash("long-enough-password"), Role = Roles.Customer, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            var services = platform.App.Services;
            Assert.True(await PlainPersonalDataUpgrade.RunAsync(db, services.GetRequiredService<AccountNames>(), services.GetRequiredService<IPersonalDataProtector>(), CancellationToken.None) >= 1);
        }

        Assert.DoesNotContain(await RawCellsAsync("users"), cell => cell.Contains(mobile, StringComparison.Ordinal) || cell.Contains("Old Customer", StringComparison.Ordinal));
        using var anonymous = platform.Anonymous();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = mobile, password = "long-enough-password" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("Old Customer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("displayName").GetString());
    }

    private AutoFinanceDbContext Db() => platform.App.Services.CreateScope().ServiceProvider.GetRequiredService<AutoFinanceDbContext>();

    /// <summary>Every cell of a table as text, read with plain SQL past the application's code.</summary>
    private async Task<List<string>> RawCellsAsync(string table)
    {
        await using var db = Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        var cells = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells.Add(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return cells;
    }
}

public sealed class PersonalDataAtRestOnSqlite(SqlitePlatform platform) : PersonalDataAtRestScenarios<SqlitePlatform>(platform);

public sealed class PersonalDataAtRestOnPostgres(PostgresPlatform platform) : PersonalDataAtRestScenarios<PostgresPlatform>(platform);
