using System.Data;
using System.Runtime.CompilerServices;
using AutoFinance.Application.Servicing;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// A posting's reads of the loan store on SQLite (the stored reply under a key, the instalments), each a statement
/// prepared once per native connection (<see cref="SqliteStatements"/>) and read by hand, reading what EF's compiled
/// queries read, the same way. Taken only while the context's connection is held open (a payment callback holds it);
/// otherwise, and on PostgreSQL, each answers that it cannot, and the store asks EF.
/// </summary>
internal static class PostingReadsOnSqlite
{
    private static readonly ConditionalWeakTable<SqliteRowReader, string> InstallmentTexts = [];

    private static sqlite3? Open(AutoFinanceDbContext db) =>
        db.Database.GetDbConnection() is SqliteConnection { State: ConnectionState.Open, Handle: { } handle } ? handle : null;

    /// <summary>The reply stored with the loan's payment under the key; <c>Found: false</c> when this cannot read it.</summary>
    public static (bool Found, StoredReply? Reply) Reply(AutoFinanceDbContext db, Guid loanId, string key)
    {
        if (Open(db) is not { } handle || SqliteRowReader.For(db, typeof(PaymentRow)) is not { } payments)
        {
            return (false, null);
        }

        using var lease = SqliteStatements.Rent(handle, $"""
            SELECT "p"."ResponseJson", "p"."RequestHash" FROM "{payments.Table}" AS "p" WHERE "p"."LoanId" = ?1 AND "p"."IdempotencyKey" = ?2 LIMIT 1
            """);
        var s = lease.Statement;
        lease.Check(SqliteColumns.BindGuid(s, 1, loanId));
        lease.Check(SqliteColumns.BindText(s, 2, key));
        return lease.Step()
            ? (true, new StoredReply(SqliteColumns.IsNull(s, 0) ? null! : SqliteColumns.Text(s, 0), SqliteColumns.IsNull(s, 1) ? null : SqliteColumns.Text(s, 1)))
            : (true, null);
    }

    /// <summary>The loan's instalments (untracked) in order; null when this cannot read them.</summary>
    public static List<InstallmentRow>? Installments(AutoFinanceDbContext db, Guid loanId)
    {
        if (Open(db) is not { } handle || SqliteRowReader.For(db, typeof(InstallmentRow)) is not { } installments)
        {
            return null;
        }

        var rows = new List<InstallmentRow>();
        using var lease = SqliteStatements.Rent(handle, InstallmentTexts.GetValue(installments, i => $"""
            SELECT {i.Select("i")} FROM "{i.Table}" AS "i" WHERE "i"."LoanId" = ?1 ORDER BY "i"."Number"
            """));
        lease.Check(SqliteColumns.BindGuid(lease.Statement, 1, loanId));
        while (lease.Step())
        {
            rows.Add(installments.Read<InstallmentRow>(lease.Statement, 0));
        }

        return rows;
    }
}
