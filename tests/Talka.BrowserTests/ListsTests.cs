using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>The project list and the funder's report queue as people search and sort them: without diacritics or
/// capitals, by column, on a desktop and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_searches_the_project_list_without_diacritics_and_sorts_it_by_title()
    {
        var token = "Kt" + Guid.NewGuid().ToString("N")[..6];
        // A programme of its own: the published projects change no other test's public figures.
        var (call, _) = await TestProjects.OwnCallAsync(fixture.Talka, $"Sąrašų programa {token}");
        await TestProjects.CreateAsync(fixture.Talka, $"Beržyno bendruomenė {token}", published: true, callId: call);
        await TestProjects.CreateAsync(fixture.Talka, $"Ąžuolyno bendruomenė {token}", published: true, callId: call);
        await TestProjects.CreateAsync(fixture.Talka, $"Neskelbta bendruomenė {token}", callId: call);

        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            var page = await fixture.PageAsync();
            await page.SetViewportSizeAsync(width, height);
            var list = new ListPage(page, "/projects", "Paieška (pavadinimas ar organizacija)");
            await list.OpenAsync();
            if (width == 1366)
            {
                // The filters stand on one line, fields and button alike, each field as tall as the others.
                var boxes = await list.FilterBoxesAsync();
                Assert.True(boxes.Length >= 5, $"{boxes.Length} filter controls");
                Assert.All(boxes, box => Assert.InRange(box[1], boxes[0][1] - 1, boxes[0][1] + 1));
                Assert.All(boxes[..^1], box => Assert.InRange(box[2], boxes[0][2] - 1, boxes[0][2] + 1));
            }
            await list.SearchAsync($"azuolyno {token.ToLowerInvariant()}");
            await Assertions.Expect(list.Rows).ToHaveCountAsync(1);
            await Assertions.Expect(list.Rows.First).ToContainTextAsync($"Ąžuolyno bendruomenė {token}");
            // Both published ones, never the unpublished one; by title, Lithuanian order (Ą before B).
            await list.SearchAsync(token);
            await Assertions.Expect(list.Rows).ToHaveCountAsync(2);
            await list.SortByAsync("Projektas ir organizacija");
            await Assertions.Expect(list.Rows.Nth(0)).ToContainTextAsync("Ąžuolyno");
            await Assertions.Expect(list.Rows.Nth(1)).ToContainTextAsync("Beržyno");
            Assert.Contains("sort=title", page.Url);
            Assert.True(await BrowserFixture.OverflowAsync(page) <= 0,
                $"The project list scrolls sideways at {width} px");
            await BrowserFixture.ScreenshotAsync(page, $"projects-search-{width}");
        }
    }

    [Fact]
    public async Task An_officer_searches_the_report_queue_and_sorts_it_by_project()
    {
        var token = "Kq" + Guid.NewGuid().ToString("N")[..6];
        var admin = await fixture.Talka.ApiAsAsync(TalkaFactory.Admin);
        foreach (var title in new[] { $"Vyšnių sodas {token}", $"Alyvų alėja {token}" })
        {
            var id = await TestProjects.CreateAsync(fixture.Talka, title);
            // The project's reports, as scheduled from its agreement.
            (await admin.GetAsync($"/api/v1/projects/{id}/reports")).EnsureSuccessStatusCode();
        }

        var page = await fixture.PageAsync(TalkaFactory.Admin);
        foreach (var (width, height) in new[] { (1366, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            var queue = new ListPage(page, "/reports", "Projektas ar organizacija");
            await queue.OpenAsync();
            await queue.SearchAsync($"vysniu {token.ToLowerInvariant()}");
            await Assertions.Expect(queue.Rows.First).ToContainTextAsync($"Vyšnių sodas {token}");
            await Assertions.Expect(queue.Rows.Filter(new() { HasText = "Alyvų alėja" })).ToHaveCountAsync(0);

            await queue.SearchAsync(token);
            await queue.SortByAsync("Projektas");
            Assert.Contains("sort=project", page.Url);
            var projects = await page.Locator("main table tbody tr td:nth-child(2)").AllInnerTextsAsync();
            Assert.True(projects.Count >= 2, string.Join(" | ", projects));
            // Sorted by project: every Alyvų row before every Vyšnių row.
            var lastAlyvu = projects.ToList().FindLastIndex(p => p.Contains("Alyvų alėja"));
            var firstVysniu = projects.ToList().FindIndex(p => p.Contains("Vyšnių sodas"));
            Assert.True(lastAlyvu >= 0 && firstVysniu > lastAlyvu, string.Join(" | ", projects));
            Assert.True(await BrowserFixture.OverflowAsync(page) <= 0,
                $"The report queue scrolls sideways at {width} px");
            await BrowserFixture.ScreenshotAsync(page, $"report-queue-sorted-{width}");
        }
    }
}
