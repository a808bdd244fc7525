using AutoFinance.Application.Payments.Statements;
using AutoFinance.Web.Tests.Payouts;

namespace AutoFinance.Web.Tests.Payments;

/// <summary>A camt.053 credit that sends a transfer back carries the bank's return reason and the original EndToEndId.</summary>
public sealed class Camt053ReturnTests
{
    [Fact]
    public void A_returned_transfer_reads_with_the_banks_reason_and_the_payouts_reference()
    {
        var entry = Assert.Single(BankStatement.Read(Funding.ReturnStatement("PO260105-000123-1", 88000m, "R-1", "AC04", "account closed")).Entries);

        Assert.True(entry.IsCredit);
        Assert.Equal(88000m, entry.Amount);
        Assert.Contains("PO260105-000123-1", entry.References);
        Assert.Equal(new StatementReturn("AC04", "account closed"), entry.Return);
    }

    [Fact]
    public void An_entry_without_return_information_has_no_return()
    {
        var entry = Assert.Single(BankStatement.Read(Funding.DebitStatement("PO260105-000123-1", 88000m, "D-1")).Entries);

        Assert.Null(entry.Return);
    }
}
