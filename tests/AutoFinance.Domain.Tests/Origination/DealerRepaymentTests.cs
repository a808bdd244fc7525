using AutoFinance.Domain.Origination.Funding;

namespace AutoFinance.Domain.Tests.Origination;

/// <summary>When a booked loan's dealer is to be paid again: only after their bank sent the money back, and once.</summary>
public sealed class DealerRepaymentTests
{
    private static bool Due(params (PayoutPurpose, PayoutStatus)[] newestFirst) => DealerRepayment.Due(newestFirst);

    [Fact]
    public void A_dealer_whose_payout_was_confirmed_is_not_owed_again()
    {
        Assert.False(Due());
        Assert.False(Due((PayoutPurpose.Disbursement, PayoutStatus.Confirmed)));
        Assert.False(Due((PayoutPurpose.Disbursement, PayoutStatus.Confirmed), (PayoutPurpose.Disbursement, PayoutStatus.Failed)));
    }

    [Fact]
    public void A_returned_payout_is_owed_again_until_a_payment_again_is_on_its_way_or_made()
    {
        Assert.True(Due((PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.False(Due((PayoutPurpose.Redisbursement, PayoutStatus.Pending), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.False(Due((PayoutPurpose.Redisbursement, PayoutStatus.Confirmed), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.True(Due((PayoutPurpose.Redisbursement, PayoutStatus.Failed), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.True(Due((PayoutPurpose.Redisbursement, PayoutStatus.Returned), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
    }

    [Fact]
    public void A_customers_refund_does_not_count_toward_the_dealer()
    {
        Assert.True(Due((PayoutPurpose.Refund, PayoutStatus.Confirmed), (PayoutPurpose.Disbursement, PayoutStatus.Returned)));
        Assert.False(Due((PayoutPurpose.Refund, PayoutStatus.Returned), (PayoutPurpose.Disbursement, PayoutStatus.Confirmed)));
    }
}
