using AutoFinance.Domain.Calendar;
using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Products;
using AutoFinance.Domain.Schedules;
using AutoFinance.Domain.Servicing;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Domain.Tests.Servicing.LoanAggregate;

/// <summary>Late charges waived on approval: what comes off, what the ledger says, and what is charged afterwards.</summary>
public class ChargeWaiverTests
{
    private static readonly LoanTerms Terms = SampleLoan.Terms;

    private static readonly ServicingTerms WithLateFee = SampleLoan.WithLateFee;

    /// <summary>A loan whose first instalments went unpaid, closed day by day through <paramref name="through"/>, with every entry it made.</summary>
    private static (Loan Loan, List<JournalEntry> Entries) Late(DateOnly through, ServicingTerms? servicing = null)
    {
        var booked = Loan.Book(Terms, servicing ?? WithLateFee);
        var loan = booked.Value!;
        var entries = new List<JournalEntry>(booked.Entries);
        for (var day = Terms.StartDate; day <= through; day = day.AddDays(1))
        {
            entries.AddRange(loan.CloseDay(day).Entries);
        }

        return (loan, entries);
    }

    [Fact]
    public void Waiving_every_late_charge_clears_them_reverses_their_income_and_the_fee_is_never_charged_again()
    {
        var first = new DateOnly(2026, 2, 15);
        var today = first.AddDays(10);
        var (loan, entries) = Late(today);
        var row = loan.Installments[0];
        Assert.Equal(50m, row.LateFee);
        Assert.True(row.Penalty > 0m);

        var waived = loan.WaiveLateCharges(today, null, "Late charges waived: hospital stay");

        Assert.True(waived.Succeeded);
        Assert.Equal((row.Penalty, 50m, 0m, false), (waived.Value!.Penalty, waived.Value.LateFees, waived.Value.ChargesLeft, waived.Value.Closed));
        var entry = Assert.Single(waived.Entries);
        Assert.Equal(JournalEventKind.ChargesWaived, entry.Kind);
        entries.AddRange(waived.Entries);
        var ledger = Ledger.Of(Currency.Cny, entries);
        Assert.True(ledger.TrialBalance.IsBalanced);
        Assert.Equal((0m, 0m, 0m, 0m), (ledger.Balances.Of(LedgerAccount.FeeReceivable), ledger.Balances.Of(LedgerAccount.PenaltyInterestReceivable),
            ledger.Balances.Of(LedgerAccount.FeeIncome), ledger.Balances.Of(LedgerAccount.PenaltyIncome)));
        Assert.Equal((0m, 0m), (loan.Installments[0].Owing.Fee, loan.Installments[0].Owing.PenaltyInterest));

        // Still late: the next close charges one more day's penalty on the principal and interest overdue, no late fee again.
        var next = loan.CloseDay(today.AddDays(1)).Entries;
        Assert.DoesNotContain(next, e => e.Kind == JournalEventKind.FeeDue);
        var day = Assert.Single(next, e => e.Kind == JournalEventKind.PenaltyAccrual).Total;
        Assert.InRange(day, 0.01m, row.Penalty / 5m);
        Assert.Equal(day, loan.Installments[0].Owing.PenaltyInterest);
    }

    [Fact]
    public void A_part_waiver_takes_the_oldest_instalments_penalty_before_its_late_fee_and_leaves_the_rest_owed()
    {
        var today = new DateOnly(2026, 3, 25);
        var (loan, _) = Late(today);
        var (one, two) = (loan.Installments[0], loan.Installments[1]);
        Assert.Equal((50m, 50m), (one.LateFee, two.LateFee));
        var owed = one.PenaltyOwed + one.LateFeeOwed + two.PenaltyOwed + two.LateFeeOwed;

        var waived = loan.WaiveLateCharges(today, one.Penalty + 10m, "Late charges waived: part").Value!;

        Assert.Equal((one.Penalty, 10m, owed - one.Penalty - 10m), (waived.Penalty, waived.LateFees, waived.ChargesLeft));
        Assert.Equal((0m, 40m), (loan.Installments[0].PenaltyOwed, loan.Installments[0].LateFeeOwed));
        Assert.Equal((two.PenaltyOwed, 50m), (loan.Installments[1].PenaltyOwed, loan.Installments[1].LateFeeOwed));
    }

    [Fact]
    public void A_waiver_above_the_charges_owed_of_a_fraction_of_a_cent_or_with_nothing_owed_is_refused_and_changes_nothing()
    {
        var today = new DateOnly(2026, 2, 25);
        var (loan, _) = Late(today);
        var owed = loan.Installments.Sum(i => i.PenaltyOwed + i.LateFeeOwed);

        var above = loan.WaiveLateCharges(today, owed + 0.01m, "too much");
        Assert.Equal(("waiver.amount.exceeds-charges", "amount"), (above.Error?.Code, above.Error?.Field));
        Assert.Equal(owed.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), above.Error?.Parameters?["charges"]);
        Assert.Equal("waiver.amount.invalid", loan.WaiveLateCharges(today, 0.005m, "fraction").Error?.Code);
        Assert.Equal("waiver.amount.invalid", loan.WaiveLateCharges(today, -5m, "negative").Error?.Code);
        Assert.Equal(owed, loan.Installments.Sum(i => i.PenaltyOwed + i.LateFeeOwed));

        var current = Loan.Book(Terms, WithLateFee).Value!;
        Assert.Equal("waiver.nothing-owed", current.WaiveLateCharges(Terms.StartDate, null, "none").Error?.Code);
    }

    [Fact]
    public void Waiving_the_charges_that_alone_kept_a_loan_late_brings_it_current_at_once_and_closes_it_when_nothing_else_is_owed()
    {
        var principalFirst = WithLateFee with
        {
            Allocation = new AllocationOrder([DueComponent.Principal, DueComponent.Interest, DueComponent.Fee, DueComponent.PenaltyInterest]),
        };
        var booked = Loan.Book(Terms with { TermMonths = 1, Principal = 10_000m }, principalFirst);
        var loan = booked.Value!;
        var entries = new List<JournalEntry>(booked.Entries);
        var today = new DateOnly(2026, 2, 25);
        for (var day = Terms.StartDate; day < today; day = day.AddDays(1))
        {
            entries.AddRange(loan.CloseDay(day).Entries);
        }

        // Today, before end-of-day, the customer paid the principal and interest, not the charges: the loan stays open and late until they are waived.
        var only = loan.Installments.Single();
        var charges = only.PenaltyOwed + only.LateFeeOwed;
        entries.AddRange(loan.Pay(Guid.NewGuid(), only.Owing.Total - charges, today).Entries);
        Assert.Equal(LoanStatus.Active, loan.Status);
        Assert.True(loan.DaysPastDue > 0);

        var waived = loan.WaiveLateCharges(today, null, "Late charges waived: paid everything else");

        Assert.Equal((charges, true), (waived.Value!.Total, waived.Value.Closed));
        Assert.Equal((LoanStatus.Closed, 0), (loan.Status, loan.DaysPastDue));
        var balances = Ledger.Of(Currency.Cny, [.. entries, .. waived.Entries]).Balances;
        Assert.Equal(0m, balances.TotalReceivable);
    }
}
