using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;

namespace AutoFinance.Web.Tests.Identity;

public sealed class ApiKeyCacheTests
{
    [Fact]
    public void A_cached_key_is_forgotten_after_its_lifetime_so_a_revocation_takes_effect()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var cache = new ApiKeyCache(clock);
        var dealer = new Actor(Roles.Dealer, null, Guid.NewGuid(), null, "dealer");

        cache.Set("hash", dealer);
        Assert.True(cache.TryGet("hash", out var found));
        Assert.Equal(dealer, found);

        clock.Now += ApiKeyCache.Lifetime;
        Assert.False(cache.TryGet("hash", out _));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
