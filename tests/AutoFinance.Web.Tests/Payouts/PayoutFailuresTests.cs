using AutoFinance.Infrastructure.Payouts;

namespace AutoFinance.Web.Tests.Payouts;

/// <summary>A payout's failure reason, stored in English, reads back into what a screen says in the reader's language.</summary>
public sealed class PayoutFailuresTests
{
    [Theory]
    [InlineData("AC04", "账户已销户")]
    [InlineData("AC04", null)]
    [InlineData(null, "closed (see the bank's letter): call them")]
    [InlineData("AC01", "account (IBAN) unknown: check it")]
    [InlineData(null, null)]
    public void A_bank_rejection_reads_back_its_reason_code_and_text(string? code, string? text)
    {
        var read = PayoutFailures.Read(PayoutFailures.BankRejected(code, text));

        Assert.Equal(new PayoutFailures.Reading(PayoutFailures.Kind.Bank, code, text), read);
    }

    [Fact]
    public void A_refused_instruction_and_a_providers_code_read_back_as_such()
    {
        Assert.Equal(new PayoutFailures.Reading(PayoutFailures.Kind.NotTaken, null, "the payment provider refused payouts (400)"),
            PayoutFailures.Read(PayoutFailures.NotTaken("the payment provider refused payouts (400)")));
        Assert.Equal(new PayoutFailures.Reading(PayoutFailures.Kind.Provider, "account-closed", null), PayoutFailures.Read("account-closed"));
    }

    [Theory]
    [InlineData("AC04", "account closed")]
    [InlineData("AC01", null)]
    [InlineData(null, null)]
    public void A_payout_the_payees_bank_returned_reads_back_as_returned_with_its_code_and_text(string? code, string? text)
    {
        var read = PayoutFailures.Read(PayoutFailures.Returned(code, text));

        Assert.Equal(new PayoutFailures.Reading(PayoutFailures.Kind.Returned, code, text), read);
    }
}
