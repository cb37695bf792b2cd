using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>A programme officer takes a project from its agreement to its first payment, and another from a
/// reallocation its organisation asked for to its settlement and closure, in the browser, on a desktop and on a
/// phone.</summary>
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
        await BrowserFixture.AssertNoSeriousViolationsAsync(officer.Page);
        await officer.OpenAsync(project);
        await officer.ApproveAsync(0);
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("Patvirtintas, laukia išmokėjimo");
        await officer.PayAsync(0, today, "MN-2026-5");
        await Assertions.Expect(officer.Rows.Nth(0)).ToContainTextAsync("MN-2026-5");
        await Assertions.Expect(officer.Page.Locator(".figures-row")).ToContainTextAsync("Išmokėta12 000,00 €");
        await BrowserFixture.AssertNoSeriousViolationsAsync(officer.Page);
        await BrowserFixture.ScreenshotAsync(officer.Page, "90-project-payments");

        // On a phone the rows become cards and nothing runs off the screen.
        await officer.Page.SetViewportSizeAsync(390, 844);
        Assert.Equal(
            0,
            await BrowserFixture.OverflowAsync(officer.Page)
        );
        await BrowserFixture.ScreenshotAsync(officer.Page, "91-project-payments-phone");
        // The signed agreement's text, as the organisation reads it.
        var reader = await fixture.PageAsync(TalkaFactory.MemberB);
        await BrowserFixture.ReadsWellAtBothWidthsAsync(
            reader, $"/projects/{project}/payments/agreement", "94-agreement-text");
        await Assertions.Expect(reader.GetByText("Direktorė R. Rūtienė").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_member_asks_for_a_reallocation_the_officer_approves_it_settles_and_the_repaid_project_closes()
    {
        var talka = fixture.Talka;
        var project = await TestProjects.CreateAsync(talka, "Atsiskaitymas naršyklėje", granted: 20_000m);
        var admin = await talka.ApiAsAsync(TalkaFactory.Admin);
        var api = await talka.ApiAsAsync(TalkaFactory.MemberB);
        var url = $"/api/v1/projects/{project}";
        (
            await api.PutAsJsonAsync(
                url + "/budget",
                new
                {
                    lines = new[]
                    {
                        new { category = "Personnel", grantAmount = 15_000, ownFunds = 0 },
                        new { category = "EventsAndTraining", grantAmount = 5_000, ownFunds = 0 },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        // Signed and paid in full; 18 000 € spent.
        var version = (await admin.GetFromJsonAsync<JsonElement>(url + "/payments")).GetProperty("agreement").GetProperty("version").GetInt32();
        (await admin.PostAsJsonAsync(url + "/agreement/sign", new { signedOn = "2022-01-10", signatories = "Direktorė", version }))
            .EnsureSuccessStatusCode();
        await TestPayments.PayOnSignatureAsync(admin, project, 20_000m, "2022-01-20", "MN-3");
        (
            await api.PostAsJsonAsync(
                url + "/expenditures",
                new
                {
                    documentType = "Invoice", documentNumber = "S-1", documentDate = "2022-06-01", supplier = "UAB „Salė“",
                    content = "Mokymai", category = "EventsAndTraining", amount = 18_000m, paidOn = "2022-06-10",
                }
            )
        ).EnsureSuccessStatusCode();

        // The organisation asks to move 2 000 € (13 % of personnel, above the call's 10 %): it waits for the funder.
        var member = new PaymentsPage(await fixture.PageAsync(TalkaFactory.MemberB));
        await member.Page.SetViewportSizeAsync(1366, 900);
        await member.OpenAsync(project);
        await member.RequestReallocationAsync("Darbo užmokestis", "Renginiai ir mokymai", "2 000", "Daugiau mokymų dalyviams");
        await Assertions.Expect(member.Amendments.First).ToContainTextAsync("Prašoma");
        await Assertions.Expect(member.Amendments.First).ToContainTextAsync("Daugiau mokymų dalyviams");
        await BrowserFixture.AssertNoSeriousViolationsAsync(member.Page);

        // The final report is approved; the officer approves the amendment and records the settlement.
        await TestPayments.ApproveFinalReportAsync(api, admin, project);
        var officer = new PaymentsPage(await fixture.PageAsync(TalkaFactory.Admin));
        await officer.Page.SetViewportSizeAsync(1366, 900);
        await officer.OpenAsync(project);
        await officer.ApproveAmendmentAsync(0);
        await Assertions.Expect(officer.Amendments.First).ToContainTextAsync("Patvirtinta");
        await Assertions.Expect(officer.Amendments.First).ToContainTextAsync("Buvo 15 000,00 € → tapo 13 000,00 €");
        await officer.SettleAsync();
        // Paid 20 000 €, admitted 18 000 €: 2 000 € to return by 10 January.
        await Assertions.Expect(officer.Recoveries).ToContainTextAsync("2 000,00 €, grąžinti iki 2023-01-10");
        await officer.RepayAsync("2023-01-05", "2 000");
        await Assertions.Expect(officer.Page.Locator("p.notice", new() { HasText = "Projektas užbaigtas" })).ToBeVisibleAsync();
        await BrowserFixture.AssertNoSeriousViolationsAsync(officer.Page);
        await BrowserFixture.ScreenshotAsync(officer.Page, "92-project-settled");
        await officer.Page.SetViewportSizeAsync(390, 844);
        Assert.Equal(0, await BrowserFixture.OverflowAsync(officer.Page));
        await BrowserFixture.AssertNoSeriousViolationsAsync(officer.Page);
        await BrowserFixture.ScreenshotAsync(officer.Page, "93-project-settled-phone");
    }
}
