using AutoFinance.Domain.Monetary;
using AutoFinance.Domain.Servicing;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Domain.Servicing.Loans;

namespace AutoFinance.Infrastructure.Servicing;

/// <summary>
/// Books a disbursed contract: the loan with the schedule of the offer that was accepted (rebuilt exactly from its
/// terms) and its opening entries, added to the caller's transaction so booking and the payout's confirmation happen
/// together or not at all. Booked on a confirmed payout, the opening is the loan against the dealer payable and the
/// dealer payable settled from cash (<see cref="RailPostings.BookedOnPayout"/>, <see cref="RailPostings.DealerPaid"/>).
/// </summary>
public static class LoanBooking
{
    public static LoanRow Book(AutoFinanceDbContext db, ContractRow contract, ApplicationRow application, OfferRow offer, DateTimeOffset now, string payoutReference)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(offer);
        var schedule = OfferDisclosure.Schedule(offer);
        var loan = new LoanRow
        {
            Id = Guid.CreateVersion7(now),
            Reference = "LN" + contract.Reference[2..],
            ContractId = contract.Id,
            ApplicationId = application.Id,
            ProductVersion = offer.ProductVersion,
            CustomerId = contract.CustomerId,
            DealerId = application.DealerId,
            Principal = offer.Principal,
            AnnualRate = offer.AnnualRate,
            TermMonths = offer.TermMonths,
            Method = offer.Method,
            BalloonFraction = offer.BalloonFraction,
            StartDate = offer.StartDate,
            Currency = offer.Currency,
            Status = LoanStatus.Active,
            BookedAt = now,
        };
        loan.Partition = CobPartitions.Next();
        db.Add(loan);
        foreach (var installment in schedule.Installments)
        {
            db.Add(new InstallmentRow
            {
                LoanId = loan.Id,
                Number = installment.Number,
                DueDate = installment.DueDate,
                Payment = installment.Payment,
                Principal = installment.Principal,
                Interest = installment.Interest,
                Fee = installment.Fee,
                Balance = installment.Balance,
            });
        }

        var principal = Money.Of(offer.Principal, Currency.FromCode(offer.Currency));
        db.Add(ToRow(loan.Id, RailPostings.BookedOnPayout(offer.StartDate, principal, payoutReference), now));
        db.Add(ToRow(loan.Id, RailPostings.DealerPaid(offer.StartDate, principal, payoutReference), now));
        return loan;
    }

    public static JournalEntryRow ToRow(Guid loanId, JournalEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var id = Guid.CreateVersion7(now);
        return new JournalEntryRow
        {
            Id = id,
            LoanId = loanId,
            BusinessDate = entry.BusinessDate,
            Kind = entry.Kind.ToString(),
            Description = entry.Description,
            PostedAt = now,
            Lines = [.. entry.Lines.Select(l => new JournalLineRow { EntryId = id, LoanId = loanId, Account = l.Account.ToString(), Side = l.Side.ToString(), Amount = l.Amount })],
        };
    }

    /// <summary>Reads stored rows back into the domain's entries (each re-checked for balance on the way).</summary>
    public static JournalEntry FromRow(JournalEntryRow row, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JournalEntry.Create(
            row.BusinessDate,
            Enum.Parse<JournalEventKind>(row.Kind),
            row.Description,
            currency,
            row.Lines.Select(l => new JournalLine(Enum.Parse<LedgerAccount>(l.Account), Enum.Parse<EntrySide>(l.Side), l.Amount)));
    }
}
