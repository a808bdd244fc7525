using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Hardship plans through the loan aggregate (<see cref="Domain.Servicing.Loans.Loan.GrantHardship"/>): a payment
/// holiday (interest capitalised), a term extension, or a re-amortisation from today. Here: staff only, input checks,
/// and the plan row that keeps the schedule it replaced.
/// </summary>
public sealed class HardshipCommands(AutoFinanceDbContext db, TimeProvider time)
{
    public const string Holiday = "payment-holiday";
    public const string Extension = "term-extension";
    public const string Reamortise = "re-amortisation";

    public sealed record HardshipInput(string? Kind, int? Installments, int? Months, string? Reason);

    public sealed record HardshipView(Guid PlanId, Guid LoanId, string Kind, decimal OutstandingPrincipal, decimal CapitalisedInterest, decimal PreviousPayment, decimal NewPayment, DateOnly PreviousMaturity, DateOnly NewMaturity, int Installments);

    public async Task<CommandResult<HardshipView>> ApplyAsync(Actor actor, Guid loanId, HardshipInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var loan = await db.Loans.FirstOrDefaultAsync(l => l.Id == loanId, ct).ConfigureAwait(false);
        if (loan is null || !actor.IsStaff)
        {
            return CommandResult<HardshipView>.NotFound();
        }

        var kind = input.Kind?.Trim().ToLowerInvariant();
        var errors = new List<Domain.Validation.FieldError>();
        if (kind is not (Holiday or Extension or Reamortise))
        {
            errors.Add(new("kind", $"must be {Holiday}, {Extension} or {Reamortise}"));
        }
        else if (kind == Holiday && input.Installments is not (>= 1 and <= 6))
        {
            errors.Add(new("installments", "a payment holiday skips 1 to 6 instalments"));
        }
        else if (kind != Holiday && input.Months is not (>= 1 and <= 120))
        {
            errors.Add(new("months", kind == Extension ? "a term extension adds 1 to 120 months" : "a re-amortisation runs 1 to 120 months"));
        }

        if (input.Reason?.Trim() is not { Length: >= 3 and <= 500 })
        {
            errors.Add(new("reason", "must say why, in 3 to 500 characters"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<HardshipView>.Invalid(errors);
        }

        if (loan.Status != LoanStatus.Active)
        {
            return CommandResult<HardshipView>.Conflict($"the loan is {loan.Status}");
        }

        var rows = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var payments = await db.Payments.Where(p => p.LoanId == loanId && p.Status == "posted").OrderBy(p => p.PaidOn).ThenBy(p => p.ReceivedAt).ToListAsync(ct).ConfigureAwait(false);
        var restructuredOn = await db.HardshipPlans.Where(h => h.LoanId == loanId).Select(h => (DateOnly?)h.EffectiveOn).MaxAsync(ct).ConfigureAwait(false);
        var held = await CustomerCredit.HeldAsync(db, loanId, ct).ConfigureAwait(false);
        var aggregate = LoanMapping.ToAggregate(loan, rows, payments, held, ServicingTerms.Default, restructuredOn);
        var before = Json.Serialize(rows.Where(r => !r.IsPaid).Select(r => LoanMapping.StateOf(r).Plan).ToList());
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var granted = aggregate.GrantHardship(
            kind switch { Holiday => HardshipKind.PaymentHoliday, Extension => HardshipKind.TermExtension, _ => HardshipKind.Reamortisation },
            kind == Holiday ? input.Installments!.Value : input.Months!.Value,
            today,
            $"{kind} granted");
        if (!granted.Succeeded)
        {
            return CommandResult<HardshipView>.From(granted.Error!);
        }

        var adjustment = granted.Value!;
        var capitalised = adjustment.CapitalisedInterest;
        var now = time.GetUtcNow();
        LoanMapping.CopyBack(aggregate, loan, rows, db);
        db.JournalEntries.AddRange(granted.Entries.Select(e => LoanBooking.ToRow(loanId, e, now)));
        loan.Version++;
        var plan = new HardshipPlanRow
        {
            Id = Guid.CreateVersion7(now),
            LoanId = loanId,
            Kind = kind!,
            ParametersJson = Json.Serialize(new { input.Installments, input.Months, Reason = input.Reason!.Trim() }),
            ScheduleBeforeJson = before,
            EffectiveOn = today,
            Actor = actor.AuditName,
            CreatedAt = now,
        };
        db.HardshipPlans.Add(plan);
        try
        {
            await AuditLog.SaveWithAsync(db, [new AuditEvent(actor.AuditName, "loan.hardship", "loan", loanId.ToString(), new { plan.Id, kind, capitalised, adjustment.NewPayment, adjustment.NewMaturity })], now, ct).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandResult<HardshipView>.Conflict("the loan changed while the plan was being applied; try again");
        }

        return CommandResult<HardshipView>.Ok(new HardshipView(plan.Id, loanId, kind!, adjustment.OutstandingPrincipal, capitalised, adjustment.PreviousPayment, adjustment.NewPayment,
            adjustment.PreviousMaturity, adjustment.NewMaturity, rows.Count(r => !r.IsPaid)));
    }
}
