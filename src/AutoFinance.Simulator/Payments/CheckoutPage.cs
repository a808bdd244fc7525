using System.Globalization;
using System.Net;

namespace AutoFinance.Simulator.Payments;

/// <summary>The provider's hosted checkout: plain HTML, the merchant's description and amount, pay or decline.</summary>
internal static class CheckoutPage
{
    public static string Render(Checkout checkout) => checkout.Status == "pending"
        ? Page(checkout, $"""
            <form method="post" action="/pay/{checkout.Id}/pay"><button type="submit" data-testid="sim-pay">确认支付 Pay</button></form>
            <form method="post" action="/pay/{checkout.Id}/decline"><button type="submit" data-testid="sim-decline">拒绝 Decline</button></form>
            """)
        : Page(checkout, $"""<p data-testid="sim-status">{WebUtility.HtmlEncode(checkout.Status)}</p><p><a href="{WebUtility.HtmlEncode(checkout.ReturnUrl.ToString())}">返回商户 Back to the merchant</a></p>""");

    private static string Page(Checkout checkout, string actions) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>模拟支付 Simulated checkout</title></head>
        <body>
        <main>
        <h1>模拟支付 Simulated checkout</h1>
        <p>{WebUtility.HtmlEncode(checkout.Description)}</p>
        <p data-testid="sim-amount">{WebUtility.HtmlEncode(checkout.Currency)} {checkout.Amount.ToString("N2", CultureInfo.InvariantCulture)}</p>
        {actions}
        </main>
        </body>
        </html>
        """;
}
