using AutoFinance.Application.Origination;
using AutoFinance.Web.Components.Origination;

namespace AutoFinance.Web.E2E.Components;

/// <summary>The apply form asks for the car, the plan and the applicant; the credit figures come from the report the platform pulls.</summary>
public sealed class ApplyFormFieldsTests
{
    [Fact]
    public void The_apply_form_asks_for_no_credit_figures_and_ends_with_the_review_step()
    {
        Assert.DoesNotContain(ApplicationFields.All, f => f.Path.StartsWith("bureau", StringComparison.Ordinal));
        Assert.Equal(3, ApplicationFields.Steps);
        Assert.DoesNotContain(ApplicationFields.All, f => f.Step == ApplicationFields.Steps);
    }

    [Fact]
    public void The_application_request_carries_no_bureau_figures()
    {
        Assert.DoesNotContain(typeof(ApplicationRequest).GetProperties(), p => p.Name.Contains("Bureau", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(ValidatedApplication).GetProperties(), p => p.Name is "BureauScore" or "Delinquencies24m" or "Inquiries6m");
    }
}
