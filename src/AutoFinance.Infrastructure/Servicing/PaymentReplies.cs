using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>The answer already given to a payment (or payoff) with an Idempotency-Key, so a retry gets it again.</summary>
public static class PaymentReplies
{
    public static async Task<string?> StoredAsync(AutoFinanceDbContext db, Guid loanId, string key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Payments.AsNoTracking().Where(p => p.LoanId == loanId && p.IdempotencyKey == key).Select(p => p.ResponseJson).FirstOrDefaultAsync(ct).ConfigureAwait(false);
    }
}
