using AutoFinance.Infrastructure.Servicing;
using Microsoft.Playwright;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>
/// A refund, as the demo book has one: the paid-off customer's payoff transfer was rounded up. On a phone the
/// customer's closed loan says the rest will be paid back; an underwriter pays it back from the payout page to the
/// account the customer gave, and once the provider confirms it the loan owes nothing and the customer's note is gone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RefundJourneys(BrowserFixture fixture)
{
    private const string PaidOffCustomer = "13500135007";

    [Fact]
    public async Task An_underwriter_pays_a_closed_loans_credit_back_and_the_customer_sees_it_settled()
    {
        var loan = await fixture.LoanOfAsync(PaidOffCustomer);
        var customer = await fixture.NewPageAsync();
        await customer.SetViewportSizeAsync(390, 844);
        await Portal.SignInAsync(customer, PaidOffCustomer);
        await customer.GotoAsync($"/loans/{loan.Id}");
        await Assertions.Expect(customer.GetByTestId("loan-closed")).ToBeVisibleAsync();
        await Assertions.Expect(customer.GetByTestId("refund-owed")).ToBeVisibleAsync();
        await fixture.ShotAsync(customer, "refund-1-owed-phone");

        var staff = await fixture.NewPageAsync();
        await staff.SetViewportSizeAsync(1366, 900);
        await Portal.SignInAsync(staff, "underwriter");
        await staff.GotoAsync("/payouts");
        var owed = staff.Locator($"[data-testid=refund-owed][data-loan='{loan.Id}']");
        await Assertions.Expect(owed).ToBeVisibleAsync();
        await owed.Locator("summary").ClickAsync();
        await owed.Locator("input[name=accountNumber]").FillAsync("6222020200117788");
        await owed.Locator("input[name=bank]").FillAsync("中国工商银行");
        await fixture.ShotAsync(staff, "refund-2-form-desktop");
        await owed.GetByTestId("refund-pay").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("refund-outcome")).ToHaveAttributeAsync("data-outcome", "instructed");

        for (var attempt = 0; attempt < 40 && await RefundPayableAsync(loan.Id) > 0m; attempt++)
        {
            await staff.WaitForTimeoutAsync(250);
        }

        Assert.Equal(0m, await RefundPayableAsync(loan.Id));
        await staff.GotoAsync("/payouts?status=confirmed");
        await Assertions.Expect(staff.GetByTestId("payout-refund").First).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator($"[data-testid=refund-owed][data-loan='{loan.Id}']")).ToHaveCountAsync(0);
        await fixture.ShotAsync(staff, "refund-3-paid-desktop");

        await customer.GotoAsync($"/loans/{loan.Id}");
        await Assertions.Expect(customer.GetByTestId("refund-owed")).ToHaveCountAsync(0);
        await fixture.ShotAsync(customer, "refund-4-settled-phone");
    }

    private Task<decimal> RefundPayableAsync(Guid loanId) =>
        fixture.QueryAsync(async db => (await CustomerCredit.HeldAsync(db, loanId, CancellationToken.None)).RefundPayable);
}
