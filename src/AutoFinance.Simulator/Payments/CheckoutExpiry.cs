namespace AutoFinance.Simulator.Payments;

/// <summary>Checkouts nobody pays or declines expire after the provider's timeout, and the merchant is told.</summary>
internal sealed class CheckoutExpiry(ProviderBook book, CallbackCourier courier, ProviderSettings settings, TimeProvider time)
{
    public void Start(CancellationToken stopping) => _ = Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            foreach (var checkout in book.Checkouts.Values.Where(c => c.Status == "pending" && now - c.CreatedAt >= settings.CheckoutTimeout))
            {
                Expire(checkout);
            }
        }
    }, stopping);

    public bool Expire(Checkout checkout)
    {
        if (!checkout.Settle("expired"))
        {
            return false;
        }

        courier.Send("checkout.expired", checkout.Id, checkout.MerchantReference, null, checkout.Amount, checkout.Currency, "timeout", checkout.NotifyUrl);
        return true;
    }
}
