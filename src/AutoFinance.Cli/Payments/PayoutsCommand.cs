using System.CommandLine;
using System.Globalization;
using AutoFinance.Application.Common;
using AutoFinance.Application.Payments;
using AutoFinance.Application.Security;
using AutoFinance.Cli.Common;
using AutoFinance.Domain.Origination.Funding;
using AutoFinance.Infrastructure.Hosting;
using AutoFinance.Infrastructure.Payments;
using AutoFinance.Infrastructure.Payouts;
using AutoFinance.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Cli.Payments;

/// <summary>
/// <c>autofinance payouts cancel ID --reason R</c> and <c>autofinance payouts repay ID</c>: staff's actions on one
/// payout, through the services the API uses, with their rules and codes. Cancelling is
/// <c>POST /api/v1/payouts/{id}/cancel</c>; paying again is what the API does for the payout's contract
/// (<c>POST /api/v1/contracts/{id}/disburse</c>) or, for a refund, its loan (<c>POST /api/v1/loans/{id}/refund</c>).
/// A dealer is only ever paid to its verified settlement account: a new one needs a second person's approval, which
/// this command does not give.
/// </summary>
public static class PayoutsCommand
{
    /// <summary>A dealer payout paid again that created no payout: the dealer was owed nothing (it was not sent back or failed).</summary>
    public const string NothingOwedCode = "payout.nothing-owed";

    private static readonly Actor Operator = new("operator", null, null, null, "operator");

    public static Command Create(CliContext context) =>
        new("payouts", "Act on one payout as staff do: cancel a pending one, or pay a failed or returned one again.") { Cancel(context), Repay(context) };

    private sealed record Store(Option<string?> Provider, Option<string?> Connection, Option<string?> Keys, Option<bool> Json)
    {
        public static Store Options() => new(
            new Option<string?>("--database") { Description = "sqlite (default) or postgresql." },
            new Option<string?>("--connection") { Description = "Connection string (default Data Source=data/autofinance.db)." },
            new Option<string?>("--keys") { Description = $"The web host's key directory (default {StorageOptions.DefaultKeysPath})." },
            new Option<bool>("--json") { Description = "Print one JSON document." });

        public void AddTo(Command command)
        {
            command.Add(Provider);
            command.Add(Connection);
            command.Add(Keys);
            command.Add(Json);
        }

