using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Hardship;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Hardship plans: a payment holiday (interest capitalised), a term extension, or a re-amortisation from today; each
/// replaces the instalments after the last one fully paid with the plan's schedule and posts what moves in the
/// ledger. The interest already accrued on the replaced instalments is brought to what the plan capitalises (more
/// accrued, or the excess reversed because the new instalments charge it again) and the capitalised interest is moved
/// to principal. The plan keeps the schedule it replaced.
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

        if (await db.HardshipPlans.AnyAsync(h => h.LoanId == loanId, ct).ConfigureAwait(false)
            || await db.Payments.AnyAsync(p => p.LoanId == loanId && p.Status == "posted" && p.Prepaid > 0, ct).ConfigureAwait(false))
        {
            return CommandResult<HardshipView>.Conflict("the schedule was already re-planned (a prepayment or an earlier plan); one plan per loan is supported");
        }

        var currency = Currency.FromCode(loan.Currency);
        var rows = await db.Installments.Where(i => i.LoanId == loanId).OrderBy(i => i.Number).ToListAsync(ct).ConfigureAwait(false);
        var booked = ScheduleBuilder.Build(new LoanTerms
        {
            Principal = loan.Principal,
            AnnualRate = loan.AnnualRate,
            TermMonths = loan.TermMonths,
            Method = RepaymentMethodNames.Parse(loan.Method) ?? RepaymentMethod.Annuity,
            StartDate = loan.StartDate,
            BalloonFraction = loan.BalloonFraction,
            Currency = currency,
        });
        var paid = rows.TakeWhile(r => r.IsPaid).Count();
        var replaced = rows.Skip(paid).ToList();
        if (replaced.Any(r => r.LateFee != r.PaidLateFee || r.Penalty != r.PaidPenalty || r.Fee != r.PaidFee || r.PaidFee != 0m))
        {
            return CommandResult<HardshipView>.Conflict("late fees, penalty or fees are outstanding on the instalments to re-plan; settle or waive them first");
        }

        var principalPaidSince = replaced.Sum(r => r.PaidPrincipal);
        var interestPaidSince = replaced.Sum(r => r.PaidInterest);
        if (kind != Reamortise && principalPaidSince + interestPaidSince > 0m)
        {
            return CommandResult<HardshipView>.Conflict("part of the next instalment is paid; a re-amortisation takes that into account, a holiday or extension does not");
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var result = kind switch
        {
            Holiday => PaymentHoliday.Apply(booked, paid, input.Installments!.Value),
            Extension => TermExtension.Apply(booked, paid, input.Months!.Value),
            _ => Reamortisation.Apply(booked, paid, today, input.Months!.Value, principalPaidSince, interestPaidSince),
        };
        if (!result.IsValid)
        {
            return CommandResult<HardshipView>.Invalid(result.Errors);
        }

        var schedule = result.Schedule!;
        var adjustment = result.Adjustment!;
        var now = time.GetUtcNow();
        var before = Json.Serialize(replaced.Select(Prepayment.Snap).ToList());
        var entries = new List<JournalEntry>();
        var accrued = replaced.Where(r => r.InterestAccrued).Sum(r => r.Interest - r.PaidInterest);
        var capitalised = adjustment.CapitalisedInterest;
        var description = $"{kind} granted";
        if (capitalised > accrued)
        {
            entries.Add(LoanPostings.InterestAccrual(today, Money.Of(capitalised - accrued, currency), $"Interest to be capitalised by the {description}"));
        }
        else if (accrued > capitalised)
        {
            entries.Add(LoanPostings.InterestReversal(today, Money.Of(accrued - capitalised, currency), $"Accrued interest re-planned by the {description}"));
        }

        if (capitalised > 0m)
        {
            entries.Add(LoanPostings.Capitalisation(today, Money.Of(capitalised, currency), $"Interest capitalised by the {description}"));
        }

        Replace(rows, paid, adjustment, schedule, loanId);
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
        db.JournalEntries.AddRange(entries.Select(e => LoanBooking.ToRow(loanId, e, now)));
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
            adjustment.PreviousMaturity, adjustment.NewMaturity, schedule.Count + adjustment.SkippedInstallments.Count));
    }

    /// <summary>
    /// Rewrites the instalments after the last paid one in place (skipped ones owe nothing, then the plan's rows),
    /// adding rows the plan needs and removing those it no longer has, so instalment numbers stay unique throughout.
    /// </summary>
    private void Replace(List<InstallmentRow> rows, int paid, HardshipAdjustment adjustment, RepaymentSchedule schedule, Guid loanId)
    {
        var planned = adjustment.SkippedInstallments
            .Select(s => new Installment(s.Number, s.DueDate, 0m, 0m, 0m, 0m, adjustment.NewPrincipal))
            .Concat(schedule.Installments)
            .ToList();
        var byNumber = rows.ToDictionary(r => r.Number);
        foreach (var installment in planned)
        {
            if (!byNumber.TryGetValue(installment.Number, out var row))
            {
                row = new InstallmentRow { LoanId = loanId, Number = installment.Number };
                db.Installments.Add(row);
            }

            row.Plan(installment.DueDate, installment.Payment, installment.Principal, installment.Interest, installment.Fee, installment.Balance);
            row.PaidPrincipal = 0m;
            row.PaidInterest = 0m;
            row.PaidFee = 0m;
            row.InterestAccrued = installment.Payment == 0m;
        }

        var kept = planned.Select(p => p.Number).ToHashSet();
        db.Installments.RemoveRange(rows.Skip(paid).Where(r => !kept.Contains(r.Number)));
    }
}
