using System.Net;
using System.Text.Json;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>
/// A successful callback's reads on SQLite, run on statements kept with the native connection while the callback holds
/// it open, give what EF's queries give, to the last digit of every amount.
/// </summary>
public sealed class CallbackReadsOnSqliteTests(SqlitePlatform platform) : IClassFixture<SqlitePlatform>
{
    private readonly PaymentWorld _world = new(platform);

    [Fact]
    public async Task The_reads_on_kept_statements_give_what_EFs_queries_give()
    {
        var (loanId, customer) = await _world.CustomersLoanAsync();
        // A payment posted first (with more than is due, so credit is held), so the loan has a reply under a key.
        var (paid, _) = await PaymentWorld.IntentAsync(customer, loanId, 2345.67m);
        using (var posted = await _world.CallbackAsync(PaymentWorld.CallbackBody(paid, "checkout.succeeded", 2345.67m, $"txn_{Guid.NewGuid():N}", $"evt_{Guid.NewGuid():N}")))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        var (pending, _) = await PaymentWorld.IntentAsync(customer, loanId, 123.45m);
        await using var db = _world.Db();
        var key = await db.Payments.Where(p => p.LoanId == loanId && p.IdempotencyKey != null).Select(p => p.IdempotencyKey!).SingleAsync();
        var store = new EfLoanStore(db, null!, null!);

        var byEf = await ReadAllAsync();
        await db.Database.OpenConnectionAsync();
        Assert.NotNull(CallbackReadsOnSqlite.Open(db));
        // Each read here is the kept statement's, not EF's fallback.
        db.ChangeTracker.Clear();
        Assert.True(CallbackReadsOnSqlite.Success(db, pending, PaymentWorld.Provider).Found);
        Assert.True(CallbackReadsOnSqlite.Loan(db, loanId).Found);
        Assert.NotNull(CallbackReadsOnSqlite.Status(db, pending));
        Assert.True(PostingReadsOnSqlite.Reply(db, loanId, key).Found);
        Assert.NotNull(PostingReadsOnSqlite.Installments(db, loanId));
        var kept = await ReadAllAsync();
        await db.Database.CloseConnectionAsync();

        Assert.Equal(byEf, kept);
        Assert.Contains("\"Status\":", byEf[0], StringComparison.Ordinal);

        async Task<string[]> ReadAllAsync()
        {
            db.ChangeTracker.Clear();
            var intent = await CallbackIntentRead.ForSuccessAsync(db, pending, PaymentWorld.Provider, default);
            var tracked = db.ChangeTracker.Entries<PaymentIntentRow>().Single();
            Assert.Equal(EntityState.Unchanged, tracked.State);
            var missing = await CallbackIntentRead.ForSuccessAsync(db, Guid.NewGuid(), PaymentWorld.Provider, default);
            var loan = await IntentLoanRead.ForAsync(db, loanId, "anyone", null, default);
            var noLoan = await IntentLoanRead.ForAsync(db, Guid.NewGuid(), "anyone", null, default);
            var settled = await CallbackIntentRead.StatusAsync(db, paid, default);
            var unknown = await CallbackIntentRead.StatusAsync(db, Guid.NewGuid(), default);
            var reply = await store.ReplyAsync(loanId, key, default);
            var noReply = await store.ReplyAsync(loanId, "no such key", default);
            var installments = PostingReadsOnSqlite.Installments(db, loanId)
                ?? await db.Installments.AsNoTracking().Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync();
            Assert.NotEmpty(installments);
            Assert.True(loan!.HeldCredit > 0m || installments.Any(i => i.PaidPrincipal > 0m), "the first payment left a mark to compare");
            return
            [
                JsonSerializer.Serialize(new { intent!.Intent, intent.Loan, intent.OnFile, intent.HasMobile, intent.HasEmail, intent.Language, intent.Choices }),
                JsonSerializer.Serialize(new { missing }),
                JsonSerializer.Serialize(new { loan.Loan, loan.EarlierId, loan.ProductCode, loan.Promotion, loan.HeldCredit, loan.HeldRefundPayable }),
                JsonSerializer.Serialize(new { noLoan, settled, unknown, reply, noReply }),
                JsonSerializer.Serialize(installments),
            ];
        }
    }
}
