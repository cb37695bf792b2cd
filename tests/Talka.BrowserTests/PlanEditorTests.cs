using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>The plan editor without traps, on a desktop and a phone: an activity added and another removed with
/// buttons, a municipality found by typing, what was typed kept across the row buttons.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanEditorTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task A_coordinator_adds_one_activity_removes_another_and_chooses_a_municipality(int width, int height)
    {
        var id = await TestProjects.CreateAsync(fixture.Talka, $"Plano redaktorius {width}");
        var api = await fixture.Talka.ApiAsAsync(TalkaFactory.MemberB);
        var version = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("version").GetInt32();
        (await api.PutAsJsonAsync($"/api/v1/projects/{id}/plan", new
        {
            version, title = $"Plano redaktorius {width}",
            objectives = new[] { new { text = "Stiprinti šeimas" } },
            activities = new[]
            {
                new { objectiveNumber = 1, kind = "Training", title = "Mokymai tėvams" },
                new { objectiveNumber = 1, kind = "Seminar", title = "Seminaras mokytojams" },
            },
        })).EnsureSuccessStatusCode();

        var page = await fixture.PageAsync(TalkaFactory.MemberB);
        await page.SetViewportSizeAsync(width, height);
        var editor = new PlanEditorPage(page);
        await editor.OpenAsync(id);
        await page.GetByLabel("Pavadinimas", new() { Exact = true }).FillAsync($"Plano redaktorius {width} (pataisytas)");
        await editor.AddActivityAsync();
        // The new row is there, and the title typed before the button press is kept.
        await Assertions.Expect(editor.ActivityTitles).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByLabel("Pavadinimas", new() { Exact = true })).ToHaveValueAsync($"Plano redaktorius {width} (pataisytas)");
        await editor.FillActivityAsync(3, "Konsultacijos šeimoms", "Konsultacija");
        await editor.RemoveActivityAsync(1);
        await Assertions.Expect(editor.ActivityTitles).ToHaveCountAsync(2);
        await Assertions.Expect(editor.ActivityTitles.Nth(0)).ToHaveValueAsync("Seminaras mokytojams");
        await Assertions.Expect(editor.ActivityTitles.Nth(1)).ToHaveValueAsync("Konsultacijos šeimoms");
        await editor.ChooseMunicipalityAsync("birst", "Birštono");
        await Assertions.Expect(editor.ChosenMunicipalities).ToHaveTextAsync(["Birštono ×"]);
        Assert.True(await BrowserFixture.OverflowAsync(page) <= 0,
            $"The plan editor scrolls sideways at {width} px");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"plan-editor-{width}");
        await editor.SaveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Planas išsaugotas.");

        var saved = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        var titles = saved.GetProperty("objectives")[0].GetProperty("activities").EnumerateArray()
            .Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Equal(["Seminaras mokytojams", "Konsultacijos šeimoms"], titles);
        Assert.Equal(["Birštono"], saved.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal($"Plano redaktorius {width} (pataisytas)", saved.GetProperty("title").GetString());
    }
}
