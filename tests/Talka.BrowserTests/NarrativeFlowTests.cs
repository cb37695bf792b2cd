using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class NarrativeFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_pastes_a_results_text_and_sees_its_figures_marked_on_a_desktop_and_a_phone()
    {
        var visitor = new NarrativePage(await fixture.PageAsync(null));
        await visitor.Page.SetViewportSizeAsync(1366, 900);
        await visitor.ReadAsync(
            "Dvidešimt NVO darbuotojų 11 dienų (88 ak. val.) mokėsi VTRS mokymuose. Įvyko seminarai (5 vnt. po 6 "
                + "ak. val., viso 30 ak. val.).\nViso projekto veiklose dalyvavo 209 asm. Projekto įgyvendinimui "
                + "panaudotų lėšų suma – 47511.61 Eur."
        );
        await Assertions
            .Expect(visitor.Marks)
            .ToHaveTextAsync([
                "Dvidešimt NVO darbuotojų",
                "11 dienų",
                "88 ak. val.",
                "5 vnt.",
                "30 ak. val.",
                "209 asm.",
                "47511.61 Eur",
            ]);
        await Assertions.Expect(visitor.Rows.Nth(3)).ToContainTextAsync("5 × 6 ak. val. = 30 ak. val.");
        await Assertions.Expect(visitor.Rows.Nth(6)).ToContainTextAsync("47 511,61");
        await BrowserFixture.AssertNoSeriousViolationsAsync(visitor.Page);
        await BrowserFixture.ScreenshotAsync(visitor.Page, "80-narrative-facts");
        await visitor.Page.SetViewportSizeAsync(390, 844);
        Assert.Equal(
            0,
            await BrowserFixture.OverflowAsync(visitor.Page)
        );
        await BrowserFixture.ScreenshotAsync(visitor.Page, "81-narrative-facts-phone");
    }

    [Fact]
    public async Task An_officer_checks_a_projects_text_and_sees_a_claim_above_the_records_marked_with_both_values()
    {
        var project = await TestProjects.CreateAsync(fixture.Talka, "Naršyklės tekstų tikrinimas");
        var officer = new NarrativePage(await fixture.PageAsync(TalkaFactory.Admin));
        await officer.Page.SetViewportSizeAsync(1366, 900);
        await officer.ReadAsync(
            "Viso projekto veiklose dalyvavo 12 asm. Projektas vykdytas 2022 m.",
            $"/projects/{project}/narrative"
        );
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("Skiriasi: tekste 12, įrašuose 0");
        // The compared figure names its records and links to them, as the indicators page does.
        await Assertions
            .Expect(officer.Rows.Nth(0).GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync("href", $"/projects/{project}/participants?attended=true");
        await Assertions.Expect(officer.Rows.Nth(1)).ToContainTextAsync("Sutampa");
        await BrowserFixture.AssertNoSeriousViolationsAsync(officer.Page);
        await BrowserFixture.ScreenshotAsync(officer.Page, "82-narrative-project-check");
    }
}
