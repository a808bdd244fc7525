using AutoFinance.Application.Common;
using AutoFinance.Application.Security;
using AutoFinance.Domain.Documents;
using AutoFinance.Infrastructure.Approvals;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Infrastructure.Seeding;

/// <summary>
/// How demo loans are funded, through the platform's own code under the seeding clock: the required documents handed
/// in and accepted, insurance, mortgage registration and GPS recorded, the payout written for the bank's file and
/// confirmed as the bank statement's debit line confirms it — only then is the loan booked. Also the dealers'
/// verified settlement accounts, each asked for by the admin and approved by the manager (four eyes).
/// </summary>
public sealed class DemoFunding(IServiceProvider services, TimeProvider clock)
{
    /// <summary>Demo settlement accounts: Beijing Auto Mall, Shanghai Motors and the direct online channel (made up).</summary>
    public static readonly (string DealerCode, string Payee, string Bank, string Account)[] Accounts =
    [
        ("DLR-001", "北京汽车商城有限公司", "中国工商银行北京朝阳支行", "6222020200112345678"),
        ("DLR-002", "上海汽车销售服务有限公司", "招商银行上海浦东支行", "6214830100223456781"),
        ("direct", "汽车金融直销合作经销商有限公司", "中国银行北京分行", "104100000004567812"),
    ];

    private static readonly Lazy<byte[]> Page = new(OnePagePdf);

    public async Task SeedSettlementAccountsAsync(CancellationToken ct)
    {
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var admin = await StaffAsync("admin", Roles.Admin, ct).ConfigureAwait(false);
        var manager = await StaffAsync("manager", Roles.Manager, ct).ConfigureAwait(false);
        var accounts = services.GetRequiredService<SettlementAccounts>();
        var approvals = services.GetRequiredService<ApprovalService>();
        foreach (var (code, payee, bank, number) in Accounts)
        {
            var dealerId = code == "direct" ? SettlementAccounts.DirectChannel : await db.Dealers.AsNoTracking().Where(d => d.Code == code).Select(d => d.Id).FirstAsync(ct).ConfigureAwait(false);
            var asked = Check(await accounts.RequestChangeAsync(admin, dealerId, new SettlementAccounts.AccountInput(payee, bank, number, "settlement account as verified with the dealer's bank letter"), ct).ConfigureAwait(false));
            var decided = Check(await approvals.DecideAsync(manager, asked.ApprovalId, approve: true, ct).ConfigureAwait(false));
            if (decided.Status != Domain.Approvals.ApprovalStatus.Approved)
            {
                throw new InvalidOperationException($"demo settlement account of {code} not set: {decided.Outcome}");
            }
        }
    }

    /// <summary>Funds a signed contract through the checklist and a confirmed payout; answers the loan booked.</summary>
    public async Task<Guid> BookAsync(Actor underwriter, Guid contractId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(underwriter);
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == contractId, ct).ConfigureAwait(false);
        var documents = ActivatorUtilities.CreateInstance<DocumentCommands>(services, clock);
        var held = await db.Documents.AsNoTracking().Where(d => d.ApplicationId == contract.ApplicationId).Select(d => d.Kind).ToListAsync(ct).ConfigureAwait(false);
        foreach (var kind in DocumentKindNames.All.Where(k => k != DocumentKind.RegistrationCertificate).Select(k => k.ToName()).Except(held))
        {
            var uploaded = Check(await documents.UploadAsync(underwriter, contract.ApplicationId, kind, Page.Value, ct).ConfigureAwait(false));
            Check(await documents.ReviewAsync(underwriter, uploaded.DocumentId, new DocumentCommands.Review("accept", null), ct).ConfigureAwait(false));
        }

        var accounts = ActivatorUtilities.CreateInstance<SettlementAccounts>(services, clock);
        var confirmations = ActivatorUtilities.CreateInstance<PayoutConfirmations>(services, clock);
        var desk = ActivatorUtilities.CreateInstance<FundingDesk>(services, clock, accounts);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var digits = contract.Reference[2..];
        Check(await desk.RecordAsync(underwriter, contractId, new FundingDesk.FactsInput($"PICC-{digits}", "中国人民财产保险", $"京车抵-{digits}", today, $"GPS-{digits}"), ct).ConfigureAwait(false));
        var payouts = ActivatorUtilities.CreateInstance<DealerPayouts>(services, clock, desk, accounts, confirmations);
        var instructed = Check(await payouts.InstructAsync(underwriter, contractId, DealerPayouts.FileChannel, null, ct).ConfigureAwait(false));
        var payout = instructed.Payout ?? throw new InvalidOperationException($"contract {contract.Reference} has no payout");
        var outcome = await confirmations.ConfirmAsync(payout.PayoutId, $"STMT-{payout.Reference}", "bank-statement", ct).ConfigureAwait(false);
        if (outcome != PayoutConfirmations.Outcome.Booked)
        {
            throw new InvalidOperationException($"payout {payout.Reference} was not confirmed: {outcome}");
        }

        db.ChangeTracker.Clear();
        return await db.Loans.AsNoTracking().Where(l => l.ContractId == contractId).Select(l => l.Id).FirstAsync(ct).ConfigureAwait(false);
    }

    private async Task<Actor> StaffAsync(string userName, string role, CancellationToken ct)
    {
        var names = services.GetRequiredService<AccountNames>();
        var hash = names.LookupHash(userName);
        var user = await services.GetRequiredService<AutoFinanceDbContext>().Users.AsNoTracking().FirstAsync(u => u.UserNameHash == hash, ct).ConfigureAwait(false);
        return new Actor(role, user.Id, null, null, names.DisplayName(user));
    }

    private static T Check<T>(CommandResult<T> result) =>
        result.Value ?? throw new InvalidOperationException($"demo funding: {result.Failure} {result.Problem}");

    /// <summary>A blank one-page PDF: the demo's stand-in for a scanned document.</summary>
    private static byte[] OnePagePdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }
}
