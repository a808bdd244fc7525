using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.Payouts;

/// <summary>
/// Dealers' settlement accounts. Setting or changing one is asked for by one member of staff and carried out only
/// when a second approves it (the approval kind <see cref="ChangeAction"/>); until then the current account stays and
/// the change is shown as pending. Applications made online, without a dealer, are paid to the direct channel's
/// account (<see cref="DirectChannel"/>), the selling partner the lender pays for online sales, under the same rule.
/// </summary>
public sealed class SettlementAccounts(AutoFinanceDbContext db, IPersonalDataProtector protector, ApprovalRequests approvals, TimeProvider time)
{
    public const string ChangeAction = "dealer.settlement-account";

    /// <summary>The settlement account of applications without a dealer (the direct online channel).</summary>
    public static readonly Guid DirectChannel = Guid.Empty;

    public sealed record AccountInput(string? PayeeName, string? Bank, string? AccountNumber, string? Reason);

    /// <summary>The change as the approval carries it (encrypted there).</summary>
    public sealed record AccountChange(Guid DealerId, string PayeeName, string Bank, string AccountNumber);

    public sealed record AccountView(string PayeeName, string Bank, string AccountNumberMasked, DateTimeOffset VerifiedAt, string VerifiedBy);

    public sealed record PendingChangeView(Guid ApprovalId, string Summary, string RequestedBy, DateTimeOffset RequestedAt);

    public sealed record DealerAccountView(Guid DealerId, string DealerName, AccountView? Current, PendingChangeView? PendingChange);

    /// <summary>A payee's account as a payout needs it: the number in full for the provider or the file only.</summary>
    public sealed record Payee(string Name, string Bank, string AccountNumber, string AccountNumberCipher, string AccountNumberMasked);

    /// <summary>The account shown: its last four digits.</summary>
    public static string Mask(string accountNumber) => "**** " + accountNumber[^4..];

    public async Task<DealerAccountView?> ViewAsync(Guid dealerId, CancellationToken ct)
    {
        var name = await DealerNameAsync(dealerId, ct).ConfigureAwait(false);
        if (name is null)
        {
            return null;
        }

        var current = await db.Set<SettlementAccountRow>().AsNoTracking().FirstOrDefaultAsync(a => a.DealerId == dealerId, ct).ConfigureAwait(false);
        var target = dealerId.ToString();
        var pending = await db.Approvals.AsNoTracking().Where(a => a.Action == ChangeAction && a.Target == target && a.Status == Domain.Approvals.ApprovalStatus.Pending)
            .Select(a => new PendingChangeView(a.Id, a.Summary, a.RequestedBy, a.RequestedAt)).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return new DealerAccountView(dealerId, name, current is null ? null : new AccountView(current.PayeeName, current.Bank, current.AccountNumberMasked, current.VerifiedAt, current.VerifiedBy), pending);
    }

    /// <summary>Asks for the dealer's account to be set or changed; nothing changes until a second person approves.</summary>
    public async Task<CommandResult<PendingChangeView>> RequestChangeAsync(Actor actor, Guid dealerId, AccountInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await DealerNameAsync(dealerId, ct).ConfigureAwait(false) is null)
        {
            return CommandResult<PendingChangeView>.NotFound();
        }

        var errors = new List<FieldError>();
        var payee = input.PayeeName?.Trim();
        var bank = input.Bank?.Trim();
        var number = input.AccountNumber?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (payee is not { Length: >= 2 and <= 100 })
        {
            errors.Add(new FieldError("payeeName", "is required (2 to 100 characters)", "field.length", FieldProblems.Figures(("min", "2"), ("max", "100"))));
        }

        if (bank is not { Length: >= 2 and <= 100 })
        {
            errors.Add(new FieldError("bank", "is required (2 to 100 characters)", "field.length", FieldProblems.Figures(("min", "2"), ("max", "100"))));
        }

