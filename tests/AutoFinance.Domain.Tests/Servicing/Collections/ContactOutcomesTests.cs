using AutoFinance.Domain.Servicing.Collections;

namespace AutoFinance.Domain.Tests.Servicing.Collections;

public class ContactOutcomesTests
{
    [Fact]
    public void Every_outcome_has_a_distinct_code_that_parses_back()
    {
        var codes = ContactOutcomes.All.Select(outcome => outcome.ToCode()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        foreach (var outcome in ContactOutcomes.All)
        {
            Assert.Equal(outcome, ContactOutcomes.Parse(outcome.ToCode()));
            Assert.Equal(outcome, ContactOutcomes.Parse(" " + outcome.ToCode().ToLowerInvariant() + " "));
        }

        Assert.Null(ContactOutcomes.Parse("XYZ"));
        Assert.Null(ContactOutcomes.Parse(null));
    }

    [Fact]
    public void Right_party_contact_and_follow_up()
    {
        Assert.Equal("PTP", ContactOutcome.PromiseToPay.ToCode());
        Assert.True(ContactOutcome.PromiseToPay.IsRightPartyContact());
        Assert.True(ContactOutcome.PromiseToPay.NeedsFollowUp());
        Assert.False(ContactOutcome.NoAnswer.IsRightPartyContact());
        Assert.False(ContactOutcome.LeftMessage.IsRightPartyContact());
        Assert.False(ContactOutcome.RefusedToPay.NeedsFollowUp());
        Assert.True(ContactOutcome.WrongNumber.InvalidatesContactData());
    }
}
