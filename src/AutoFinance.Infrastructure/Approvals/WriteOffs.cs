using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Servicing.Loans;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Approvals;

/// <summary>
/// Manual write-offs: proposing one (by loan id or loan number) asks a second person through <see cref="ApprovalService"/>;
/// the console lists the proposals in every state and the loans already written off, a page at a time with the total.
/// </summary>
public sealed class WriteOffs(AutoFinanceDbContext db, ApprovalService approvals)
{
    public sealed record WrittenOffLoan(Guid LoanId, string Reference, decimal Principal, int DaysPastDue, string Bucket, DateOnly? LastCloseDate);

    /// <summary>Asks to write an active loan off now; nothing happens until someone else approves.</summary>
    public async Task<CommandResult<ApprovalService.ApprovalView>> ProposeAsync(Actor actor, Guid? loanId, string? reference, string? reason, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var number = reference?.Trim();
        if (loanId is null && string.IsNullOrEmpty(number))
        {
            return CommandResult<ApprovalService.ApprovalView>.Invalid("loan", "name the loan by its number", "field.required");
        }

        var loan = await db.Loans.AsNoTracking().FirstOrDefaultAsync(l => loanId != null ? l.Id == loanId : l.Reference == number, ct).ConfigureAwait(false);
        if (loan is null)
        {
            return loanId is null
                ? CommandResult<ApprovalService.ApprovalView>.Invalid("loan", "no loan has this number", "loan.unknown")
                : CommandResult<ApprovalService.ApprovalView>.NotFound();
        }

        if (loan.Status != LoanStatus.Active)
        {
            return CommandResult<ApprovalService.ApprovalView>.From(Domain.Servicing.Loans.ServicingError.NotActive(loan.Status));
        }

        return await approvals.RequestAsync(actor, ApprovalService.WriteOff, loan.Id.ToString(), new { id = loan.Id }, Application.Common.RecordNote.Of($"write off loan {loan.Reference}", ("loanId", loan.Id.ToString())), reason, ct).ConfigureAwait(false);
    }

    /// <summary>What a person deciding a write-off needs to see of the loan as it stands now.</summary>
    public sealed record LoanFacts(Guid LoanId, string Reference, LoanStatus Status, int DaysPastDue, string Bucket, decimal PrincipalOutstanding, string Currency);

    /// <summary>The loans write-off proposals name (by their target, the loan's id), as they stand now.</summary>
    public async Task<IReadOnlyDictionary<string, LoanFacts>> FactsAsync(IEnumerable<ApprovalService.ApprovalView> proposals, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var ids = proposals.Where(a => a.Action == ApprovalService.WriteOff).Select(a => Guid.TryParse(a.Target, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, LoanFacts>();
        }

        var loans = await db.Loans.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new { l.Id, l.Reference, l.Status, l.DaysPastDue, l.Bucket, l.Currency }).ToListAsync(ct).ConfigureAwait(false);
        var owed = (await db.Installments.AsNoTracking().Where(i => ids.Contains(i.LoanId)).Select(i => new { i.LoanId, Left = i.Principal - i.PaidPrincipal }).ToListAsync(ct).ConfigureAwait(false))
            .ToLookup(i => i.LoanId, i => i.Left);
        return loans.ToDictionary(
            l => l.Id.ToString(),
            l => new LoanFacts(l.Id, l.Reference, l.Status, l.DaysPastDue, l.Bucket, owed[l.Id].Sum(), l.Currency),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A page of write-off proposals in every state, newest first, with how many there are.</summary>
    public async Task<(IReadOnlyList<ApprovalService.ApprovalView> Items, int Total)> ProposalsAsync(int page, int size, CancellationToken ct) =>
        await approvals.PageAsync(null, page, size, ct, ApprovalService.WriteOff).ConfigureAwait(false);

    /// <summary>A page of the loans written off (by approval or by end-of-day's charge-off), with how many there are.</summary>
    public async Task<(IReadOnlyList<WrittenOffLoan> Items, int Total)> WrittenOffAsync(int page, int size, CancellationToken ct)
    {
        var rows = db.Loans.AsNoTracking().Where(l => l.Status == LoanStatus.ChargedOff);
        var total = await rows.CountAsync(ct).ConfigureAwait(false);
        var items = await rows.OrderBy(l => l.Reference).Skip(Math.Max(0, page - 1) * size).Take(size)
            .Select(l => new WrittenOffLoan(l.Id, l.Reference, l.Principal, l.DaysPastDue, l.Bucket, l.LastCloseDate)).ToListAsync(ct).ConfigureAwait(false);
        return (items, total);
    }
}
