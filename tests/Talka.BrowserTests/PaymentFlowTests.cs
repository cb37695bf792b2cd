using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>A programme officer takes a project from its agreement to its first payment in the browser, on a desktop
/// and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PaymentFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_officer_plans_the_schedule_records_the_signature_approves_and_pays_the_advance()
    {
        var project = await TestProjects.CreateAsync(fixture.Talka, "Mokėjimai naršyklėje", granted: 40_000m);
        var officer = new PaymentsPage(await fixture.PageAsync(TalkaFactory.Admin));
        await officer.Page.SetViewportSizeAsync(1366, 900);
        await officer.OpenAsync(project);
        await Assertions.Expect(officer.Status).ToHaveTextAsync("Projektas");
        await officer.PlanDefaultAsync();
        await Assertions.Expect(officer.Rows).ToHaveCountAsync(5);
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("12 000,00 €");
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("Suplanuotas");

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await officer.SignAsync(today, "Direktorė R. Rūtienė");
        await Assertions.Expect(officer.Status).ToHaveTextAsync("Galioja");
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("Galima tvirtinti");
        // The funder's list shows the advance among what can be approved, with its amount.
        await officer.Page.GotoAsync("/payments?state=Eligible");
        await Assertions
            .Expect(officer.Page.Locator("table.cards-narrow tbody tr", new() { HasText = "Mokėjimai naršyklėje" }))
            .ToContainTextAsync("12 000,00 €");
        var listViolations = await AccessibilityTests.SeriousViolationsAsync(officer.Page);
        Assert.True(listViolations.Count == 0, string.Join(Environment.NewLine, listViolations));
        await officer.OpenAsync(project);
        await officer.ApproveAsync(0);
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("Patvirtintas, laukia išmokėjimo");
        await officer.PayAsync(0, today, "MN-2026-5");
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("MN-2026-5");
        await Assertions.Expect(officer.Page.Locator(".figures-row")).ToContainTextAsync("Išmokėta12 000,00 €");
        var violations = await AccessibilityTests.SeriousViolationsAsync(officer.Page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await BrowserFixture.ScreenshotAsync(officer.Page, "90-project-payments");

        // On a phone the rows become cards and nothing runs off the screen.
        await officer.Page.SetViewportSizeAsync(390, 844);
        Assert.Equal(
            0,
            await officer.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth")
        );
        await BrowserFixture.ScreenshotAsync(officer.Page, "91-project-payments-phone");
    }
}
