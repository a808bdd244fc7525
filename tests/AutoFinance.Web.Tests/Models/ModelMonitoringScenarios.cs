using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AutoFinance.Application.Common;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Servicing;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.Tests.Models;

/// <summary>
/// The active model checked against what its booked loans did (ever 30+ days past due or charged off within six months),
/// and each characteristic's stability over the applications it scored, as the API and /model give them.
/// </summary>
public abstract class ModelMonitoringScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private sealed record Decided(Guid ApplicationId, string Grade, double Pd);

    [SkippableFact]
    public async Task Matured_loans_are_back_tested_against_the_pd_of_their_decision_and_each_characteristic_against_training()
    {
        Xunit.Skip.If(!platform.Available, "no PostgreSQL configured");
        using var dealer = platform.Dealer();
        var decided = new List<Decided>();
        foreach (var body in new[] { Applications.Prime(), Applications.Prime(), Applications.NearPrime(), Applications.NearPrime(), Applications.Prime() })
        {
            var answer = await dealer.PostAsJsonAsync("/api/v1/applications", body);
            answer.EnsureSuccessStatusCode();
            var id = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicationId").GetGuid();
            decided.Add(await QueryAsync(async db => await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => new Decided(a.Id, a.Grade!, a.Pd!.Value)).SingleAsync()));
        }

        var today = BusinessDay.Today(platform.App.Services.GetRequiredService<TimeProvider>());
        var start = today.AddMonths(-8);
        await QueryAsync(async db =>
        {
            // Only these applications are the active model's, so the figures are theirs alone.
            var mine = decided.Select(d => d.ApplicationId).ToList();
            await db.Applications.Where(a => !mine.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ModelVersion, "an-earlier-model"));

            // Good: every instalment paid on its due date.
            Book(db, decided[0], start, LoanStatus.Active, paidLate: null);
            // Bad: the second instalment paid 40 days late, though the loan caught up.
            Book(db, decided[1], start, LoanStatus.Active, paidLate: (2, 40));
            // Bad: charged off five months in.
            Book(db, decided[2], start, LoanStatus.ChargedOff, paidLate: null, chargedOffOn: start.AddMonths(5), paidMonths: 1);
            // Good: paid off after 20 days, before anything fell due.
            Book(db, decided[3], start, LoanStatus.Closed, paidLate: null, closedOn: start.AddDays(20), paidMonths: 0);
            // Too young to judge: three months on book, nothing paid.
            Book(db, decided[4], today.AddMonths(-3), LoanStatus.Active, paidLate: null, paidMonths: 0);
            await db.SaveChangesAsync();
            return 0;
        });

        using var analyst = await platform.SignedIn("analyst");
        var review = await analyst.GetFromJsonAsync<JsonElement>("/api/v1/models/active/monitoring");

        var matured = decided.Take(4).ToList();
        byte[] bad = [0, 1, 1, 0];
        var back = review.GetProperty("backTest");
        Assert.Equal(6, back.GetProperty("windowMonths").GetInt32());
        Assert.Equal(30, back.GetProperty("daysPastDue").GetInt32());
        Assert.Equal(4, back.GetProperty("loans").GetInt32());
        Assert.Equal(2, back.GetProperty("bads").GetInt32());
        Assert.Equal(0.5, back.GetProperty("observedBadRate").GetDouble(), 12);
        Assert.Equal(matured.Average(d => d.Pd), back.GetProperty("expectedBadRate").GetDouble(), 12);
        Assert.True(back.GetProperty("indicative").GetBoolean());

        // AUC by counting the (bad, good) pairs the PDs rank right, ties half.
        var pairs = from b in matured.Where((_, i) => bad[i] == 1) from g in matured.Where((_, i) => bad[i] == 0) select b.Pd > g.Pd ? 1.0 : b.Pd.Equals(g.Pd) ? 0.5 : 0.0;
        var auc = pairs.Average();
        Assert.Equal(auc, back.GetProperty("auc").GetDouble(), 12);
        Assert.Equal((2 * auc) - 1, back.GetProperty("gini").GetDouble(), 12);

        var grades = back.GetProperty("grades").EnumerateArray().ToDictionary(g => g.GetProperty("grade").GetString()!);
        foreach (var group in matured.Select((d, i) => (d, Bad: bad[i])).GroupBy(x => x.d.Grade))
        {
            var row = grades[group.Key];
            Assert.Equal(group.Count(), row.GetProperty("loans").GetInt32());
            Assert.Equal(group.Sum(x => x.Bad), row.GetProperty("bads").GetInt32());
            Assert.Equal((double)group.Sum(x => x.Bad) / group.Count(), row.GetProperty("observedBadRate").GetDouble(), 12);
            Assert.Equal(group.Average(x => x.d.Pd), row.GetProperty("expectedBadRate").GetDouble(), 12);
        }

        Assert.Equal(matured.Select(d => d.Grade).Distinct().Count(), grades.Count);

        // Each characteristic: the five applications' bin shares against training's, its CSI read from them, largest first.
        var document = platform.App.Services.GetRequiredService<ModelSet>().Active.Document;
        var stability = review.GetProperty("stability");
        Assert.Equal(5, stability.GetProperty("applications").GetInt32());
        Assert.True(stability.GetProperty("indicative").GetBoolean());
        var characteristics = stability.GetProperty("characteristics").EnumerateArray().ToList();
        Assert.Equal(document.Characteristics.Select(c => c.Name).Order(StringComparer.Ordinal), characteristics.Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(characteristics.Select(c => c.GetProperty("csi").GetDouble()).OrderDescending(), characteristics.Select(c => c.GetProperty("csi").GetDouble()));
        foreach (var c in characteristics)
        {
            var trained = document.Characteristics.Single(x => x.Name == c.GetProperty("name").GetString());
            var bins = c.GetProperty("bins").EnumerateArray().ToList();
            var total = (double)trained.Bins.Sum(b => b.Count);
            Assert.Equal(trained.Bins.Select(b => b.Count / total), bins.Take(trained.Bins.Count).Select(b => b.GetProperty("expected").GetDouble()));
            Assert.All(bins, b => Assert.Equal(Math.Round(b.GetProperty("actual").GetDouble() * 5), b.GetProperty("actual").GetDouble() * 5, 9));
            Assert.Equal(1, bins.Sum(b => b.GetProperty("actual").GetDouble()), 9);
            var csi = bins.Sum(b => Term(b.GetProperty("expected").GetDouble(), b.GetProperty("actual").GetDouble()));
            Assert.Equal(csi, c.GetProperty("csi").GetDouble(), 9);
            Assert.Equal(csi < 0.10 ? "stable" : csi < 0.25 ? "watch" : "act", c.GetProperty("band").GetString());
        }

        // The page says in both languages that four matured loans are too few to go by.
        var english = await PageAsync(analyst, "en");
        Assert.Contains("Not enough matured loans: only 4 (fewer than 100)", english, StringComparison.Ordinal);
        var chinese = await PageAsync(analyst, "zh-CN");
        Assert.Contains("到期观察的贷款仅 4 笔（少于 100 笔）", chinese, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"backtest-grade\"", chinese, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"csi-row\"", chinese, StringComparison.Ordinal);

        using var agent = await platform.SignedIn("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/v1/models/active/monitoring")).StatusCode);
    }

    /// <summary>A term of the index with the library's floor under an empty share.</summary>
    private static double Term(double expected, double actual)
    {
        var (e, a) = (Math.Max(expected, 1e-4), Math.Max(actual, 1e-4));
        return (a - e) * Math.Log(a / e);
    }

    /// <summary>
    /// A twelve-month loan for the application, its instalments due monthly from the start, and for each of the first
    /// <paramref name="paidMonths"/> (all that fell due by today when null) a payment on its due date, or
    /// <paramref name="paidLate"/>'s days after it for that instalment.
    /// </summary>
    private static void Book(AutoFinanceDbContext db, Decided decided, DateOnly start, LoanStatus status, (int Number, int Days)? paidLate, DateOnly? closedOn = null, DateOnly? chargedOffOn = null, int paidMonths = 8)
    {
        var loanId = Guid.NewGuid();
        db.Loans.Add(new LoanRow
        {
            Id = loanId, Reference = "BT" + loanId.ToString("N")[..10], ContractId = Guid.NewGuid(), ApplicationId = decided.ApplicationId, CustomerId = Guid.NewGuid(),
            Principal = 96_000m, AnnualRate = 0m, TermMonths = 12, Method = "equal-principal", StartDate = start, Currency = "CNY", Status = status,
            BookedAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), ClosedOn = closedOn, ChargedOffOn = chargedOffOn,
        });
        for (var n = 1; n <= 12; n++)
        {
            var due = start.AddMonths(n);
            db.Installments.Add(new InstallmentRow { LoanId = loanId, Number = n, DueDate = due, Payment = 8_000m, Principal = 8_000m, Balance = 96_000m - (8_000m * n) });
            if (n > paidMonths)
            {
                continue;
            }

            var paidOn = paidLate is { } late && late.Number == n ? due.AddDays(late.Days) : due;
            db.Payments.Add(new PaymentRow
            {
                Id = Guid.NewGuid(), LoanId = loanId, Amount = 8_000m, PaidOn = paidOn, ReceivedAt = new DateTimeOffset(paidOn.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                Actor = "test", ResponseJson = "{}", AllocationJson = Json.Serialize(new List<InstallmentAllocation> { new(n, due, 0m, 0m, 0m, 8_000m) }),
            });
        }
    }

    private static async Task<string> PageAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/model");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return WebUtility.HtmlDecode(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
    }

    private async Task<T> QueryAsync<T>(Func<AutoFinanceDbContext, Task<T>> query)
    {
        await using var scope = platform.App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>());
    }
}

public sealed class ModelMonitoringOnSqlite(SqlitePlatform platform) : ModelMonitoringScenarios<SqlitePlatform>(platform);

public sealed class ModelMonitoringOnPostgres(PostgresPlatform platform) : ModelMonitoringScenarios<PostgresPlatform>(platform);
