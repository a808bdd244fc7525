using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Collections;

/// <summary>
/// The demo book tells a story: a loan in each lateness state, with the payments and closes that put it there. Run on
/// SQLite and on PostgreSQL by the two classes at the end of this file.
/// </summary>
public abstract class DemoBookScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    [SkippableFact]
    public async Task The_seeded_book_has_a_loan_in_every_lateness_bucket_current_paid_ahead_and_paid_off_with_a_refund_owed()
    {
        Xunit.Skip.IfNot(platform.Available, "no PostgreSQL configured");
        using var scope = platform.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>();
        var active = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Active && l.LastCloseDate != null).ToListAsync();

        foreach (var bucket in new[] { "1-30", "31-60", "61-90", "91-180" })
        {
            Assert.Contains(active, l => l.Bucket == bucket);
        }

        var current = active.Where(l => l.DaysPastDue == 0).Select(l => l.Id).ToList();
        Assert.True(current.Count >= 2, "a current loan and a paid-ahead one");
        var credit = await CustomerCredit.HeldAsync(db, current, CancellationToken.None);
        Assert.Contains(current, id => credit.GetValueOrDefault(id).Credit > 0m);
        var closed = await db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.Closed).Select(l => l.Id).ToListAsync();
        Assert.NotEmpty(closed);
        // The payoff transfer was rounded up: the rest is owed back, a refund waiting on the payout page.
        var owedBack = await CustomerCredit.HeldAsync(db, closed, CancellationToken.None);
        Assert.Contains(closed, id => owedBack.GetValueOrDefault(id) is { Credit: 0m, RefundPayable: > 0m and < 1000m });
        Assert.True(await db.Payments.CountAsync() >= 20, "a payment history");
    }

    [SkippableFact]
    public async Task The_collectors_worklist_holds_real_work_in_every_late_bucket()
    {
        Xunit.Skip.IfNot(platform.Available, "no PostgreSQL configured");
        using var collector = await platform.SignedIn("collector");
        var worklist = await collector.GetFromJsonAsync<JsonElement>("/api/v1/collections/worklist?mine=true");
        var buckets = worklist.EnumerateArray().Select(e => e.GetProperty("bucket").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "1-30", "31-60", "61-90", "91-180" }, buckets);
    }

    [SkippableFact]
    public async Task Roll_rates_are_measured_from_the_books_month_end_history_not_assumed()
    {
        Xunit.Skip.IfNot(platform.Available, "no PostgreSQL configured");
        using var collector = await platform.SignedIn("collector");
        var rates = await collector.GetFromJsonAsync<JsonElement>("/api/v1/collections/roll-rates");

        // The story book's loans were current at many month ends: that row rests on the book's own moves.
        var current = rates.EnumerateArray().Single(r => r.GetProperty("bucket").GetString() == "Current");
        Assert.True(current.GetProperty("measured").GetBoolean());
        Assert.True(current.GetProperty("moves").GetInt32() >= 20);
        Assert.NotEqual(0.03m, current.GetProperty("rollForward").GetDecimal());
        Assert.Equal(12, current.GetProperty("months").GetInt32());
    }
}

public sealed class DemoBookTests(StoryBookPlatform platform) : DemoBookScenarios<StoryBookPlatform>(platform);

public sealed class DemoBookPostgresTests(StoryBookPostgresPlatform platform) : DemoBookScenarios<StoryBookPostgresPlatform>(platform);
