using System.Globalization;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Messaging;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Auth;

using AutoFinance.Web.Lists;

namespace AutoFinance.Web.Api;

/// <summary>End-of-day runs and status, the customer's inbox, and collections: worklist, assignment and contacts.</summary>
public static class ServicingEndpoints
{
    /// <summary>A run of end-of-day; a field it does not know (a misspelled date, say) is refused rather than taken as "today".</summary>
    [System.Text.Json.Serialization.JsonUnmappedMemberHandling(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
    public sealed record CobInput(DateOnly? BusinessDate);

    public sealed record AssignInput(IReadOnlyList<string>? Collectors);

    public static void Map(IEndpointRouteBuilder routes)
    {
        var cob = routes.MapGroup("/api/v1/cob").WithTags("End of day").RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        cob.MapGet("/{date}", async (string date, AutoFinanceDbContext db, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return Problems.Field("date", "must be a date as YYYY-MM-DD");
                }

                return Results.Ok(await EndOfDayStatus.OfAsync(db, day, ct).ConfigureAwait(false));
            })
            .WithSummary("Where end-of-day stands for a date: its partitions and the loans still to close").Produces<EndOfDayStatus.Report>();
        cob.MapPost("/", async (HttpContext http, EndOfDay endOfDay, TimeProvider time, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<CobInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
                var date = body.Value?.BusinessDate ?? today;
                if (Application.Servicing.BusinessDay.CloseDateError("businessDate", date, today) is { } problem)
                {
                    return Problems.Validation([problem]);
                }

                return Results.Ok(await endOfDay.RunAsync(date, new CobOptions { Worker = $"web:{Environment.MachineName}" }, ct).ConfigureAwait(false));
            })
            .WithSummary("Run end-of-day for a business date (default today); safe to rerun, shares the work with other workers")
            .Accepts<CobInput>("application/json").Produces<EndOfDay.Result>().ProducesValidationProblem();

        routes.MapGet("/api/v1/messages", async (Guid? customerId, int? page, int? pageSize, HttpContext http, MessageQueries messages, CancellationToken ct) =>
            {
                var (number, size) = Infrastructure.Search.ListPage<MessageQueries.MessageView>.Normalise(page, pageSize, 100, 500);
                return ListHeaders.Page(http, Infrastructure.Search.ListPage<MessageQueries.MessageView>.Of(await messages.InboxAsync(http.User.ToActor(), customerId, ct).ConfigureAwait(false), number, size));
            })
            .WithTags("Messages").RequireAuthorization()
            .WithSummary("In-app messages received, newest first (a customer's own; staff give customerId); a page at a time (page, pageSize up to 500) with the total in X-Total-Count").Produces<IReadOnlyList<MessageQueries.MessageView>>();

        var collections = routes.MapGroup("/api/v1/collections").WithTags("Collections")
            .RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.Manager, Roles.Admin));
        collections.MapList("/worklist", BackOfficeLists.Worklist, ReadWorklist,
            "Delinquent accounts by priority (amount at risk × roll-forward probability) with the strategy's action; mine=true for your own; status= a bucket", 200);
        collections.MapListExport("/worklist/export.csv", BackOfficeLists.Worklist, ReadWorklist).RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin));
        collections.MapGet("/roll-rates", async (CollectionsService service, CancellationToken ct) =>
                Results.Ok(RollRatesView.Of(await service.RollRatesAsync(ct).ConfigureAwait(false))))
            .WithSummary("The month-on-month roll rates the worklist ranks by, measured from the book's end-of-day history (assumed for a bucket with too few moves)")
            .Produces<IReadOnlyList<RollRatesView>>();
        collections.MapPost("/assign", async (HttpContext http, CollectionsService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<AssignInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                return Problems.From(await service.AssignAsync(http.User.ToActor(), body.Value?.Collectors, ct).ConfigureAwait(false), a => Results.Ok(a), "worklist");
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Manager, Roles.Admin))
            .WithSummary("Share the worklist among collectors, balanced by count").Accepts<AssignInput>("application/json").ProducesValidationProblem();

        var contacts = routes.MapGroup("/api/v1/loans/{id:guid}/contacts").WithTags("Collections")
            .RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.ServiceAgent, Roles.Manager, Roles.Admin));
        contacts.MapGet("/", async (Guid id, HttpContext http, CollectionsService service, CancellationToken ct) =>
                await service.ContactsAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } list ? Results.Ok(list) : Problems.NotFound("loan"))
            .WithSummary("A loan's contact history with promises to pay judged against the payments since").Produces<IReadOnlyList<CollectionsService.ContactView>>();
        contacts.MapPost("/", async (Guid id, HttpContext http, CollectionsService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadAsync<CollectionsService.ContactInput>(http.Request, ct).ConfigureAwait(false);
                if (body.Error is { } error)
                {
                    return Problems.Validation([error]);
                }

                var result = await service.RecordContactAsync(http.User.ToActor(), id, body.Value ?? new CollectionsService.ContactInput(null, null, null, null, null), ct).ConfigureAwait(false);
                return Problems.From(result, c => Results.Created($"/api/v1/loans/{id}/contacts", c), "loan");
            })
            .WithSummary("Record a contact (call, sms, visit, letter) with its outcome code; PTP needs a promised amount and date")
            .Accepts<CollectionsService.ContactInput>("application/json").ProducesValidationProblem().ProducesProblem(404);

        var debtor = routes.MapGroup("/api/v1/loans/{id:guid}/debtor").WithTags("Collections")
            .RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.ServiceAgent, Roles.Manager, Roles.Admin));
        debtor.MapGet("/", async (Guid id, HttpContext http, DebtorContacts debtors, CancellationToken ct) =>
                await debtors.MaskedAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } view ? Results.Ok(view) : Problems.NotFound("loan"))
            .WithSummary("The debtor's name and mobile, the mobile masked (138****1234)").Produces<DebtorContacts.DebtorView>();
        debtor.MapPost("/reveal", async (Guid id, HttpContext http, DebtorContacts debtors, CancellationToken ct) =>
                Problems.From(await debtors.RevealAsync(http.User.ToActor(), id, ct).ConfigureAwait(false), v => Results.Ok(v), "loan"))
            .RequireAuthorization(p => p.RequireRole(Roles.Collector, Roles.Manager, Roles.Admin))
            .WithSummary("The debtor's whole mobile number; each reveal is audited (who and which loan, never the number)").Produces<DebtorContacts.DebtorView>().ProducesProblem(404);
    }

    /// <summary>One bucket's row of the measured roll rates.</summary>
    public sealed record RollRatesView(string Bucket, decimal RollForward, int Moves, bool Measured, int Months)
    {
        public static IReadOnlyList<RollRatesView> Of(Domain.Servicing.Collections.MeasuredRollRates rates) =>
            [.. rates.Matrix.Buckets.All.Select(b => new RollRatesView(b.Name, rates.Matrix.RollForward(b.Name), rates.Observations.GetValueOrDefault(b.Name), rates.Measured.Contains(b.Name), rates.Months))];
    }

    private static async Task<IEnumerable<CollectionsService.WorklistEntry>> ReadWorklist(HttpContext http, Infrastructure.Search.ListAsk ask, CancellationToken ct) =>
        await http.RequestServices.GetRequiredService<CollectionsService>().WorklistAsync(http.User.ToActor(), http.Request.Query["mine"] == "true", ct).ConfigureAwait(false);
}
