using System.Globalization;
using AutoFinance.Application.Origination;
using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.Documents;
using AutoFinance.Infrastructure.Identity;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AutoFinance.Web.E2E.Journeys;

/// <summary>Contracts the disbursement journeys start from, made through the platform's own services.</summary>
internal static class FundedContracts
{
    /// <summary>A prime dealer application approved and accepted, its required documents handed in and accepted (the platform's own services).</summary>
    public static async Task<(Guid ApplicationId, Guid ContractId)> SignedWithDocumentsAsync(BrowserFixture fixture, int sequence)
    {
        using var scope = fixture.Platform.App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var dealerRow = await db.Dealers.AsNoTracking().FirstAsync(d => d.Code == "DLR-001");
        var dealer = new Actor(Roles.Dealer, null, dealerRow.Id, null, dealerRow.Name);
        var underwriter = await UnderwriterAsync(services);
        var birth = new DateOnly(1987, 6, 15);
        var mobile = "13900139" + sequence.ToString("000", CultureInfo.InvariantCulture);
        var submitted = await services.GetRequiredService<DecisionService>().SubmitAsync(new ApplicationRequest
        {
            Channel = "dealer",
            Language = "zh-CN",
            Applicant = new ApplicantInput
            {
                FullName = "Qian Hui", NationalId = DemoIdentities.NationalId(DemoIdentities.SandboxRegion, birth, sequence), DateOfBirth = birth, Mobile = mobile,
                EmploymentType = "salaried", EmployerName = "Demo Technology Co.", YearsEmployed = 9, MonthlyIncome = 30_000m, MonthlyDebtPayments = 1_000m,
                Housing = "own", YearsAtAddress = 7,
            },
            CreditCheck = new CreditCheckConsent { Agreed = true, TextVersion = AutoFinance.Application.Verification.CreditCheckText.CurrentVersion },
            Vehicle = new VehicleInput { Vin = DemoIdentities.Vin("LFV2A21K", 'S', sequence.ToString("0000000", CultureInfo.InvariantCulture)), Condition = "new", Energy = "conventional", Make = "Volkswagen", Model = "Lavida", Year = 2026, MileageKm = 5, Price = 120_000m },
            DownPayment = 40_000m,
            TermMonths = 24,
            RepaymentMethod = "annuity",
        }, new SubmissionContext(dealer, null, null, Guid.NewGuid().ToString()), CancellationToken.None);
        var decision = submitted.Response ?? throw new InvalidOperationException(string.Join("; ", submitted.Errors.Select(e => $"{e.Field}: {e.Message}")));
        Assert.True(decision.Approved, $"{decision.Status}: {string.Join("; ", decision.Reasons.Select(r => r.Code))}");
        var contract = await fixture.SignAsync(services, dealer, decision.ApplicationId, decision.Offers[0].OfferId, mobile);
        var documents = services.GetRequiredService<DocumentCommands>();
        var pdf = OnePagePdf();
        foreach (var kind in new[] { "id-card-front", "id-card-back", "driving-licence", "vehicle-invoice", "income-proof" })
        {
            var uploaded = await documents.UploadAsync(underwriter, decision.ApplicationId, kind, pdf, CancellationToken.None);
            await documents.ReviewAsync(underwriter, uploaded.Value!.DocumentId, new DocumentCommands.Review("accept", null), CancellationToken.None);
        }

        return (decision.ApplicationId, contract.Value!.ContractId);
    }

    private static byte[] OnePagePdf()
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.AddPage();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The demo underwriter, as the services take a person acting.</summary>
    public static async Task<Actor> UnderwriterAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AutoFinanceDbContext>();
        var names = services.GetRequiredService<AccountNames>();
        var hash = names.LookupHash("underwriter");
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.UserNameHash == hash);
        return new Actor(Roles.Underwriter, user.Id, null, null, names.DisplayName(user));
    }
}
