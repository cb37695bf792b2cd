using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>axe-core, run inside the page: no serious or critical violations on the pages everyone reaches
/// first.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string AxeScript = Path.Combine(BrowserFixture.RepositoryRoot, "tests", "Talka.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        Assert.True(File.Exists(AxeScript), $"axe-core is missing at {AxeScript}: run npm ci in tests/Talka.BrowserTests (scripts/test.sh does).");
        // Evaluated through the DevTools protocol, not added as an inline <script>: the page's Content-Security-Policy
        // rightly refuses inline scripts, and the test must not weaken it.
        await page.EvaluateAsync("source => { (0, eval)(source); }", await File.ReadAllTextAsync(AxeScript));
        var json = await page.EvaluateAsync<string>("async () => JSON.stringify((await axe.run()).violations)");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} — " +
                         string.Join("; ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("html").GetString())))
            .ToList();
    }

    private async Task<Guid> SeedProjectIdAsync()
    {
        var api = await fixture.Talka.ApiAsAsync(null);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        return list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("organisation").GetString() == "Šeimos santykių institutas").GetProperty("id").GetGuid();
    }

    [Theory]
    [InlineData("home", "/", null)]
    [InlineData("project-list", "/projects", null)]
    [InlineData("open-data", "/open-data", null)]
    [InlineData("project-detail", "/projects/details/{id}", null)]
    [InlineData("project-detail-admin", "/projects/details/{id}", TalkaFactory.Admin)]
    [InlineData("plan-edit", "/projects/edit-plan/{id}", TalkaFactory.MemberB)]
    [InlineData("login", "/account/login", null)]
    [InlineData("indicators", "/projects/{id}/indicators", TalkaFactory.MemberB)]
    [InlineData("events", "/projects/{id}/events", TalkaFactory.MemberB)]
    [InlineData("participants", "/projects/{id}/participants?attended=true", TalkaFactory.MemberB)]
    [InlineData("participant-form", "/projects/{id}/participants/edit", TalkaFactory.MemberB)]
    [InlineData("event-form", "/projects/{id}/events/edit", TalkaFactory.MemberB)]
    [InlineData("volunteers", "/projects/{id}/volunteers", TalkaFactory.MemberB)]
    [InlineData("deliverables", "/projects/{id}/deliverables", TalkaFactory.MemberB)]
    [InlineData("import", "/projects/{id}/import", TalkaFactory.MemberB)]
    public async Task The_page_has_no_serious_or_critical_accessibility_violations(string name, string path, string? user)
    {
        var page = await fixture.PageAsync(user);
        var response = await page.GotoAsync(path.Replace("{id}", (await SeedProjectIdAsync()).ToString()));
        Assert.Equal(200, response!.Status);
        await BrowserFixture.ScreenshotAsync(page, "axe-" + name);
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_event_page_with_its_attendance_form_has_no_serious_violations()
    {
        var page = await fixture.PageAsync(TalkaFactory.MemberB);
        await page.GotoAsync($"/projects/{await SeedProjectIdAsync()}/events");
        await page.GetByRole(AriaRole.Link, new() { Name = "Seminarai „Antrinė trauma ir atsparumas“" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seminarai „Antrinė trauma ir atsparumas“");
        await BrowserFixture.ScreenshotAsync(page, "axe-event-attendance");
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task The_seed_project_detail_shows_the_amount_in_lithuanian_format()
    {
        var page = await fixture.PageAsync();
        await page.GotoAsync($"/projects/details/{await SeedProjectIdAsync()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Pagrindiniai duomenys" }).GetByText("47\u00A0511,61\u00A0€")).ToBeVisibleAsync();
        // The story in figures opens the public page: persons reached and the funds, above the fold at 1366 px and 390 px.
        var funds = page.Locator("dl.headline-figures").GetByText("47\u00A0511,61\u00A0€");
        await Assertions.Expect(page.Locator("dl.headline-figures").GetByText("209", new() { Exact = true })).ToBeVisibleAsync();
        foreach (var (width, height) in new[] { (1366, 768), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            var box = await page.Locator("dl.headline-figures").BoundingBoxAsync();
            Assert.True(box is not null && box.Y < height, $"At {width} px the figures start at {box?.Y} px.");
            await Assertions.Expect(funds).ToBeVisibleAsync();
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
            await BrowserFixture.ScreenshotAsync(page, $"02-public-project-{width}");
            var violations = await SeriousViolationsAsync(page);
            Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        }
    }
}
