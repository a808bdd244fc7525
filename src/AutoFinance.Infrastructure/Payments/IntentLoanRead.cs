using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Servicing;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payments;

/// <summary>
/// What a payment intent reads in one round trip: the loan (untracked), the intent an earlier request under the same
/// key made, if any, and what the payoff quote needs besides the instalments (the credit held on the ledger and the
/// product's names). Compiled once per model, as every intent asks it.
/// </summary>
public sealed class IntentLoanRead
{
    private static readonly PerModel<Func<AutoFinanceDbContext, Guid, string, string?, CancellationToken, Task<IntentLoanRead?>>> Query = new(() =>
        EF.CompileAsyncQuery((AutoFinanceDbContext db, Guid loanId, string createdBy, string? idempotencyKey, CancellationToken ct) => db.Loans.AsNoTracking().Where(l => l.Id == loanId)
            .Select(l => new IntentLoanRead
            {
                Loan = l,
                EarlierId = idempotencyKey == null
                    ? null
                    : db.Set<PaymentIntentRow>().Where(i => i.CreatedBy == createdBy && i.IdempotencyKey == idempotencyKey).Select(i => (Guid?)i.Id).FirstOrDefault(),
                ProductCode = db.Applications.Where(a => a.Id == l.ApplicationId).Select(a => a.ProductCode).FirstOrDefault(),
                Promotion = db.Contracts.Where(c => c.Id == l.ContractId).Join(db.Offers, c => c.OfferId, o => o.Id, (c, o) => o.PromotionName).FirstOrDefault(),
                // One scalar subquery per balance over the one rule's lines (SQLite has no lateral join to bring both in one row).
                HeldCredit = CustomerCredit.OfLoans(db).Where(h => h.LoanId == l.Id).Sum(h => h.Credit) ?? 0m,
                HeldRefundPayable = CustomerCredit.OfLoans(db).Where(h => h.LoanId == l.Id).Sum(h => h.RefundPayable) ?? 0m,
            })
            .FirstOrDefault()));

    public required LoanRow Loan { get; init; }

    /// <summary>The intent an earlier request by the same actor under the same Idempotency-Key made.</summary>
    public Guid? EarlierId { get; init; }

    public string? ProductCode { get; init; }

    public string? Promotion { get; init; }

    /// <summary>The credit held on the ledger (see <see cref="CustomerCredit.OfLoans"/>).</summary>
    public decimal HeldCredit { get; init; }

    /// <summary>The refund payable on the ledger.</summary>
    public decimal HeldRefundPayable { get; init; }

    /// <summary>What the payoff quote needs besides the loan's row and instalments.</summary>
    public EfLoanStore.KnownWithRow Known =>
        new(new CustomerCredit.Held(HeldCredit, HeldRefundPayable), ProductCode, Promotion);

    /// <summary>The loan and the rest, or null when there is no such loan.</summary>
    public static Task<IntentLoanRead?> ForAsync(AutoFinanceDbContext db, Guid loanId, string createdBy, string? idempotencyKey, CancellationToken ct) =>
        Query.For(db)(db, loanId, createdBy, idempotencyKey, ct);
}
