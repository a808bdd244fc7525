using AutoFinance.Domain.Verification;

namespace AutoFinance.Domain.Tests.Verification;

public sealed class OneTimeCodeRulesTests
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_right_code_verifies_within_five_minutes()
    {
        Assert.Equal(CodeCheck.Verified, OneTimeCodeRules.Check(Sent.AddMinutes(4).AddSeconds(59), new SentCode("h", Sent, 0, null), "h"));
    }

    [Fact]
    public void A_code_expires_at_five_minutes()
    {
        Assert.Equal(CodeCheck.Expired, OneTimeCodeRules.Check(Sent.AddMinutes(5), new SentCode("h", Sent, 0, null), "h"));
    }

    [Theory]
    [InlineData(0, CodeCheck.Wrong)]
    [InlineData(3, CodeCheck.Wrong)]
    [InlineData(4, CodeCheck.WrongNowExhausted)]
    public void A_wrong_code_uses_a_try_and_the_fifth_exhausts_it(int attemptsBefore, CodeCheck expected)
    {
        Assert.Equal(expected, OneTimeCodeRules.Check(Sent.AddMinutes(1), new SentCode("h", Sent, attemptsBefore, null), "x"));
    }

    [Fact]
    public void After_five_tries_even_the_right_code_is_refused()
    {
        Assert.Equal(CodeCheck.TooManyAttempts, OneTimeCodeRules.Check(Sent.AddMinutes(1), new SentCode("h", Sent, 5, null), "h"));
    }

    [Fact]
    public void A_spent_code_never_verifies_again()
    {
        Assert.Equal(CodeCheck.NoCode, OneTimeCodeRules.Check(Sent.AddMinutes(1), new SentCode("h", Sent, 0, Sent.AddSeconds(30)), "h"));
        Assert.Equal(CodeCheck.NoCode, OneTimeCodeRules.Check(Sent, null, "h"));
    }

    [Theory]
    [InlineData("123456", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12345a", false)]
    [InlineData("１２３４５６", false)]
    [InlineData(null, false)]
    public void Only_six_ascii_digits_are_a_code(string? text, bool wellFormed)
    {
        Assert.Equal(wellFormed, OneTimeCodeRules.IsWellFormed(text));
    }

    [Fact]
    public void A_resend_to_the_same_number_waits_a_minute()
    {
        var permission = OneTimeCodeRules.MaySend(Sent.AddSeconds(20), [Sent], []);
        Assert.False(permission.Granted);
        Assert.Equal(TimeSpan.FromSeconds(40), permission.RetryAfter);
        Assert.True(OneTimeCodeRules.MaySend(Sent.AddSeconds(60), [Sent], []).Granted);
    }

    [Fact]
    public void Five_codes_an_hour_to_one_number_then_it_waits_for_the_oldest_to_leave_the_window()
    {
        var sent = Enumerable.Range(0, 5).Select(i => Sent.AddMinutes(i * 2)).ToArray();
        var permission = OneTimeCodeRules.MaySend(Sent.AddMinutes(20), sent, []);
        Assert.False(permission.Granted);
        Assert.Equal(TimeSpan.FromMinutes(40), permission.RetryAfter);
        Assert.True(OneTimeCodeRules.MaySend(Sent.AddMinutes(60).AddSeconds(1), sent, []).Granted);
    }

    [Fact]
    public void Ten_codes_an_hour_from_one_address_to_any_numbers()
    {
        var fromAddress = Enumerable.Range(0, 10).Select(i => Sent.AddMinutes(i)).ToArray();
        Assert.False(OneTimeCodeRules.MaySend(Sent.AddMinutes(30), [], fromAddress).Granted);
        Assert.True(OneTimeCodeRules.MaySend(Sent.AddMinutes(30), [], fromAddress[1..]).Granted);
        Assert.True(OneTimeCodeRules.MaySend(Sent.AddMinutes(30), [], fromAddress, maxPerAddress: 50).Granted);
    }
}
