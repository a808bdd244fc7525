using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Identity;

namespace AutoFinance.Web.Tests.Identity;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void The_common_password_list_kept_in_the_repository_has_at_least_ten_thousand_entries()
    {
        Assert.True(CommonPasswordList.Instance.Count >= 10_000, $"{CommonPasswordList.Instance.Count} entries");
    }

    [Theory]
    [InlineData("short-pw", "password.length")]
    [InlineData("qwertyuiop", "password.common")]
    [InlineData("QWERTYUIOP", "password.common")]
    [InlineData("1234567890", "password.common")]
    [InlineData("pw13800138000", "password.mobile")]
    public void A_weak_password_is_refused_with_its_reason(string password, string code)
    {
        Assert.Equal(code, PasswordPolicy.Problem(password, "13800138000", CommonPasswordList.Instance)?.Code);
    }

    [Fact]
    public void A_long_uncommon_password_is_accepted()
    {
        Assert.Null(PasswordPolicy.Problem("demo-password-2026", "13800138000", CommonPasswordList.Instance));
    }
}
