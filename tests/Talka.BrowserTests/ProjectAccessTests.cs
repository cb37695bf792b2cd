using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ProjectAccessTests(BrowserFixture fixture)
{
    private const string SpcProject = "Nacionalinių nevyriausybinių organizacijų institucinio stiprinimo projektas";

    [Fact]
    public async Task A_member_opens_their_own_project_and_is_refused_another_organisations()
    {
        // Organisation B (Šeimos santykių institutas) gets an unpublished project, made by the funder admin through the API.
        var admin = await fixture.Talka.ApiAsAsync(TalkaFactory.Admin);
        var calls = await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls");
        var call = calls.EnumerateArray().First(c => c.GetProperty("year").GetInt32() == 2022);
        var organisations = await admin.GetFromJsonAsync<JsonElement>("/api/v1/organisations");
        var ssi = organisations.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "Šeimos santykių institutas");
        var created = await admin.PostAsJsonAsync("/api/v1/projects", new
        {
            callId = call.GetProperty("id").GetGuid(), organisationId = ssi.GetProperty("id").GetGuid(),
            title = "Neskelbiamas Šeimos santykių instituto projektas", start = "2022-03-01", end = "2022-11-30",
        });
        created.EnsureSuccessStatusCode();
        var hiddenId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var page = await fixture.PageAsync(TalkaFactory.MemberA);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Jūsų organizacija" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "01-member-home");

        await page.GetByRole(AriaRole.Link, new() { Name = "projektai", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = SpcProject }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = SpcProject, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Redaguoti planą" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "02-member-own-project");

        var response = await page.GotoAsync($"/projects/details/{hiddenId}");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Neturite teisės matyti ar keisti šio įrašo" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Neskelbiamas Šeimos santykių instituto projektas")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "03-member-refused-other-project");

        var edit = await page.GotoAsync($"/projects/edit-plan/{hiddenId}");
        Assert.Equal(403, edit!.Status);
    }

    [Fact]
    public async Task A_member_adds_an_objective_to_the_plan_and_sees_it_saved()
    {
        var page = await fixture.PageAsync("caritas@demo.talka.lt");
        await page.GotoAsync("/projects");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nevyriausybines organizacijas vienijančių asociacijų institucinis stiprinimas" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Redaguoti planą" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pridėti uždavinį" }).ClickAsync();
        await page.GetByLabel("6 uždavinys", new() { Exact = true }).FillAsync("Parengti Forumo narių bendradarbiavimo gaires");
        await BrowserFixture.ScreenshotAsync(page, "04-plan-edit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Išsaugoti" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Planas išsaugotas.");
        await Assertions.Expect(page.GetByText("Parengti Forumo narių bendradarbiavimo gaires")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "05-plan-saved");
    }

    [Fact]
    public async Task A_visitor_switches_to_english_and_back()
    {
        var page = await fixture.PageAsync();
        await page.GotoAsync("/projects");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projects", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserFixture.ScreenshotAsync(page, "06-projects-english");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lietuvių" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Projektai", Level = 1 })).ToBeVisibleAsync();
    }
}
