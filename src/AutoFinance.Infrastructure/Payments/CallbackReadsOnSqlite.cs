using System.Data;
using System.Runtime.CompilerServices;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Notifications;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// A successful callback's reads on SQLite, each a statement prepared once per native connection
/// (<see cref="SqliteStatements"/>) and read by hand (<see cref="SqliteRowReader"/>), reading what the compiled EF
/// queries read (<see cref="CallbackIntentRead"/>, <see cref="IntentLoanRead"/>) the same way: EF made each a command
/// SQLite parsed and planned anew. Taken only while the context's connection is held open (a callback holds it for
/// its whole run); otherwise, and on PostgreSQL, each answers null and the caller asks EF.
/// </summary>
internal static class CallbackReadsOnSqlite
{
    private const string Overpayment = nameof(LedgerAccount.CustomerOverpayment);
    private const string Refund = nameof(LedgerAccount.RefundPayable);
    private const string Credit = nameof(EntrySide.Credit);

    // Each statement's text, built once per model's reader.
    private static readonly ConditionalWeakTable<SqliteRowReader, string> SuccessTexts = [];
    private static readonly ConditionalWeakTable<SqliteRowReader, string> ChoiceTexts = [];
    private static readonly ConditionalWeakTable<SqliteRowReader, string> LoanTexts = [];

    /// <summary>The context's native connection while it is open on SQLite; null otherwise.</summary>
    public static sqlite3? Open(AutoFinanceDbContext db) =>
        db.Database.GetDbConnection() is SqliteConnection { State: ConnectionState.Open, Handle: { } handle } ? handle : null;

    /// <summary>
    /// The intent a success names with its loan's names and its customer as recipient (the intent tracked), as
    /// <see cref="CallbackIntentRead.ForSuccessAsync"/> reads it; <c>Found: false</c> when this cannot read it.
    /// </summary>
    public static (bool Found, CallbackIntentRead? Read) Success(AutoFinanceDbContext db, Guid intentId, string provider)
    {
        if (Open(db) is not { } handle || SqliteRowReader.For(db, typeof(PaymentIntentRow)) is not { } intents
            || SqliteRowReader.For(db, typeof(NotificationPreferenceRow)) is not { } choices || db.ChangeTracker.Entries<PaymentIntentRow>().Any())
        {
            return (false, null);
        }

        var sql = SuccessTexts.GetValue(intents, SuccessText);
        PaymentIntentRow intent;
        CallbackIntentRead.LoanNames? loan = null;
        bool onFile, hasMobile, hasEmail;
        string? language;
        using (var lease = SqliteStatements.Rent(handle, sql))
        {
            var s = lease.Statement;
            lease.Check(SqliteColumns.BindGuid(s, 1, intentId));
            lease.Check(SqliteColumns.BindText(s, 2, provider));
            if (!lease.Step())
            {
                return (true, null);
            }

            intent = intents.Read<PaymentIntentRow>(s, 0);
            var at = intents.Width;
            if (!SqliteColumns.IsNull(s, at))
            {
                loan = new CallbackIntentRead.LoanNames(SqliteColumns.Guid(s, at + 1), SqliteColumns.Text(s, at + 2), SqliteColumns.Text(s, at + 3));
            }

            onFile = SqliteColumns.Boolean(s, at + 4);
            hasMobile = SqliteColumns.Boolean(s, at + 5);
            hasEmail = SqliteColumns.Boolean(s, at + 6);
            language = SqliteColumns.IsNull(s, at + 7) ? null : SqliteColumns.Text(s, at + 7);
        }

        var chosen = new List<NotificationPreferenceRow>();
        if (loan is not null)
        {
            using var lease = SqliteStatements.Rent(handle, ChoiceTexts.GetValue(choices, c => $"""SELECT {c.Select("p")} FROM "{c.Table}" AS "p" WHERE "p"."CustomerId" = ?1"""));
            lease.Check(SqliteColumns.BindGuid(lease.Statement, 1, loan.CustomerId));
            while (lease.Step())
            {
                chosen.Add(choices.Read<NotificationPreferenceRow>(lease.Statement, 0));
            }
        }

        db.Set<PaymentIntentRow>().Attach(intent);
        return (true, new CallbackIntentRead
        {
            Intent = intent,
            Loan = loan,
            OnFile = onFile,
            HasMobile = hasMobile,
            HasEmail = hasEmail,
            Language = language,
            Choices = chosen,
        });
    }