        /// <summary>The services the web host acts on payouts with, on the configured database; the provider's settings from the environment, named as the web host's (Partners__Payments__BaseUrl).</summary>
        public ServiceProvider Services(CliContext context, ParseResult parsed) =>
            ReconcileCommand.BankFileServices(context, parsed.GetValue(Provider), parsed.GetValue(Connection), parsed.GetValue(Keys), services =>
            {
                services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddEnvironmentVariables().Build());
                services.AddSingleton<IPlatformAddress, ConfiguredPlatformAddress>();
                services.AddDealerPayouts();
            });
    }

    private static Command Cancel(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The payout's id." };
        var reason = new Option<string?>("--reason") { Description = "Why it is cancelled (3 to 200 characters), kept with the payout." };
        var store = Store.Options();
        var command = new Command("cancel", "Cancel a pending payout not carried out yet (at the provider, which must confirm it, or of the file channel in no bank file yet); the contract can then be paid out again, or the refund is owed again.")
        {
            id, reason,
        };
        store.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            var payoutId = PayoutId(parsed.GetValue(id));
            await using var provided = store.Services(context, parsed);
            await using var scope = provided.CreateAsyncScope();
            if (await FindAsync(scope, payoutId, ct).ConfigureAwait(false) is { Channel: not DealerPayouts.FileChannel })
            {
                RequirePlatformAddress(scope);
            }

            CommandResult<PayoutView> result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<PayoutCancellations>()
                    .CancelAsync(Operator, payoutId, new PayoutCancellations.CancelInput(parsed.GetValue(reason)), ct).ConfigureAwait(false);
            }
            catch (PaymentProviderException)
            {
                context.Error.WriteLine("error: the payment provider could not be asked to cancel the payout; nothing changed, try again shortly (payment.provider.unavailable)");
                return CliApp.Failure;
            }

            return result.Value is { } view ? Answer(context, parsed.GetValue(store.Json), "cancelled", view) : Refuse(context, result, "no such payout");
        });
        return command;
    }

    private static Command Repay(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The failed or returned payout's id." };
        var channel = new Option<string?>("--channel") { Description = "provider (default) or file (the next bank file)." };
        var account = new Option<string?>("--account") { Description = "A refund only: the account to pay it into (with --bank); without it, the customer's card under their mandate." };
        var bank = new Option<string?>("--bank") { Description = "A refund only: the bank of --account." };
        var store = Store.Options();
        var command = new Command("repay", "Pay a failed or returned payout again: a dealer's to its verified settlement account, a refund as owed now.")
        {
            id, channel, account, bank,
        };
        store.AddTo(command);
        command.SetAction(async (parsed, ct) =>
        {
            var payoutId = PayoutId(parsed.GetValue(id));
            await using var provided = store.Services(context, parsed);
            await using var scope = provided.CreateAsyncScope();
            var payout = await FindAsync(scope, payoutId, ct).ConfigureAwait(false)
                ?? throw new BadInputException($"id: no payout '{payoutId}'");
            if (payout.Purpose != PayoutPurpose.Refund && (parsed.GetValue(account) is not null || parsed.GetValue(bank) is not null))
            {
                throw new BadInputException(
                    $"--account: a dealer is paid only to its verified settlement account; a new one is set when a second manager or admin approves it (PUT /api/v1/dealers/{payout.DealerId ?? Guid.Empty}/settlement-account)");
            }

            if (!string.Equals(parsed.GetValue(channel)?.Trim(), DealerPayouts.FileChannel, StringComparison.OrdinalIgnoreCase))
            {
                RequirePlatformAddress(scope);
            }

            var json = parsed.GetValue(store.Json);
            if (payout.Purpose == PayoutPurpose.Refund)
            {
                var refund = await scope.ServiceProvider.GetRequiredService<CustomerRefunds>().InstructAsync(
                    Operator, payout.LoanId.GetValueOrDefault(), new CustomerRefunds.RefundInput(parsed.GetValue(channel), parsed.GetValue(account), parsed.GetValue(bank)), null, ct).ConfigureAwait(false);
                return refund.Value is { } view ? Answer(context, json, "instructed", view) : Refuse(context, refund, "the refunded loan was not found");
            }

            var before = await LatestDealerPayoutAsync(scope, payout.ContractId, ct).ConfigureAwait(false);
            var contract = await scope.ServiceProvider.GetRequiredService<DealerPayouts>().InstructAsync(Operator, payout.ContractId, parsed.GetValue(channel), null, ct).ConfigureAwait(false);
            if (contract.Value is null)
            {
                return Refuse(context, contract, "the payout's contract was not found");
            }

            // The service answers a contract its dealer is owed nothing on as it stands, paying nothing.
            var newest = await LatestDealerPayoutAsync(scope, payout.ContractId, ct).ConfigureAwait(false);
            if (newest.Id == before.Id)
            {
                context.Error.WriteLine($"error: nothing paid: the dealer is owed no payout on this contract (its last payout {newest.Reference} is {Word(newest.Status)}) ({NothingOwedCode})");
                return CliApp.Failure;
            }

            return Answer(context, json, "instructed", PayoutView.Of(newest));
        });
        return command;
    }

    private static Task<PayoutRow> LatestDealerPayoutAsync(AsyncServiceScope scope, Guid contractId, CancellationToken ct) =>
        scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Set<PayoutRow>().AsNoTracking()
            .Where(p => p.ContractId == contractId && p.Purpose != PayoutPurpose.Refund)
            .OrderByDescending(p => p.CreatedAt).FirstAsync(ct);

    private static Guid PayoutId(string? text) =>
        Guid.TryParse(text?.Trim(), out var id) ? id : throw new BadInputException($"id: '{text}' is not a payout id");

    private static Task<PayoutRow?> FindAsync(AsyncServiceScope scope, Guid payoutId, CancellationToken ct) =>
        scope.ServiceProvider.GetRequiredService<AutoFinanceDbContext>().Set<PayoutRow>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == payoutId, ct);

    /// <summary>The provider calls the platform back; without its address nothing is sent or changed.</summary>
    private static void RequirePlatformAddress(AsyncServiceScope scope)
    {
        if (scope.ServiceProvider.GetRequiredService<PaymentProviderSettings>().PlatformUrl is null)
        {
            _ = scope.ServiceProvider.GetRequiredService<IPlatformAddress>().BaseAddress;
        }
    }

    private static int Answer(CliContext context, bool json, string done, PayoutView view)
    {
        if (json)
        {
            return context.WriteJson(view);
        }

        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"payout {view.Reference} {done}: {view.Amount:0.00} {view.Currency} to {view.PayeeName} ({view.AccountNumberMasked}) by {view.Channel}, {Word(view.Status)}{(view.FailureReason is { } why ? $" ({why})" : string.Empty)}"));
        return CliApp.Ok;
    }

    /// <summary>The service's refusal in one line with its stable code: bad input or an unknown payout exit 2, a refusal because of the payout's state 1.</summary>
    private static int Refuse<T>(CliContext context, CommandResult<T> result, string notFound)
    {
        var code = result.Code is { } known ? $" ({known})" : string.Empty;
        switch (result.Failure)
        {
            case CommandFailure.Conflict:
                context.Error.WriteLine($"error: {result.Problem}{code}".ReplaceLineEndings(" "));
                return CliApp.Failure;
            case CommandFailure.NotFound:
                return context.Reject($"id: {notFound}");
            default:
                var problems = result.Errors.Count > 0
                    ? string.Join("; ", result.Errors.Select(e => $"--{Option(e.Field)}: {e.Message}{(e.Code is { } c ? $" ({c})" : string.Empty)}"))
                    : $"{result.Problem}{code}";
                return context.Reject(problems);
        }
    }

    private static string Option(string field) => field == "accountNumber" ? "account" : field;

    private static string Word(PayoutStatus status) => status.ToString().ToLowerInvariant();
}
