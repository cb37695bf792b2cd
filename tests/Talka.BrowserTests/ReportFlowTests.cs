using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
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
        await admin.GotoAsync($"/projects/{id}/reports/{report}");
        await admin.GetByLabel("Pastaba").FillAsync("Trūksta dalyvių sąrašo.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Grąžinti", Exact = true }).ClickAsync();
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
}
