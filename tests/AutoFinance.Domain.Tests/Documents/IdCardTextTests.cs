using AutoFinance.Domain.Documents;

namespace AutoFinance.Domain.Tests.Documents;

public sealed class IdCardTextTests
{
    [Fact]
    public void The_fields_are_read_from_the_card_rows_with_the_address_running_over_lines()
    {
        var fields = IdCardText.Parse(["姓名 王小明", "性别男民族汉", "出生1990年3月7日", "住址北京市朝阳区建国路", "88号3号楼501室", "有效期限2020.01.02-2040.01.02", "公民身份号码 11010519900307123X"]);

        Assert.Equal("王小明", fields.Name);
        Assert.Equal("北京市朝阳区建国路88号3号楼501室", fields.Address);
        Assert.Equal(new DateOnly(1990, 3, 7), fields.BirthDate);
        Assert.Equal(new IdCardValidity(new DateOnly(2020, 1, 2), new DateOnly(2040, 1, 2)), fields.Validity);
        Assert.Null(fields.NationalId);
    }

    [Fact]
    public void A_number_is_taken_only_with_a_valid_check_character_and_gives_the_birth_date_when_the_line_is_unread()
    {
        var id = AutoFinance.Domain.Origination.ResidentId.CheckCharacter("11010519900307123") is var c ? "11010519900307123" + c : "";

        var fields = IdCardText.Parse(["姓名李娜", "公民身份号码" + id]);
        var wrong = IdCardText.Parse(["公民身份号码" + id[..17] + (c == '0' ? '1' : '0')]);

        Assert.Equal(id, fields.NationalId);
        Assert.Equal(new DateOnly(1990, 3, 7), fields.BirthDate);
        Assert.Null(wrong.NationalId);
    }

    [Fact]
    public void A_long_term_card_has_no_end_and_an_unlabelled_validity_does_not_join_the_address()
    {
        var fields = IdCardText.Parse(["住址上海市徐汇区中山路", "12号", "2015.06.14-长期"]);

        Assert.Equal("上海市徐汇区中山路12号", fields.Address);
        Assert.Equal(new IdCardValidity(new DateOnly(2015, 6, 14), null), fields.Validity);
    }

    [Fact]
    public void A_validity_read_on_the_address_row_with_its_label_cut_short_ends_the_address()
    {
        var fields = IdCardText.Parse(["住址上海市鼓楼区建国路75号", "29号楼4单元1902室有效期2018.06.04-2038.06.04"]);

        Assert.Equal("上海市鼓楼区建国路75号29号楼4单元1902室", fields.Address);
        Assert.Equal(new IdCardValidity(new DateOnly(2018, 6, 4), new DateOnly(2038, 6, 4)), fields.Validity);
    }

    [Theory]
    [InlineData("姓名N武超芬", "武超芬")]
    [InlineData("S唐杰怡", null)]
    [InlineData("姓名 唐杰怡.", "唐杰怡")]
    [InlineData("姓名阿依古丽·买买提", "阿依古丽·买买提")]
    public void A_name_is_its_Chinese_characters_without_a_stray_letter_read_beside_it(string line, string? name) =>
        Assert.Equal(name, IdCardText.Parse([line]).Name);

    [Fact]
    public void A_checked_number_s_birth_date_wins_over_a_misread_birth_line()
    {
        var id = "11010519900307123" + AutoFinance.Domain.Origination.ResidentId.CheckCharacter("11010519900307123");

        var fields = IdCardText.Parse(["出生1990年8月7日", "公民身份号码" + id]);

        Assert.Equal(new DateOnly(1990, 3, 7), fields.BirthDate);
    }

    [Fact]
    public void Full_width_digits_read_by_the_recogniser_are_taken_as_digits()
    {
        var fields = IdCardText.Parse(["住址浙江省杭州市天河区光明大街40号17栋216６", "有效期限２０１５.03.25-2035.03.25"]);

        Assert.Equal("浙江省杭州市天河区光明大街40号17栋2166", fields.Address);
        Assert.Equal(new IdCardValidity(new DateOnly(2015, 3, 25), new DateOnly(2035, 3, 25)), fields.Validity);
    }
}