    /// <summary>
    /// The loan (untracked) with its credit held and product's names, as <see cref="IntentLoanRead.ForAsync"/> reads it
    /// for a request without an Idempotency-Key; <c>Found: false</c> when this cannot read it.
    /// </summary>
    public static (bool Found, IntentLoanRead? Read) Loan(AutoFinanceDbContext db, Guid loanId)
    {
        if (Open(db) is not { } handle || SqliteRowReader.For(db, typeof(LoanRow)) is not { } loans
            || db.Model.FindEntityType(typeof(JournalLineRow))?.FindProperty(nameof(JournalLineRow.Amount)) is not { } amount
            || amount.GetTypeMapping().Converter is not ScaledDecimalConverter || amount.GetScale() is not { } scale)
        {
            return (false, null);
        }

        var sql = LoanTexts.GetValue(loans, LoanText);
        using var lease = SqliteStatements.Rent(handle, sql);
        var s = lease.Statement;
        lease.Check(SqliteColumns.BindGuid(s, 1, loanId));
        if (!lease.Step())
        {
            return (true, null);
        }

        var at = loans.Width;
        return (true, new IntentLoanRead
        {
            Loan = loans.Read<LoanRow>(s, 0),
            ProductCode = SqliteColumns.IsNull(s, at) ? null : SqliteColumns.Text(s, at),
            Promotion = SqliteColumns.IsNull(s, at + 1) ? null : SqliteColumns.Text(s, at + 1),
            HeldCredit = SqliteColumns.IsNull(s, at + 2) ? 0m : SqliteColumns.Scaled(s, at + 2, scale),
            HeldRefundPayable = SqliteColumns.IsNull(s, at + 3) ? 0m : SqliteColumns.Scaled(s, at + 3, scale),
        });
    }

    /// <summary>The intent's status as stored now (Pending when it is not on file, as EF's read answers); null when this cannot read it.</summary>
    public static PaymentIntentStatus? Status(AutoFinanceDbContext db, Guid intentId)
    {
        if (Open(db) is not { } handle || db.Model.FindEntityType(typeof(PaymentIntentRow)) is not { } entity
            || entity.FindProperty(nameof(PaymentIntentRow.Status)) is not { } status
            || ((RelationalTypeMapping)status.GetRelationalTypeMapping()).Converter is not ValueConverter { ProviderClrType: var stored } converter || stored != typeof(string))
        {
            return null;
        }

        using var lease = SqliteStatements.Rent(handle, $"""SELECT "Status" FROM "{entity.GetTableName()}" WHERE "Id" = ?1 LIMIT 1""");
        lease.Check(SqliteColumns.BindGuid(lease.Statement, 1, intentId));
        return lease.Step() ? (PaymentIntentStatus)converter.ConvertFromProvider(SqliteColumns.Text(lease.Statement, 0))! : default;
    }

    private static string SuccessText(SqliteRowReader intents) => $"""
            SELECT {intents.Select("i")}, "l"."Id", "l"."CustomerId", "l"."Reference", "l"."Currency",
                EXISTS (SELECT 1 FROM "customers" AS "c" WHERE "c"."Id" = "l"."CustomerId"),
                EXISTS (SELECT 1 FROM "customers" AS "c" WHERE "c"."Id" = "l"."CustomerId" AND "c"."MobileCipher" <> ''),
                EXISTS (SELECT 1 FROM "customers" AS "c" WHERE "c"."Id" = "l"."CustomerId" AND "c"."EmailCipher" IS NOT NULL),
                (SELECT "a"."Language" FROM "applications" AS "a" WHERE "a"."CustomerId" = "l"."CustomerId" ORDER BY "a"."SubmittedAt" DESC LIMIT 1)
            FROM "{intents.Table}" AS "i"
            LEFT JOIN "loans" AS "l" ON "i"."LoanId" = "l"."Id"
            WHERE "i"."Id" = ?1 AND "i"."Provider" = ?2
            LIMIT 1
            """;

    private static string LoanText(SqliteRowReader loans) => $"""
            SELECT {loans.Select("l")},
                (SELECT "a"."ProductCode" FROM "applications" AS "a" WHERE "a"."Id" = "l"."ApplicationId" LIMIT 1),
                (SELECT "o"."PromotionName" FROM "contracts" AS "c" INNER JOIN "offers" AS "o" ON "c"."OfferId" = "o"."Id" WHERE "c"."Id" = "l"."ContractId" LIMIT 1),
                ({Held(Overpayment)}),
                ({Held(Refund)})
            FROM "{loans.Table}" AS "l"
            WHERE "l"."Id" = ?1
            LIMIT 1
            """;

    /// <summary>A loan's balance of the account as CustomerCredit.OfLoans sums it, over the lines its filtered index holds (null when none).</summary>
    private static string Held(string account) => $"""
            SELECT SUM(CASE WHEN "j"."Account" = '{account}' THEN CASE WHEN "j"."Side" = '{Credit}' THEN "j"."Amount" ELSE -"j"."Amount" END END)
                FROM "journal_lines" AS "j" WHERE {CustomerCredit.LinesFilter} AND "j"."LoanId" = "l"."Id"
            """;
}
