using AutoFinance.Infrastructure.Servicing;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>Booked loans: schedule and balances from the ledger; staff also see every journal entry.</summary>
public static class LoanEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/loans").WithTags("Loans").RequireAuthorization();
        group.MapGet("/", async (HttpContext http, LoanQueries loans, CancellationToken ct) => Results.Ok(await loans.ListAsync(http.User.ToActor(), ct).ConfigureAwait(false)))
            .WithSummary("The loans visible to you").Produces<IReadOnlyList<LoanQueries.LoanSummary>>();
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, LoanQueries loans, CancellationToken ct) =>
                await loans.GetAsync(http.User.ToActor(), id, ct).ConfigureAwait(false) is { } loan ? Results.Ok(loan) : Problems.NotFound("loan"))
            .WithSummary("A loan with its schedule, ledger balances and trial balance").Produces<LoanQueries.LoanView>().ProducesProblem(404);
    }
}
