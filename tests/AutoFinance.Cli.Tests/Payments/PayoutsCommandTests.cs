using AutoFinance.Cli.Bench;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Audit;
using AutoFinance.Infrastructure.Payouts;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Cli.Tests.Payments;

/// <summary>
/// An operator at the server stops a refund waiting for the next bank file, as a manager does through the API: with a
/// reason, once, never one a bank file carries already; and cannot pay a dealer to an account no second person approved.
/// </summary>
public sealed class PayoutsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autofinance-payouts-").FullName;

    private string Connection => $"Data Source={Path.Combine(_directory, "af.db")}";

    private string Keys => Path.Combine(_directory, "keys");

    [Fact]
    public async Task An_operator_cancels_a_pending_payout_with_a_reason_once_and_the_service_rules_and_codes_hold()
    {
        _ = AuditKeys.FromDirectory(Keys);
        Guid waiting, inFile, dealer;
        await using (var db = CobBenchmark.Open("sqlite", Connection))
        {
            await db.Database.MigrateAsync();
            waiting = Pending(db, PayoutPurpose.Refund, "RF0001-1", fileMessageId: null);
            inFile = Pending(db, PayoutPurpose.Refund, "RF0002-1", fileMessageId: "AF20261124090000001");
            dealer = Pending(db, PayoutPurpose.Disbursement, "PO0003-1", fileMessageId: null);
            await db.SaveChangesAsync();
        }

        var noReason = Run("cancel", waiting, "--reason", "x");
        Assert.Equal(2, noReason.ExitCode);
        Assert.Equal("error: --reason: must say why, in 3 to 200 characters (field.length)", noReason.Error.Trim());

        var cancelled = Run("cancel", waiting, "--reason", "the customer gave another account", "--json");
        Assert.Equal(0, cancelled.ExitCode);
        Assert.Equal("failed", cancelled.Json.GetProperty("status").GetString());
        Assert.Contains("the customer gave another account", cancelled.Json.GetProperty("failureReason").GetString(), StringComparison.Ordinal);

        var again = Run("cancel", waiting, "--reason", "the customer gave another account");
        Assert.Equal(1, again.ExitCode);
        Assert.EndsWith("(payout.not-pending)", again.Error.Trim(), StringComparison.Ordinal);

        var carried = Run("cancel", inFile, "--reason", "the customer gave another account");
        Assert.Equal(1, carried.ExitCode);
        Assert.EndsWith("(payout.in-file)", carried.Error.Trim(), StringComparison.Ordinal);

        var unknown = Run("cancel", Guid.NewGuid(), "--reason", "the customer gave another account");
        Assert.Equal((2, "error: id: no such payout"), (unknown.ExitCode, unknown.Error.Trim()));

        var elsewhere = Run("repay", dealer, "--channel", "file", "--account", "6222020200112233445", "--bank", "ICBC");
        Assert.Equal(2, elsewhere.ExitCode);
        Assert.Contains("--account: a dealer is paid only to its verified settlement account", elsewhere.Error, StringComparison.Ordinal);

        await using (var db = CobBenchmark.Open("sqlite", Connection))
        {
            var rows = await db.Set<PayoutRow>().AsNoTracking().ToDictionaryAsync(p => p.Id);
            Assert.Equal((PayoutStatus.Failed, PayoutStatus.Pending, PayoutStatus.Pending), (rows[waiting].Status, rows[inFile].Status, rows[dealer].Status));
            Assert.Equal("operator", (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "refund.failed")).Actor);
        }

        Assert.Equal(0, CliRunner.Run("audit", "verify", "--connection", Connection, "--keys", Keys).ExitCode);
    }

    private CliRunner.Result Run(string action, Guid payout, params string[] more) =>
        CliRunner.Run(["payouts", action, payout.ToString(), "--connection", Connection, "--keys", Keys, .. more]);

    private static Guid Pending(Infrastructure.Persistence.AutoFinanceDbContext db, PayoutPurpose purpose, string reference, string? fileMessageId)
    {
        var id = Guid.NewGuid();
        db.Add(new PayoutRow
        {
            Id = id,
            Reference = reference,
            Purpose = purpose,
            ContractId = Guid.NewGuid(),
            DealerId = purpose == PayoutPurpose.Refund ? null : Guid.NewGuid(),
            LoanId = purpose == PayoutPurpose.Refund ? Guid.NewGuid() : null,
            Amount = 1_250.00m,
            Currency = "CNY",
            PayeeName = "张三",
            PayeeBank = "ICBC",
            AccountNumberCipher = "not read when cancelled",
            AccountNumberMasked = "**** 3344",
            Channel = DealerPayouts.FileChannel,
            FileMessageId = fileMessageId,
            CreatedBy = "underwriter",
            CreatedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
        });
        return id;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
