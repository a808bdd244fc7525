using System.Globalization;
using System.Text;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>
/// The back-office lists as CSV: every row (read a page at a time, never cut short), no personal data, and one audit
/// entry per export saying who took it and how many rows it held.
/// </summary>
public static class ListExports
{
    private const int Batch = 500;

    public static async Task<IResult> LoansAsync(string? sort, HttpContext http, LoanQueries loans, AutoFinanceDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ListAnswers.UnknownSort(sort, LoanQueries.Sorts) is { } unknown)
        {
            return unknown;
        }

        var actor = http.User.ToActor();
        var csv = new StringBuilder("reference,status,principal,annualRatePercent,termMonths,method,startDate,daysPastDue,bucket\n");
        var rows = 0;
        for (var page = 1; ; page++)
        {
            var batch = await loans.PageAsync(actor, page, Batch, sort, ct).ConfigureAwait(false);
            foreach (var l in batch.Items)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{ListHeaders.Csv(l.Reference)},{l.Status},{l.Principal:0.00},{l.AnnualRate:0.####},{l.TermMonths},{l.Method},{l.StartDate:yyyy-MM-dd},{l.DaysPastDue},{l.Bucket}\n");
            }

            rows += batch.Items.Count;
            if (page >= batch.Pages)
            {
                break;
            }
        }

        return await ListAnswers.AuditedCsvAsync(db, time, actor.AuditName, "loans", rows, csv.ToString(), ct).ConfigureAwait(false);
    }

    public static async Task<IResult> ApplicationsAsync(string? status, string? sort, HttpContext http, ApplicationQueries applications, AutoFinanceDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (ListAnswers.UnknownSort(sort, ApplicationQueries.Sorts) is { } unknown)
        {
            return unknown;
        }

        var actor = http.User.ToActor();
        var csv = new StringBuilder("reference,channel,status,grade,score,submittedAt,vehiclePrice,downPayment,termMonths\n");
        var rows = 0;
        for (var page = 1; ; page++)
        {
            var batch = await applications.PageAsync(actor, status, page, Batch, sort, ct).ConfigureAwait(false);
            foreach (var a in batch.Items)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{ListHeaders.Csv(a.Reference)},{a.Channel},{a.Status},{a.RiskGrade},{a.Score:0.##},{a.SubmittedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{a.VehiclePrice:0.00},{a.DownPayment:0.00},{a.TermMonths}\n");
            }

            rows += batch.Items.Count;
            if (page >= batch.Pages)
            {
                break;
            }
        }

        return await ListAnswers.AuditedCsvAsync(db, time, actor.AuditName, "applications", rows, csv.ToString(), ct).ConfigureAwait(false);
    }
}
