using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AutoFinance.Web.Tests.Origination;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>
/// Bank statements reconciled: the shipped camt.053 example posts its matched credits with their entry references,
/// parks the unmatched in suspense, a second import posts nothing, and the worklist assigns what waits in suspense.
/// </summary>
public abstract class ReconciliationScenarios<TPlatform>(TPlatform platform) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private readonly PaymentWorld _world = new(platform);

    private bool Skip => !platform.Available;

    [SkippableFact]
    public async Task The_example_camt053_posts_its_matched_lines_parks_the_rest_in_suspense_and_a_second_import_posts_nothing()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var agent = await platform.SignedIn("agent");
        var first = await _world.BookedLoanAsync();
        var second = await _world.BookedLoanAsync();
        var statement = (await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "docs", "examples", "bank-statement.camt053.xml")))
            .Replace("621600000000000114", await ReferenceOf(agent, first), StringComparison.Ordinal)
            .Replace("621600000000000221", await ReferenceOf(agent, second), StringComparison.Ordinal);

        var suspenseBefore = await SuspenseAsync();
        var imported = await ImportAsync(agent, statement, "application/xml");

        Assert.Equal(2, imported.GetProperty("matched").GetInt32());
        Assert.Equal(1, imported.GetProperty("unmatched").GetInt32());
        Assert.Equal(1, imported.GetProperty("ignored").GetInt32());
        Assert.Equal(888m, imported.GetProperty("suspense").GetDecimal());
        Assert.Equal(1, await _world.PaymentsOnAsync(first));
        Assert.Equal(1, await _world.PaymentsOnAsync(second));
        var lines = imported.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(first, lines.Single(l => l.GetProperty("entryReference").GetString() == "20261202-000001").GetProperty("loanId").GetGuid());
        Assert.Equal(suspenseBefore + 888m, await SuspenseAsync());

        var again = await ImportAsync(agent, statement, "application/xml");
        Assert.Equal(0, again.GetProperty("matched").GetInt32());
        Assert.Equal(0, again.GetProperty("unmatched").GetInt32());
        Assert.Equal(4, again.GetProperty("alreadySeen").GetInt32());
        Assert.Equal(1, await _world.PaymentsOnAsync(first));
        Assert.Equal(suspenseBefore + 888m, await SuspenseAsync());

        // The worklist: the unmatched credit assigned to the first loan leaves suspense and is posted there.
        var waiting = (await agent.GetFromJsonAsync<JsonElement>("/api/v1/reconciliation/lines?status=unmatched")).EnumerateArray()
            .Single(l => l.GetProperty("entryReference").GetString() == "20261202-000003");
        using var assign = await agent.PostAsJsonAsync($"/api/v1/reconciliation/lines/{waiting.GetProperty("lineId").GetString()}/assign", new { loanId = first, note = "customer called: paid from a relative's account" });
        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal(2, await _world.PaymentsOnAsync(first));
        Assert.Equal(suspenseBefore, await SuspenseAsync());
    }

    [SkippableFact]
    public async Task A_csv_credit_without_a_reference_is_matched_by_amount_and_name_and_an_unknown_one_can_be_returned()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var agent = await platform.SignedIn("agent");
        var (loanId, customer) = await _world.CustomersLoanAsync();
        // 100.00 paid at the branch ahead of the due date is held as credit, so what is still asked differs from Li Na's other loan.
        using (var partial = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/loans/{loanId}/payments") { Content = JsonContent.Create(new { amount = 100m, channel = "cash", receiptReference = "R-100001" }) })
        {
            partial.Headers.Add("Idempotency-Key", $"partial-{loanId}");
            Assert.Equal(HttpStatusCode.Created, (await agent.SendAsync(partial)).StatusCode);
        }

        var due = (await customer.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("schedule")[0].GetProperty("payment").GetDecimal() - 100m;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = $"""
            entryReference,bookingDate,amount,currency,direction,payerName,reference
            {tag}-1,2026-12-02,{due.ToString("0.00", CultureInfo.InvariantCulture)},CNY,CRDT,Li Na,
            {tag}-2,2026-12-02,42.00,CNY,CRDT,Nobody Known,"gift, for nobody"
            """;

        var imported = await ImportAsync(agent, csv, "text/csv");

        var lines = imported.GetProperty("lines").EnumerateArray().ToList();
        var byName = lines.Single(l => l.GetProperty("entryReference").GetString() == $"{tag}-1");
        Assert.Equal("amount-and-name", byName.GetProperty("matchedBy").GetString());
        Assert.Equal(loanId, byName.GetProperty("loanId").GetGuid());
        Assert.Equal(2, await _world.PaymentsOnAsync(loanId));

        var unknown = lines.Single(l => l.GetProperty("entryReference").GetString() == $"{tag}-2");
        Assert.Equal("unmatched", unknown.GetProperty("status").GetString());
        using var returned = await agent.PostAsJsonAsync($"/api/v1/reconciliation/lines/{unknown.GetProperty("lineId").GetString()}/return", new { reason = "no such customer; sent back to the payer's bank" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        using var twice = await agent.PostAsJsonAsync($"/api/v1/reconciliation/lines/{unknown.GetProperty("lineId").GetString()}/return", new { reason = "again" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    /// <summary>
    /// Staff know a loan by its reference (LN…), as the customer and the statement give it: a credit waiting in suspense
    /// is assigned by that reference, an unknown one is refused naming the field, and the lines show the reference.
    /// </summary>
    [SkippableFact]
    public async Task A_credit_in_suspense_is_assigned_by_the_loans_reference()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var agent = await platform.SignedIn("agent");
        var loanId = await _world.BookedLoanAsync();
        var reference = (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}")).GetProperty("summary").GetProperty("reference").GetString()!;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var imported = await ImportAsync(agent, $"""
            entryReference,bookingDate,amount,currency,direction,payerName,reference
            {tag},2026-12-02,321.00,CNY,CRDT,Somebody Else,for the car
            """, "text/csv");
        var lineId = imported.GetProperty("lines")[0].GetProperty("lineId").GetString();

        using var unknown = await agent.PostAsJsonAsync($"/api/v1/reconciliation/lines/{lineId}/assign", new { loanReference = "LN000000-00000000" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("statement.loan-unknown", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("loanId", out _), problem.ToString());
        Assert.Equal(0, await _world.PaymentsOnAsync(loanId));

        using var assigned = await agent.PostAsJsonAsync($"/api/v1/reconciliation/lines/{lineId}/assign", new { loanReference = reference.ToLowerInvariant() });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(1, await _world.PaymentsOnAsync(loanId));
        var line = (await agent.GetFromJsonAsync<JsonElement>("/api/v1/reconciliation/lines")).EnumerateArray().Single(l => l.GetProperty("entryReference").GetString() == tag);
        Assert.Equal(reference, line.GetProperty("loanReference").GetString());
        Assert.Contains($">{reference}</a>", await agent.GetStringAsync("/reconciliation"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_statement_that_cannot_be_read_is_refused_naming_where()
    {
        Xunit.Skip.If(Skip, "no PostgreSQL configured");
        using var agent = await platform.SignedIn("agent");
        using var response = await agent.PostAsync("/api/v1/reconciliation/statements", new StringContent("<Document><BkToCstmrStmt><Stmt><Ntry><Amt Ccy=\"CNY\">1.00</Amt></Ntry></Stmt></BkToCstmrStmt></Document>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("NtryRef", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An amount finer than a cent is no bank's: refused when read, and nothing of the statement is kept.
        var suspense = await SuspenseAsync();
        foreach (var (statement, mediaType, where) in new[]
        {
            ("entryReference,bookingDate,amount,currency,direction,payerName,reference\nSUBCENT-1,2026-12-01,100.001,CNY,CRDT,Test,1", "text/csv", "line 2"),
            ("<Document><BkToCstmrStmt><Stmt><Ntry><NtryRef>SUBCENT-2</NtryRef><Amt Ccy=\"CNY\">0.001</Amt><CdtDbtInd>DBIT</CdtDbtInd></Ntry></Stmt></BkToCstmrStmt></Document>", "application/xml", "SUBCENT-2"),
        })
        {
            using var subCent = await agent.PostAsync("/api/v1/reconciliation/statements", new StringContent(statement, Encoding.UTF8, mediaType));
            Assert.Equal(HttpStatusCode.BadRequest, subCent.StatusCode);
            var text = await subCent.Content.ReadAsStringAsync();
            Assert.Contains(where, text, StringComparison.Ordinal);
            Assert.Contains("more than two decimal places", text, StringComparison.Ordinal);
        }

        Assert.Equal(suspense, await SuspenseAsync());
    }


    private static async Task<string> ReferenceOf(HttpClient client, Guid loanId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/loans/{loanId}/repayment-reference")).GetProperty("repaymentReference").GetString()!;

    private static async Task<JsonElement> ImportAsync(HttpClient client, string statement, string mediaType)
    {
        using var response = await client.PostAsync("/api/v1/reconciliation/statements", new StringContent(statement, Encoding.UTF8, mediaType));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>What the lender's own book holds in suspense (credit balance).</summary>
    private async Task<decimal> SuspenseAsync()
    {
        await using var db = _world.Db();
        var lines = await db.JournalEntries.AsNoTracking().Where(e => e.LoanId == Guid.Empty).SelectMany(e => e.Lines).Where(l => l.Account == "Suspense").ToListAsync();
        return lines.Sum(l => l.Side == "Credit" ? l.Amount : -l.Amount);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoFinance.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

public sealed class ReconciliationOnSqlite(SqlitePlatform platform) : ReconciliationScenarios<SqlitePlatform>(platform);

public sealed class ReconciliationOnPostgres(PostgresPlatform platform) : ReconciliationScenarios<PostgresPlatform>(platform);