        if (number is not { Length: >= 8 and <= 34 } || !number.All(char.IsAsciiDigit))
        {
            errors.Add(new FieldError("accountNumber", "must be 8 to 34 digits", "settlement-account.number"));
        }

        if (errors.Count > 0)
        {
            return CommandResult<PendingChangeView>.Invalid(errors);
        }

        var summary = Application.Common.RecordNote.Of($"settlement account of dealer {dealerId}: {payee}, {bank}, {Mask(number!)}",
            ("dealerId", dealerId.ToString()), ("payee", payee!), ("bank", bank!), ("account", Mask(number!)));
        var asked = await approvals.CreateAsync(actor, ChangeAction, dealerId.ToString(), new AccountChange(dealerId, payee!, bank!, number!), summary, input.Reason, ct).ConfigureAwait(false);
        return asked.Value is { } row
            ? CommandResult<PendingChangeView>.Ok(new PendingChangeView(row.Id, row.Summary, row.RequestedBy, row.RequestedAt)) with { AwaitingApproval = new(row.Id, row.Action, row.Summary) }
            : asked.Refusal<PendingChangeView>();
    }

    /// <summary>Writes the approved change (the caller saves it with the approval); null when done, or why it could not be.</summary>
    public async Task<string?> ApplyAsync(ApprovalRow approval, string payload, Actor approver, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentNullException.ThrowIfNull(approver);
        var change = Json.Deserialize<AccountChange>(payload)!;
        if (await DealerNameAsync(change.DealerId, ct).ConfigureAwait(false) is null)
        {
            return "the dealer no longer exists";
        }

        var now = time.GetUtcNow();
        var row = await db.Set<SettlementAccountRow>().FirstOrDefaultAsync(a => a.DealerId == change.DealerId, ct).ConfigureAwait(false);
        if (row is null)
        {
            row = new SettlementAccountRow
            {
                DealerId = change.DealerId, PayeeName = change.PayeeName, Bank = change.Bank, AccountNumberCipher = string.Empty, AccountNumberMasked = string.Empty,
                RequestedBy = approval.RequestedBy, VerifiedBy = approver.AuditName,
            };
            db.Add(row);
        }

        row.PayeeName = change.PayeeName;
        row.Bank = change.Bank;
        row.AccountNumberCipher = protector.Protect(change.AccountNumber);
        row.AccountNumberMasked = Mask(change.AccountNumber);
        row.RequestedBy = approval.RequestedBy;
        row.VerifiedBy = approver.AuditName;
        row.VerifiedAt = now;
        row.Version++;
        approval.Record(Application.Common.RecordNote.Of($"settlement account {row.AccountNumberMasked} verified", ("account", row.AccountNumberMasked)));
        await AuditLog.SaveWithAsync(db, [new AuditEvent(approver.AuditName, "dealer.settlement-account.changed", "dealer", change.DealerId.ToString(),
            new { ApprovalId = approval.Id, row.Bank, row.AccountNumberMasked, approval.RequestedBy })], now, ct).ConfigureAwait(false);
        return null;
    }

    /// <summary>The verified account a contract's payout goes to: its dealer's, or the direct channel's; null when there is none yet.</summary>
    public async Task<Payee?> PayeeAsync(Guid? dealerId, CancellationToken ct)
    {
        var key = dealerId ?? DirectChannel;
        var row = await db.Set<SettlementAccountRow>().AsNoTracking().FirstOrDefaultAsync(a => a.DealerId == key, ct).ConfigureAwait(false);
        return row is null ? null : new Payee(row.PayeeName, row.Bank, protector.Unprotect(row.AccountNumberCipher), row.AccountNumberCipher, row.AccountNumberMasked);
    }

    private async Task<string?> DealerNameAsync(Guid dealerId, CancellationToken ct) =>
        dealerId == DirectChannel
            ? "direct online channel"
            : await db.Dealers.AsNoTracking().Where(d => d.Id == dealerId).Select(d => d.Name).FirstOrDefaultAsync(ct).ConfigureAwait(false);
}
