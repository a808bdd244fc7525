using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Servicing;
using CsCheck;

namespace AutoFinance.Web.Tests.Servicing;

/// <summary>
/// The whole life of a loan, close of business by close of business with random payments (short, exact, over,
/// held or prepaid) and missed months, through the same posting code the platform runs. After every step the ledger
/// balances and agrees with the instalments to the cent, nothing is negative, and principal always sums to the loan.
/// </summary>
public sealed class LoanLifeProperties
{
    private static readonly RepaymentMethod[] Methods = [RepaymentMethod.Annuity, RepaymentMethod.EqualPrincipal, RepaymentMethod.InterestOnly, RepaymentMethod.Balloon];
    private static readonly int[] Terms = [6, 12, 24, 36];

    [Fact]
    public void The_ledger_agrees_with_the_schedule_after_every_step_of_a_random_loan_life()
    {
        Gen.Select(Gen.Int[1_000, 300_000], Gen.Int[0, 1_500], Gen.Int[0, Terms.Length - 1], Gen.Int[0, Methods.Length - 1], Gen.Int[0, int.MaxValue - 1])
            .Sample((yuan, basisPoints, term, method, seed) => Live(yuan, basisPoints / 10_000m, Terms[term], Methods[method], seed), iter: 150);
    }

    private static void Live(int yuan, decimal rate, int term, RepaymentMethod method, int seed)
    {
        var random = new Random(seed);
        var start = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 365));
        var terms = new LoanTerms { Principal = yuan, AnnualRate = rate, TermMonths = term, Method = method, StartDate = start, BalloonFraction = method == RepaymentMethod.Balloon ? 0.3m : 0m };
        var schedule = ScheduleBuilder.Build(terms);
        var loan = new LoanRow
        {
            Id = Guid.NewGuid(), Reference = "LNP", Principal = yuan, AnnualRate = rate, TermMonths = term, Method = method.ToName(), BalloonFraction = terms.BalloonFraction,
            StartDate = start, Currency = "CNY", Status = LoanStatus.Active,
        };
        var rows = schedule.Installments.Select(i => new InstallmentRow
        {
            LoanId = loan.Id, Number = i.Number, DueDate = i.DueDate, Payment = i.Payment, Principal = i.Principal, Interest = i.Interest, Fee = i.Fee, Balance = i.Balance,
        }).ToList();
        var entries = new List<JournalEntry> { LoanPostings.Disbursement(start, Money.Of(yuan, Currency.Cny)) };
        var options = new CobOptions { LateCharges = new Domain.Products.LateChargeTerms(3, 25m, 1.5m), ChargeOffDays = 120 };
        var prepaid = 0m;
        var held = 0m;
        var day = start;
        var end = rows[^1].DueDate.AddDays(150);
        while (day < end && loan.Status == LoanStatus.Active)
        {
            day = day.AddDays(random.Next(1, 20));
            if (random.NextDouble() < 0.6)
            {
                var owed = InstallmentBook.Owing(rows, day).Sum(d => d.Total);
                var amount = Currency.Cny.Round(Math.Max(0.01m, (owed == 0m ? rows[0].Payment : owed) * (decimal)(random.NextDouble() * 1.6)));
                entries.AddRange(DueTransitions.Post(rows, day, Currency.Cny));
                var outcome = PaymentPosting.Post(loan, rows, amount, day, random.Next(2) == 0 ? PaymentPosting.Hold : PaymentPosting.Prepay, "Payment");
                entries.Add(outcome.Entry);
                prepaid += outcome.Prepaid;
                held += outcome.Held;
                if (rows.All(r => r.IsPaid))
                {
                    loan.Status = LoanStatus.Closed;
                }
            }

            if (loan.Status == LoanStatus.Active && (loan.LastCloseDate is null || loan.LastCloseDate < day))
            {
                entries.AddRange(LoanCloseOfBusiness.Close(loan, rows, day, options));
            }

            Check(loan, rows, entries, yuan, held, prepaid);
        }
    }

    private static void Check(LoanRow loan, List<InstallmentRow> rows, List<JournalEntry> entries, decimal principal, decimal held, decimal prepaid)
    {
        var ledger = Ledger.Of(Currency.Cny, entries);
        var balances = ledger.Balances;
        Assert.True(ledger.TrialBalance.IsBalanced);
        foreach (var row in rows)
        {
            Assert.True(row.PaidPrincipal >= 0 && row.PaidPrincipal <= row.Principal, $"instalment {row.Number} principal paid {row.PaidPrincipal} of {row.Principal}");
            Assert.True(row.PaidInterest >= 0 && row.PaidInterest <= row.Interest);
            Assert.True(row.PaidPenalty >= 0 && row.PaidPenalty <= row.Penalty);
            Assert.True(row.PaidLateFee >= 0 && row.PaidLateFee <= row.LateFee);
            Assert.True(row.Principal >= 0 && row.Interest >= 0);
        }

        // Principal sums to the loan: what the schedule still carries plus what was prepaid out of it.
        Assert.Equal(principal, rows.Sum(r => r.Principal) + prepaid);
        Assert.Equal(held, balances.Of(LedgerAccount.CustomerOverpayment));
        if (loan.Status == LoanStatus.ChargedOff)
        {
            Assert.Equal(0m, balances.TotalReceivable);
            return;
        }

        Assert.Equal(rows.Sum(r => r.Principal - r.PaidPrincipal), balances.Of(LedgerAccount.LoanPrincipalReceivable));
        Assert.Equal(rows.Where(r => r.InterestAccrued).Sum(r => r.Interest - r.PaidInterest), balances.Of(LedgerAccount.InterestReceivable));
        Assert.Equal(rows.Where(r => r.InterestAccrued).Sum(r => r.Fee - r.PaidFee) + rows.Sum(r => r.LateFee - r.PaidLateFee), balances.Of(LedgerAccount.FeeReceivable));
        Assert.Equal(rows.Sum(r => r.Penalty - r.PaidPenalty), balances.Of(LedgerAccount.PenaltyInterestReceivable));
    }
}
