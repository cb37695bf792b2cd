using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Domain.Common;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ApplicationFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_applicant_fills_the_form_sees_the_checklist_and_submits_and_an_officer_marks_the_formal_check()
    {
        var now = LtFormat.VilniusTime(DateTime.UtcNow);
        var admin = await fixture.Talka.ApiAsAsync(TalkaFactory.Admin);
        var call = await TestApplications.CallAsync(admin, now.AddDays(-1), now.AddDays(10));
        var organisation = await TestAccounts.OrganisationAsync(fixture.Talka, "Asociacija „Naršyklės paraiška“");
        var email = TestAccounts.Address("teikeja");
        await TestAccounts.InvitedMemberAsync(fixture.Talka, organisation, email);

        // The applicant, on a desktop: the checklist names everything missing; the draft saves itself as they type.
        var applicant = new ApplicationPage(await fixture.PageAsync(email, TestAccounts.NewPassword));
        await applicant.Page.SetViewportSizeAsync(1366, 900);
        await applicant.StartAsync(call);
        await Assertions.Expect(applicant.Missing.Filter(new() { HasText = "Priedas: Įstatai" })).ToHaveCountAsync(1);
        await Assertions.Expect(applicant.Missing.Filter(new() { HasText = "Sąmata ir prašoma suma" })).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(applicant.Page, "60-application-checklist");
        await applicant.FillAsync("Savanorystė kaimo bendruomenėse", "Įtraukti jaunimą į savanorystę",
            "Parengti savanorių koordinatorius", "12 345,67", "5 000");
        await Assertions.Expect(applicant.Autosave).ToContainTextAsync("Juodraštis išsaugotas");
        await Assertions.Expect(applicant.Missing).ToHaveCountAsync(1);
        await applicant.AttachAsync("Įstatai", TestFiles.Pdf("Istatai"));
        await Assertions.Expect(applicant.Saved).ToContainTextAsync("Įkelta: istatai.pdf");
        await Assertions.Expect(applicant.Complete).ToBeVisibleAsync();
        await BrowserFixture.AssertNoSeriousViolationsAsync(applicant.Page);
        await applicant.ConfirmAsync("Pateikti paraišką");
        await Assertions.Expect(applicant.Saved).ToContainTextAsync("Paraiška Nr. NVOK-2027-");
        await Assertions.Expect(applicant.Heading).ToContainTextAsync("Pateikta");
        await Assertions.Expect(applicant.Page.GetByText(LtFormat.Eur(12_345.67m)).First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(applicant.Page, "61-application-submitted");
        var id = applicant.Page.Url.Split('/')[^1];
        await BrowserFixture.ReadsWellAtBothWidthsAsync(applicant.Page, $"/applications/{id}", "62-application");

        // The officer marks the formal check and decides: eligible.
        var officer = new ApplicationPage(await fixture.PageAsync(TalkaFactory.Admin));
        await officer.Page.SetViewportSizeAsync(1366, 900);
        await officer.Page.GotoAsync($"/applications/{id}");
        await officer.MarkAsync("Priedas: Įstatai", "Atitinka");
        await officer.MarkAsync("2025 m. pajamos – ne mažiau kaip " + LtFormat.Eur(1_000m), "Atitinka");
        await BrowserFixture.AssertNoSeriousViolationsAsync(officer.Page);
        await BrowserFixture.ScreenshotAsync(officer.Page, "63-formal-check");
        await officer.ConfirmAsync("Priimti sprendimą");
        await Assertions.Expect(officer.Saved).ToHaveTextAsync("Tinkama");
        await Assertions.Expect(officer.Heading).ToContainTextAsync("Tinkama");
        await BrowserFixture.ScreenshotAsync(officer.Page, "64-formal-check-decided");
        await BrowserFixture.ReadsWellAtBothWidthsAsync(officer.Page, $"/applications/{id}", "65-application-officer");
    }
}
