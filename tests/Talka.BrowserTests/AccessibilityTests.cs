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

    private Task<Guid> SeedProjectIdAsync() => fixture.SeedProjectIdAsync();

    /// <summary>Every page a person reaches, by the role that reaches it; {id} is the seed project of Šeimos santykių
    /// institutas, {programme}, {call}, {organisation}, {event} and {report} records of it. Pages that need records the
    /// seed project has not (an application, an assignment, a ranked call, a signed agreement's text, a returned
    /// report) are swept by the flows that make them, through
    /// <see cref="BrowserFixture.ReadsWellAtBothWidthsAsync"/>.</summary>
    public static TheoryData<string, string, string?> Pages => new()
    {
        { "home", "/", null },
        { "project-list", "/projects", null },
        { "programmes", "/programmes", null },
        { "programme", "/programmes/details/{programme}", null },
        { "call", "/calls/details/{call}", null },
        { "open-data", "/open-data", null },
        { "narrative-check", "/narrative", null },
        { "project-detail", "/projects/details/{id}", null },
        { "login", "/account/login", null },
        { "register", "/account/register", null },
        { "forgot-password", "/account/forgot-password", null },
        { "project-detail-member", "/projects/details/{id}", TalkaFactory.MemberB },
        { "plan-edit", "/projects/edit-plan/{id}", TalkaFactory.MemberB },
        { "indicators", "/projects/{id}/indicators", TalkaFactory.MemberB },
        { "events", "/projects/{id}/events", TalkaFactory.MemberB },
        { "event", "/projects/{id}/events/{event}", TalkaFactory.MemberB },
        { "event-form", "/projects/{id}/events/edit", TalkaFactory.MemberB },
        { "participants", "/projects/{id}/participants?attended=true", TalkaFactory.MemberB },
        { "participant-form", "/projects/{id}/participants/edit", TalkaFactory.MemberB },
        { "volunteers", "/projects/{id}/volunteers", TalkaFactory.MemberB },
        { "deliverables", "/projects/{id}/deliverables", TalkaFactory.MemberB },
        { "import", "/projects/{id}/import", TalkaFactory.MemberB },
        { "finance", "/projects/{id}/finance", TalkaFactory.MemberB },
        { "project-reports", "/projects/{id}/reports", TalkaFactory.MemberB },
        { "report", "/projects/{id}/reports/{report}", TalkaFactory.MemberB },
        { "project-narrative", "/projects/{id}/narrative", TalkaFactory.MemberB },
        { "project-payments", "/projects/{id}/payments", TalkaFactory.MemberB },
        { "notifications", "/notifications", TalkaFactory.MemberB },
        { "password", "/account/password", TalkaFactory.MemberB },
        { "project-detail-admin", "/projects/details/{id}", TalkaFactory.Admin },
        { "project-create", "/projects/create", TalkaFactory.Admin },
        { "report-queue", "/reports", TalkaFactory.Admin },
        { "payments", "/payments", TalkaFactory.Admin },
        { "audit", "/audit", TalkaFactory.Admin },
        { "users", "/users", TalkaFactory.Admin },
        { "invite", "/users/invite", TalkaFactory.Admin },
        { "requests", "/users/requests", TalkaFactory.Admin },
        { "organisations", "/organisations", TalkaFactory.Admin },
        { "organisation", "/organisations/details/{organisation}", TalkaFactory.Admin },
        { "organisation-form", "/organisations/edit", TalkaFactory.Admin },
        { "programme-form", "/programmes/edit/{programme}", TalkaFactory.Admin },
        { "call-form", "/calls/edit/{call}", TalkaFactory.Admin },
        { "application-form-settings", "/calls/{call}/application-form", TalkaFactory.Admin },
        { "applications", "/calls/{call}/applications", TalkaFactory.Admin },
        { "evaluation-board", "/calls/{call}/evaluation", TalkaFactory.Admin },
        { "my-evaluation", "/evaluation", TalkaFactory.Evaluator },
    };

    /// <summary>Each page at a desktop (1366 px) and a phone (390 px) width: a screenshot kept as test output, nothing
    /// wider than the screen, and no serious or critical axe-core violation.</summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_reads_well_on_a_desktop_and_a_phone(string name, string path, string? user)
    {
        var id = await SeedProjectIdAsync();
        var member = await fixture.Talka.ApiAsAsync(TalkaFactory.MemberB);
        var project = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        var address = path.Replace("{id}", id.ToString())
            .Replace("{programme}", project.GetProperty("programmeId").GetGuid().ToString())
            .Replace("{call}", project.GetProperty("callId").GetGuid().ToString())
            .Replace("{organisation}", project.GetProperty("organisationId").GetGuid().ToString());
        if (address.Contains("{event}"))
            address = address.Replace("{event}", (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/events"))
                .GetProperty("items")[0].GetProperty("id").GetGuid().ToString());
        if (address.Contains("{report}"))
            address = address.Replace("{report}", (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/reports"))[0]
                .GetProperty("id").GetGuid().ToString());

        var page = await fixture.PageAsync(user);
        await BrowserFixture.ReadsWellAtBothWidthsAsync(page, address, $"page-{name}");
    }

    [Fact]
    public async Task The_event_page_with_its_attendance_form_has_no_serious_violations()
    {
        var page = await fixture.PageAsync(TalkaFactory.MemberB);
        await page.GotoAsync($"/projects/{await SeedProjectIdAsync()}/events");
        await page.GetByRole(AriaRole.Link, new() { Name = "Seminarai „Antrinė trauma ir atsparumas“" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Seminarai „Antrinė trauma ir atsparumas“");
        await BrowserFixture.ScreenshotAsync(page, "axe-event-attendance");
        await BrowserFixture.AssertNoSeriousViolationsAsync(page);
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
            Assert.Equal(0, await BrowserFixture.OverflowAsync(page));
            await BrowserFixture.ScreenshotAsync(page, $"02-public-project-{width}");
            await BrowserFixture.AssertNoSeriousViolationsAsync(page);
        }
    }
}
