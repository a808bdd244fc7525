using AutoFinance.Application.Common;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// A surplus applied as a prepayment: the next instalment stays as it is (its interest runs on the balance before
/// the prepayment), and the instalments after it are re-amortised over the same dates on the principal they carried
/// less the prepayment, with the loan's method and rate. At least one minor unit of principal stays, so a
/// prepayment never becomes a payoff by accident; what cannot be prepaid stays held as overpayment.
/// </summary>
public static class Prepayment
{
    public sealed record Snapshot(int Number, DateOnly DueDate, decimal Payment, decimal Principal, decimal Interest, decimal Fee, decimal Balance);

    /// <summary>Whether the loan's method can be re-amortised from its booked terms.</summary>
    public static bool Supports(string method) => RepaymentMethodNames.Parse(method) is { } m && m != RepaymentMethod.FlatFee;

    /// <summary>Applies up to <paramref name="surplus"/>; returns what was prepaid and the instalments as they were.</summary>
    public static (decimal Prepaid, string? ScheduleBeforeJson) Apply(LoanRow loan, IReadOnlyList<InstallmentRow> installments, decimal surplus, DateOnly on, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(installments);
        var future = installments.Where(i => i.DueDate > on).OrderBy(i => i.Number).ToList();
        if (future.Count < 2 || !Supports(loan.Method) || surplus <= 0m)
        {
            return (0m, null);
        }

        var next = future[0];
        var rest = future.Skip(1).ToList();
        if (rest.Any(i => i.PaidPrincipal != 0m || i.PaidInterest != 0m || i.PaidFee != 0m))
        {
            return (0m, null);
        }

        var restPrincipal = rest.Sum(i => i.Principal);
        var prepaid = Math.Min(surplus, restPrincipal - currency.MinorUnit);
        if (prepaid <= 0m)
        {
            return (0m, null);
        }

        var before = Json.Serialize(future.Select(Snap).ToList());
        var method = RepaymentMethodNames.Parse(loan.Method)!.Value;
        var principal = restPrincipal - prepaid;
        var terms = new LoanTerms
        {
            Principal = principal,
            AnnualRate = loan.AnnualRate,
            TermMonths = rest.Count,
            Method = method,
            StartDate = next.DueDate,
            FirstDueDate = rest[0].DueDate,
            NumberOffset = next.Number,
            BalloonFraction = method == RepaymentMethod.Balloon ? Math.Min(loan.BalloonFraction * loan.Principal / principal, 0.99m) : 0m,
            Currency = currency,
        };
        var schedule = ScheduleBuilder.Build(terms);
        next.Balance = principal;
        foreach (var installment in schedule.Installments)
        {
            var row = rest.Single(i => i.Number == installment.Number);
            row.Plan(row.DueDate, installment.Principal + installment.Interest + row.Fee, installment.Principal, installment.Interest, row.Fee, installment.Balance);
        }

        return (prepaid, before);
    }

    /// <summary>Puts the instalments back as they were before a prepayment.</summary>
    public static void Restore(IReadOnlyList<InstallmentRow> installments, string scheduleBeforeJson)
    {
        ArgumentNullException.ThrowIfNull(installments);
        foreach (var snap in Json.Deserialize<List<Snapshot>>(scheduleBeforeJson) ?? [])
        {
            var row = installments.Single(i => i.Number == snap.Number);
            row.Plan(snap.DueDate, snap.Payment, snap.Principal, snap.Interest, snap.Fee, snap.Balance);
        }
    }

    /// <summary>An instalment as planned, to be put back by <see cref="Restore"/>.</summary>
    public static Snapshot Snap(InstallmentRow i) => new(i.Number, i.DueDate, i.Payment, i.Principal, i.Interest, i.Fee, i.Balance);
}
