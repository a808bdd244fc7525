using AutoFinance.Domain.Origination;

namespace AutoFinance.Domain.Tests.Origination;

public sealed class IdentityFormatTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("110105194912310029", false)]
    [InlineData("440524188001010014")]
    public void Resident_id_check_character_follows_gb_11643(string id, bool valid = true) =>
        Assert.Equal(valid, ResidentId.IsValid(id));

    [Theory]
    [InlineData("1101051949123100", "must be 18 characters")]
    [InlineData("11010519491331002X", "holds no valid birth date")]
    [InlineData("11010519491231002A", "must be 17 digits followed by a digit or X")]
    [InlineData("110105194912310021", "wrong check character")]
    public void Resident_id_problems_are_named(string id, string problem) =>
        Assert.Contains(problem, ResidentId.Problem(id), StringComparison.Ordinal);

    [Fact]
    public void Resident_id_yields_its_birth_date_and_masks_the_middle()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentId.BirthDate("11010519491231002X"));
        Assert.Equal("110105********002X", ResidentId.Mask("11010519491231002X"));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP042788", null)]
    [InlineData("11111111111111111", null)]
    [InlineData("1M8GDM9A1KP042788", "wrong check digit")]
    [InlineData("1M8GDM9AXKP04278", "must be 17 characters")]
    [InlineData("1M8GDM9AXKO042788", "except I, O and Q")]
    public void Vin_check_digit_and_alphabet(string vin, string? problem)
    {
        var found = Vin.Problem(vin);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("+86 138-0013-8000", "13800138000")]
    [InlineData("008613800138000", "13800138000")]
    [InlineData("12800138000", null)]
    [InlineData("1380013800", null)]
    public void Mobile_numbers_are_normalised_or_refused(string text, string? expected) =>
        Assert.Equal(expected, MobileNumber.Normalize(text));
}
