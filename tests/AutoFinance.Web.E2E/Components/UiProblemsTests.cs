using System.Text.RegularExpressions;
using AutoFinance.Application.Origination;
using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Web.Components.Localization;

namespace AutoFinance.Web.E2E.Components;

/// <summary>Problems are said in Chinese from their codes, never by translating the back end's English sentence.</summary>
public sealed partial class UiProblemsTests
{
    [Fact]
    public void A_wrong_check_character_reads_in_chinese_from_its_code()
    {
        var error = AutoFinance.Domain.Origination.ResidentId.Check("11010519491231002Y", "applicant.nationalId");

        Assert.Equal("id.characters", error!.Code);
        Assert.DoesNotMatch(Latin(), UiLanguage.Zh.Problem(error));
        Assert.Equal(error.Message, UiLanguage.En.Problem(error));
    }

    [Fact]
    public void A_range_problem_puts_its_figures_into_the_chinese_text() =>
        Assert.Equal("须在 0 至 60 之间", UiLanguage.Zh.Problem(FieldProblems.Between("applicant.yearsEmployed", 0, 60)));

    [Fact]
    public void A_wrong_code_told_to_its_holder_says_how_many_tries_are_left_and_one_told_neutrally_does_not()
    {
        var holder = AutoFinance.Infrastructure.Verification.CodeProblem.ForHolder("code", new AutoFinance.Application.Verification.CodeVerification(AutoFinance.Domain.Verification.CodeCheck.Wrong, 3));
        var neutral = new FieldError("code", "is not the code sent", "code.invalid");

        Assert.Equal(("code.invalid", "验证码不正确，还可再试 3 次；如未收到短信，请重新获取"), (holder.Code, UiLanguage.Zh.Problem(holder)));
        Assert.Equal(UiLanguage.Zh["err.code.invalid"], UiLanguage.Zh.Problem(neutral));
        Assert.Equal("验证码不正确，还可再试 3 次；如未收到短信，请重新获取", UiLanguage.Zh.ByOwnCode(holder.Code, holder.Parameters));
    }

    [Fact]
    public void A_problem_without_a_code_falls_back_to_its_field_then_to_a_general_chinese_text()
    {
        Assert.Equal(UiLanguage.Zh["err.field.amount"], UiLanguage.Zh.Problem(new FieldError("amount", "must be a positive amount in whole CNY minor units")));
        Assert.Equal(UiLanguage.Zh["err.general"], UiLanguage.Zh.Problem(new FieldError("somethingNew", "an English sentence")));
        Assert.Equal(UiLanguage.Zh["err.conflict"], UiLanguage.Zh.Problem(CommandResult<int>.Conflict("an English sentence")));
    }

    [Fact]
    public void Every_problem_of_a_blank_application_has_a_code_with_a_chinese_text()
    {
        var (_, errors) = ApplicationValidator.Validate(new ApplicationRequest { Applicant = new(), Vehicle = new() }, new DateOnly(2026, 5, 1), "standard");

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.True(e.Code is not null && UiText.All.ContainsKey("err." + e.Code), e.ToString()));
        Assert.All(errors, e => Assert.DoesNotMatch(Latin(), UiLanguage.Zh.Problem(e)));
    }

    [Fact]
    public void A_loan_refusal_names_its_status_in_chinese() =>
        Assert.Equal("贷款状态为“已结清”，不能办理", UiLanguage.Zh.Problem(CommandResult<int>.Conflict("the loan is closed", "loan.status.not_active", FieldProblems.Figures(("status", "Closed")))));

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Latin();
}
