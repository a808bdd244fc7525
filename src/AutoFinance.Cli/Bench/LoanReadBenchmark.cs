using System.Net.Http.Headers;
using System.Net.Http.Json;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;

namespace AutoFinance.Cli.Bench;

/// <summary>
/// <c>GET /api/v1/loans/{id}</c> read by staff, of a loan five years into a 60-month plan: 1,800 daily interest
/// accruals, 60 payments and their entries, booked straight into the platform's SQLite database.
/// </summary>
public static class LoanReadBenchmark
{
    public const int Accruals = 1_800;
    public const int PaymentCount = 60;

    /// <summary>
    /// Untimed reads before the timed ones, long enough for tiered compilation to finish with the read's path: a server
    /// that has run for a while has none of that left, and at two seconds its compilations still fell into the timed reads.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    /// <summary>The figures of a run; <paramref name="HostMillisecondsPerRead"/> is the host's processor time over the timed reads, per read.</summary>
    public sealed record Figures(string Database, string Client, int Accruals, int Payments, int Entries, long ResponseBytes, HttpLoad.Figures Reads, double HostMillisecondsPerRead = 0);

    /// <summary>Runs the reads; <paramref name="bodyFile"/>, when given, receives the first answer's body, so two builds' answers can be compared.</summary>
    public static async Task<Figures> RunAsync(string webDll, int clients, TimeSpan duration, string? wrk, string? bodyFile, CancellationToken ct)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"autofinance-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            var file = Path.Combine(directory, "bench.db");
            await using var host = await HostProcess.StartAsync(webDll, "Sqlite", $"Data Source={file}", Path.Combine(directory, "keys")).ConfigureAwait(false);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
            Guid loanId;
            int entries;
            await using (var db = CobBenchmark.Open("sqlite", $"Data Source={file}"))
            {
                (loanId, entries) = await SeedAsync(db, today, ct).ConfigureAwait(false);
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using var http = new HttpClient { BaseAddress = host.Address };
            var signIn = await http.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName = "admin", password = "demo-password-2026" }, ct).ConfigureAwait(false);
            signIn.EnsureSuccessStatusCode();
            var token = (await signIn.Content.ReadFromJsonAsync<TokenAnswer>(ct).ConfigureAwait(false))!.AccessToken;
            var path = $"/api/v1/loans/{loanId}";
            using var first = new HttpRequestMessage(HttpMethod.Get, path);
            first.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await http.SendAsync(first, ct).ConfigureAwait(false);
            answer.EnsureSuccessStatusCode();
            var body = await answer.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (bodyFile is not null)
            {
                await File.WriteAllBytesAsync(bodyFile, body, ct).ConfigureAwait(false);
            }

            HttpRequestMessage Read(long _)
            {
                var message = new HttpRequestMessage(HttpMethod.Get, path);
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return message;
            }

            await host.WarmUpAsync(WarmUp, time => HttpLoad.RunAsync("warm-up", host.Address, clients, time, Read)).ConfigureAwait(false);
            var before = host.ProcessorTime;
            var reads = wrk is not null
                ? await WrkLoad.RunAsync(wrk, "GET " + path, host.Address, clients, duration, directory, path, bearer: token).ConfigureAwait(false)
                : await HttpLoad.RunAsync("GET " + path, host.Address, clients, duration, Read).ConfigureAwait(false);
            var processor = host.ProcessorTime - before;
            return new Figures("sqlite", wrk is null ? "dotnet" : "wrk", Accruals, PaymentCount, entries, body.LongLength, reads,
                reads.Requests <= 0 ? 0 : Math.Round(processor.TotalMilliseconds / reads.Requests, 3));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Books a 60-month annuity started 1,800 days before <paramref name="today"/>, closed to yesterday: its disbursement,
    /// one interest accrual a day (each instalment's interest spread over the days of its period, the last day taking
    /// the remainder), and 60 payments — one for each instalment fallen due, in full on its due date, and the rest
    /// of the 60 as small amounts held as credit.
    /// </summary>
    public static async Task<(Guid LoanId, int Entries)> SeedAsync(AutoFinanceDbContext db, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var start = today.AddDays(-Accruals);
        var terms = new LoanTerms { Principal = 150_000m, AnnualRate = 0.0599m, TermMonths = 60, Method = RepaymentMethod.Annuity, StartDate = start };
        var schedule = ScheduleBuilder.Build(terms);
        var currency = Currency.Cny;
        var now = DateTimeOffset.UtcNow;
        var loan = new LoanRow
        {
            Id = Guid.CreateVersion7(),
            Reference = "LNREAD0001",
            ContractId = Guid.CreateVersion7(),
            ApplicationId = Guid.CreateVersion7(),
            CustomerId = Guid.CreateVersion7(),
            Principal = terms.Principal,
            AnnualRate = terms.AnnualRate,
            TermMonths = terms.TermMonths,
            Method = "annuity",
            StartDate = start,
            Currency = currency.Code,
            Status = AutoFinance.Domain.Servicing.Loans.LoanStatus.Active,
            BookedAt = now,
            LastCloseDate = today.AddDays(-1),
        };
        loan.Partition = CobPartitions.Next();
        var installments = new List<InstallmentRow>();
        var journal = new List<JournalEntryRow> { LoanBooking.ToRow(loan.Id, LoanPostings.Disbursement(start, Money.Of(terms.Principal, currency)), now) };
        var payments = new List<PaymentRow>();
        var periodStart = start;
        var accrued = 0;
        foreach (var row in schedule.Installments)
        {
            var fallenDue = row.DueDate < today;
            installments.Add(new InstallmentRow
            {
                LoanId = loan.Id,
                Number = row.Number,
                DueDate = row.DueDate,
                Payment = row.Payment,
                Principal = row.Principal,
                Interest = row.Interest,
                Fee = row.Fee,
                Balance = row.Balance,
                PaidPrincipal = fallenDue ? row.Principal : 0m,
                PaidInterest = fallenDue ? row.Interest : 0m,
                InterestAccrued = fallenDue,
                AccruedInterest = fallenDue ? row.Interest : 0m,
            });
            var days = row.DueDate.DayNumber - periodStart.DayNumber;
            var daily = Math.Floor(row.Interest * 100m / days) / 100m;
            for (var d = 1; d <= days && accrued < Accruals; d++, accrued++)
            {
                var amount = d == days ? row.Interest - (daily * (days - 1)) : daily;
                if (amount > 0m)
                {
                    journal.Add(LoanBooking.ToRow(loan.Id, LoanPostings.InterestAccrual(periodStart.AddDays(d), Money.Of(amount, currency)), now));
                }
            }

            if (fallenDue)
            {
                payments.Add(Payment(loan.Id, row.DueDate, row.Payment, now));
                journal.Add(LoanBooking.ToRow(loan.Id, JournalEntry.Create(row.DueDate, JournalEventKind.Payment, "Payment received", currency,
                [
                    JournalLine.Debit(LedgerAccount.CashClearing, row.Payment),
                    JournalLine.Credit(LedgerAccount.InterestReceivable, row.Interest),
                    JournalLine.Credit(LedgerAccount.LoanPrincipalReceivable, row.Principal),
                ]), now));
            }

            periodStart = row.DueDate;
        }

        for (var extra = payments.Count; extra < PaymentCount; extra++)
        {
            var on = today.AddDays(-1 - extra);
            payments.Add(Payment(loan.Id, on, 10m, now));
            journal.Add(LoanBooking.ToRow(loan.Id, JournalEntry.Create(on, JournalEventKind.Payment, "Payment received", currency,
                [JournalLine.Debit(LedgerAccount.CashClearing, 10m), JournalLine.Credit(LedgerAccount.CustomerOverpayment, 10m)]), now));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, [loan], ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, installments, ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, payments, ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, journal, ct).ConfigureAwait(false);
        await BulkInsert.InsertAsync(db, [.. journal.SelectMany(e => e.Lines)], ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return (loan.Id, journal.Count);
    }

    private static PaymentRow Payment(Guid loanId, DateOnly on, decimal amount, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        LoanId = loanId,
        Amount = amount,
        PaidOn = on,
        ReceivedAt = now,
        Actor = "bench",
        ResponseJson = "{}",
    };

    private sealed record TokenAnswer(string AccessToken);
}
