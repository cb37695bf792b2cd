using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>A report as an NGO coordinator and a programme officer go through it: what is typed is never lost,
/// leaving with unsaved edits warns, and submit, return and approve ask first.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportFlowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_narrative_submitted_without_saving_is_in_the_frozen_version_and_every_step_asks_first()
    {
        // An unpublished project of its own: nothing public changes for the other tests.
        var id = await TestProjects.CreateAsync(fixture.Talka, "Ataskaitos eiga naršyklėje");
        var member = await fixture.Talka.ApiAsAsync(TalkaFactory.MemberB);
        var plan = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        (
            await member.PutAsJsonAsync(
                $"/api/v1/projects/{id}/plan",
                new
                {
                    version = plan.GetProperty("version").GetInt32(),
                    title = "Ataskaitos eiga naršyklėje",
                    objectives = new[] { new { text = "Stiprinti šeimas" } },
                    activities = new[]
                    {
                        new
                        {
                            objectiveNumber = 1,
                            kind = "Training",
                            title = "Mokymai tėvams",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        var report = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))
            .EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "Final")
            .GetProperty("id")
            .GetGuid();

        var page = await fixture.PageAsync(TalkaFactory.MemberB);
        var dialogs = new List<(string Type, string Message)>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add((dialog.Type, dialog.Message));
            if (accept)
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };
        await page.GotoAsync($"/projects/{id}/reports/{report}");
        await page.GetByLabel("Mokymai tėvams").FillAsync("Mokymuose dalyvavo 12 tėvų iš trijų seniūnijų.");

        // Leaving with the text unsaved warns; staying keeps it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rodikliai", Exact = true }).ClickAsync();
        await Assertions
            .Expect(page.GetByLabel("Mokymai tėvams"))
            .ToHaveValueAsync("Mokymuose dalyvavo 12 tėvų iš trijų seniūnijų.");
        Assert.Contains(dialogs, d => d.Type == "beforeunload");

        // Submitting asks first; cancelling submits nothing.
        dialogs.Clear();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pateikti ataskaitą" }).ClickAsync();
        Assert.StartsWith("Pateikti ataskaitą?", Assert.Single(dialogs).Message);
        Assert.Equal(
            "Draft",
            (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}"))
                .GetProperty("report")
                .GetProperty("status")
                .GetString()
        );
        accept = true;
        await page.GetByRole(AriaRole.Button, new() { Name = "Pateikti ataskaitą" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Ataskaita pateikta.");
        await Assertions
            .Expect(page.GetByRole(AriaRole.Region, new() { Name = "Veiklų aprašymas" }))
            .ToContainTextAsync("Mokymuose dalyvavo 12 tėvų iš trijų seniūnijų.");
        await BrowserFixture.ScreenshotAsync(page, "report-submitted");

        // The programme officer: returning and approving ask first too.
        var admin = await fixture.PageAsync(TalkaFactory.Admin);
        var asked = new List<string>();
        var approve = false;
        admin.Dialog += async (_, dialog) =>
        {
            asked.Add(dialog.Message);
            if (approve)
                await dialog.AcceptAsync();
            else
                await dialog.DismissAsync();
        };
        var review = new ReportReviewPage(admin);
        await review.OpenAsync(id, report);
        await review.FillRemarkAsync(1, "Bendra pastaba", null, "Trūksta dalyvių sąrašo.");
        await review.ReturnAsync();
        Assert.StartsWith("Grąžinti ataskaitą", Assert.Single(asked));
        approve = true;
        await admin.GetByRole(AriaRole.Button, new() { Name = "Patvirtinti ataskaitą" }).ClickAsync();
        Assert.StartsWith("Patvirtinti ataskaitą?", asked[^1]);
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Ataskaita patvirtinta.");
        Assert.Equal(
            "Approved",
            (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports/{report}"))
                .GetProperty("report")
                .GetProperty("status")
                .GetString()
        );
        await BrowserFixture.ScreenshotAsync(admin, "report-approved");
    }

    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task An_officer_returns_a_report_with_two_remarks_and_the_organisation_reads_them_with_name_and_date(
        int width, int height)
    {
        var id = await TestProjects.CreateAsync(fixture.Talka, $"Ataskaita su dviem pastabomis ({width} px)");
        var member = await fixture.Talka.ApiAsAsync(TalkaFactory.MemberB);
        var quarter = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))
            .EnumerateArray()
            .First(r => r.GetProperty("kind").GetString() == "QuarterlyFinancial");
        var report = quarter.GetProperty("id").GetGuid();
        var url = $"/api/v1/projects/{id}/reports/{report}";
        var version = (await member.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt32();
        (await member.PostAsJsonAsync($"{url}/submit", new { version })).EnsureSuccessStatusCode();
        var officer = await fixture.Talka.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Users.Where(u => u.Email == TalkaFactory.Admin).Select(u => u.DisplayName)));

        var admin = await fixture.PageAsync(TalkaFactory.Admin);
        await admin.SetViewportSizeAsync(width, height);
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var review = new ReportReviewPage(admin);
        await review.OpenAsync(id, report);
        await review.FillRemarkAsync(1, "Bendra pastaba", null, "Pridėkite banko išrašą.");
        // A third row is asked for and comes back with what was typed in the first two.
        await review.AddRemarkRowAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Group, new() { Name = "3 pastaba" })).ToBeVisibleAsync();
        await Assertions
            .Expect(admin.GetByRole(AriaRole.Group, new() { Name = "1 pastaba" }).GetByLabel("Pastaba", new() { Exact = true }))
            .ToHaveValueAsync("Pridėkite banko išrašą.");
        var firstTable = await admin.Locator("#remark-section-1 option").Nth(1).TextContentAsync();
        await review.FillRemarkAsync(2, firstTable!, "2 eilutė", "Sąskaitos data ne ketvirčio laikotarpio.");
        await BrowserFixture.AssertNoSeriousViolationsAsync(admin);
        Assert.True(await BrowserFixture.OverflowAsync(admin) <= 0,
            $"The return form scrolls sideways at {width} px");
        await BrowserFixture.ScreenshotAsync(admin, $"report-return-remarks-{width}");
        await review.ReturnAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Ataskaita grąžinta su pastabomis.");

        var page = await fixture.PageAsync(TalkaFactory.MemberB);
        await page.SetViewportSizeAsync(width, height);
        var seen = new ReportReviewPage(page);
        await seen.OpenAsync(id, report);
        await Assertions.Expect(seen.Remarks).ToHaveCountAsync(2);
        await Assertions.Expect(seen.Remarks.Nth(0)).ToContainTextAsync("Bendra pastaba");
        await Assertions.Expect(seen.Remarks.Nth(0)).ToContainTextAsync("Pridėkite banko išrašą.");
        await Assertions.Expect(seen.Remarks.Nth(1)).ToContainTextAsync($"{firstTable}: 2 eilutė");
        await Assertions.Expect(seen.Remarks.Nth(1)).ToContainTextAsync("Sąskaitos data ne ketvirčio laikotarpio.");
        // The officer by name, not by e-mail address, with the day.
        await Assertions.Expect(seen.Remarks.Nth(0)).ToContainTextAsync(officer);
        await Assertions.Expect(seen.Remarks.Nth(0)).Not.ToContainTextAsync(TalkaFactory.Admin);
        var at = (await member.GetFromJsonAsync<JsonElement>(url)).GetProperty("comments")[0].GetProperty("at").GetDateTimeOffset();
        await Assertions.Expect(seen.Remarks.Nth(0)).ToContainTextAsync(Talka.Domain.Common.LtFormat.LocalTime(at));
        Assert.True(await BrowserFixture.OverflowAsync(page) <= 0,
            $"The returned report scrolls sideways at {width} px");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"report-returned-with-remarks-{width}");
    }
}
