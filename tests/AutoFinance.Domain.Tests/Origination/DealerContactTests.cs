using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class DealerContactTests
{
    [Theory]
    [InlineData(" finance@BJ-Automall.COM.cn ", "finance@bj-automall.com.cn")]
    [InlineData("payouts+desk@dealer.example", "payouts+desk@dealer.example")]
    [InlineData("财务@经销商.中国", "财务@经销商.中国")]
    public void An_address_is_trimmed_and_its_domain_lower_cased(string typed, string kept) =>
        Assert.Equal(kept, EmailAddress.Normalize(typed));

    [Theory]
    [InlineData("finance")]
    [InlineData("finance@")]
    [InlineData("@dealer.example")]
    [InlineData("finance@dealer")]
    [InlineData("finance@dealer.c0m")]
    [InlineData("fin ance@dealer.example")]
    [InlineData("finance@@dealer.example")]
    [InlineData("a@b@dealer.example")]
    [InlineData(".finance@dealer.example")]
    [InlineData("fin..ance@dealer.example")]
    [InlineData("finance@-dealer.example")]
    [InlineData("finance@dealer..example")]
    [InlineData("<finance@dealer.example>")]
    [InlineData("finance@dealer.example, other@dealer.example")]
    public void Not_an_address(string typed) => Assert.Null(EmailAddress.Normalize(typed));

    [Fact]
    public void An_address_longer_than_smtp_carries_is_refused()
    {
        var local = new string('a', 64);
        var domain = string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".cn";
        Assert.Null(EmailAddress.Normalize($"{local}@{domain}"));
        Assert.NotNull(EmailAddress.Normalize($"{local}@{domain[..(EmailAddress.MaxLength - 65 - 3)]}.cn"));
    }

    [Fact]
    public void A_dealer_without_e_mail_or_language_is_written_to_in_its_inbox_in_chinese()
    {
        var (contact, errors) = DealerContact.Read("  ", null);
        Assert.Empty(errors);
        Assert.Equal(new DealerContact(null, "zh-CN"), contact);
    }

    [Fact]
    public void A_language_is_read_as_the_platform_spells_it() =>
        Assert.Equal(new DealerContact("desk@dealer.example", "en"), DealerContact.Read("desk@dealer.example", "EN").Contact);

    [Fact]
    public void Every_problem_is_named_at_once_with_its_code()
    {
        var (contact, errors) = DealerContact.Read("desk-at-dealer.example", "fr");
        Assert.Null(contact);
        Assert.Equal([("email", "email.format"), ("language", "field.language")], errors.Select(e => (e.Field, e.Code)).ToArray());
    }
}
