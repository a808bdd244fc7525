using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using CsCheck;

namespace AutoFinance.Domain.Tests.Servicing;

/// <summary>Invariants of the journal and the balances folded from it, over random streams of entries.</summary>
public class LedgerPropertyTests
{
    private static readonly DateOnly Origin = new(2026, 1, 1);

    private static readonly Gen<LedgerAccount> AnyAccount = Gen.Int[0, LedgerAccounts.All.Count - 1].Select(i => (LedgerAccount)i);

    // A balanced entry built as transfers: each moves an amount from one account's credit to another's debit.
    private static readonly Gen<JournalEntry> AnyBalancedEntry =
        Gen.Select(AnyAccount, AnyAccount, Gen.Long[1, 100_000_000])
            .Array[1, 4]
            .Select(Gen.Int[0, 400], Gen.Int[0, 5], (transfers, day, kind) => JournalEntry.Create(
                Origin.AddDays(day),
                (JournalEventKind)kind,
                "transfer",
                Currency.Cny,
                transfers.SelectMany(t => new[] { JournalLine.Debit(t.Item1, t.Item3 / 100m), JournalLine.Credit(t.Item2, t.Item3 / 100m) })));

    [Fact]
    public void The_trial_balance_of_any_stream_of_balanced_entries_nets_to_zero()
    {
        AnyBalancedEntry.Array[0, 30].Sample(entries =>
        {
            var ledger = Ledger.Of(Currency.Cny, entries);
            var trial = ledger.TrialBalance;

            Assert.Equal(0m, trial.Net);
            Assert.Equal(LedgerAccounts.All.Count, trial.Rows.Count);
            Assert.All(trial.Rows, row => Assert.True(row.Debit >= 0m && row.Credit >= 0m && (row.Debit == 0m || row.Credit == 0m)));
            Assert.Equal(0m, LedgerAccounts.All.Sum(ledger.Balances.DebitBalance));

            // Folding is order-free: the balances do not depend on the order the entries were posted in.
            var reversed = Balances.Of(Currency.Cny, entries.Reverse());
            Assert.All(LedgerAccounts.All, account => Assert.Equal(ledger.Balances.Of(account), reversed.Of(account)));

            // Each as-of view is itself balanced.
            Assert.Equal(0m, TrialBalance.Of(ledger.BalancesAsOf(Origin.AddDays(200))).Net);
        }, iter: 500);
    }

    [Fact]
    public void The_balances_of_a_journal_s_lines_taken_alone_and_shuffled_equal_those_folded_from_its_entries()
    {
        AnyBalancedEntry.Array[0, 30].Sample(entries =>
        {
            var folded = Ledger.Of(Currency.Cny, entries);
            var lines = entries.SelectMany(e => e.Lines).Reverse().ToList();
            var summed = Balances.OfLines(Currency.Cny, lines);

            Assert.All(LedgerAccounts.All, account => Assert.Equal(folded.Balances.Of(account), summed.Of(account)));
            Assert.Equal(folded.TrialBalance.Net, TrialBalance.Of(summed).Net);
        }, iter: 300);
    }

    [Fact]
    public void Arbitrary_lines_make_an_entry_exactly_when_they_balance()
    {
        var anyLine = Gen.Select(AnyAccount, Gen.Bool, Gen.Long[1, 10_000]).Select((account, debit, cents) =>
            new JournalLine(account, debit ? EntrySide.Debit : EntrySide.Credit, cents / 100m));
        anyLine.Array[0, 6].Sample(lines =>
        {
            var debits = lines.Where(l => l.Side == EntrySide.Debit).Sum(l => l.Amount);
            var credits = lines.Where(l => l.Side == EntrySide.Credit).Sum(l => l.Amount);
            var ok = JournalEntry.TryCreate(Origin, JournalEventKind.Payment, "random", Currency.Cny, lines, out var entry, out var problem);

            Assert.Equal(debits > 0m && debits == credits, ok);
            Assert.Equal(ok, entry is not null);
            Assert.Equal(ok, problem is null);
        }, iter: 2000);
    }

    [Fact]
    public void Posting_rules_keep_the_book_balanced_for_random_loan_lives()
    {
        var anyLife = Gen.Select(
            Gen.Long[100_000, 50_000_000],            // principal, cents
            Gen.Long[0, 100_000].Array[1, 12],        // interest per period, cents
            Gen.Long[0, 5_000].Array[1, 12],          // fee per period, cents
            Gen.Long[1, 20_000_000].Array[0, 12],     // payments, cents
            Gen.Bool);                                // written off at the end
        anyLife.Sample((principal, interest, fees, payments, writeOff) =>
        {
            var currency = Currency.Cny;
            var day = Origin;
            var ledger = Ledger.Empty(currency).Post(LoanPostings.Disbursement(day, Money.Of(principal / 100m, currency)));
            for (var i = 0; i < interest.Length; i++)
            {
                day = day.AddMonths(1);
                if (interest[i] > 0)
                {
                    ledger = ledger.Post(LoanPostings.InterestAccrual(day, Money.Of(interest[i] / 100m, currency)));
                }

                if (i < fees.Length && fees[i] > 0)
                {
                    ledger = ledger.Post(LoanPostings.FeeDue(day, Money.Of(fees[i] / 100m, currency)));
                }

                if (i < payments.Length)
                {
                    var b = ledger.Balances;
                    var due = new InstallmentDue(
                        1,
                        day,
                        b.Of(LedgerAccount.FeeReceivable),
                        b.Of(LedgerAccount.PenaltyInterestReceivable),
                        b.Of(LedgerAccount.InterestReceivable),
                        b.Of(LedgerAccount.LoanPrincipalReceivable));
                    var allocation = PaymentAllocator.Allocate([due], Money.Of(payments[i] / 100m, currency));
                    ledger = ledger.Post(LoanPostings.Payment(day, allocation));
                    Assert.All(LedgerAccounts.All.Where(a => a.Kind() == AccountKind.Asset && a != LedgerAccount.CashClearing), a => Assert.True(ledger.Balances.Of(a) >= 0m));
                }
            }

            if (writeOff && ledger.Balances.TotalReceivable > 0m)
            {
                ledger = ledger.Post(LoanPostings.WriteOffOutstanding(day, ledger.Balances));
                Assert.Equal(0m, ledger.Balances.TotalReceivable);
            }

            Assert.Equal(0m, ledger.TrialBalance.Net);
        }, iter: 300);
    }
}
