using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>A programme's page as a visitor reads it, on a desktop and a phone: the map of municipalities coloured by
/// participants (small cells withheld) and the programme's projects, searched on the server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgrammePageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_visitor_sees_the_programmes_map_and_finds_its_published_project_on_a_desktop_and_a_phone()
    {
        // A programme of its own, with one call, a published and an unpublished project.
        var (call, programme) = await TestProjects.OwnCallAsync(fixture.Talka, "Žemėlapio programa");
        var shown = await TestProjects.CreateAsync(fixture.Talka, "Šeimų stiprinimas Kaune", published: true, callId: call);
        await TestProjects.CreateAsync(fixture.Talka, "Neskelbiamas žemėlapio projektas", callId: call);

        // Eight persons in Kaunas, six in Vilnius, five in Molėtai and three in Zarasai attend an event of the
        // published project.
        var member = await fixture.Talka.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await (await member.PostAsJsonAsync($"/api/v1/projects/{shown}/events",
            new { kind = "Training", topic = "Mokymai šeimoms", start = "2022-05-01", end = "2022-05-01", sessions = 1, hoursPerSession = 2 })).IdOf();
        var marks = new List<object>();
        var places = new[] { ("Kauno m.", 8), ("Vilniaus m.", 6), ("Molėtų r.", 5), ("Zarasų r.", 3) }
            .SelectMany(p => Enumerable.Repeat(p.Item1, p.Item2)).ToList();
        for (var i = 0; i < places.Count; i++)
        {
            var person = await (await member.PostAsJsonAsync($"/api/v1/projects/{shown}/participants", new
            {
                code = $"Z-{i}", category = "TargetGroupMember", municipality = places[i], targetGroup = "Children",
            })).IdOf();
            marks.Add(new { participantId = person });
        }
        (await member.PutAttendanceAsync(shown, eventId, marks)).EnsureSuccessStatusCode();

        foreach (var (width, height, name) in new[] { (1366, 900, "desktop"), (390, 844, "phone") })
        {
            var page = await fixture.PageAsync();
            await page.SetViewportSizeAsync(width, height);
            var visitor = new ProgrammePage(page);
            await visitor.OpenAsync(programme);

            // The map: Kaunas in the darkest shade with its count, Vilnius lighter; Zarasai withheld (fewer than
            // five), and with it the next smallest, Molėtai, so that neither can be worked out from the total.
            await Assertions.Expect(visitor.Tile("Kauno m.")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("tile-s5"));
            await Assertions.Expect(visitor.Tile("Kauno m.")).ToContainTextAsync("8");
            await Assertions.Expect(visitor.Tile("Vilniaus m.")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("tile-s4"));
            await Assertions.Expect(visitor.Tile("Zarasų r.")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("tile-withheld"));
            await Assertions.Expect(visitor.Tile("Zarasų r.")).ToContainTextAsync("< 5");
            await Assertions.Expect(visitor.Tile("Zarasų r.")).Not.ToContainTextAsync("3");
            await Assertions.Expect(visitor.Tile("Molėtų r.")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("tile-withheld"));
            await Assertions.Expect(visitor.Tile("Alytaus m.")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("tile-none"));
            Assert.Equal(60, await page.Locator(".tile-map .tile").CountAsync());

            // The projects: the published one only; found without diacritics or capitals, and not by another word.
            await Assertions.Expect(visitor.ProjectRows).ToHaveCountAsync(1);
            await Assertions.Expect(visitor.ProjectRows.First).ToContainTextAsync("Šeimų stiprinimas Kaune");
            await visitor.SearchProjectsAsync("seimu stiprinimas");
            await Assertions.Expect(visitor.ProjectRows.First).ToContainTextAsync("Šeimų stiprinimas Kaune");
            await visitor.SearchProjectsAsync("neskelbiamas");
            await Assertions.Expect(visitor.ProjectRows.First).ToContainTextAsync("Nieko nerasta");

            // Nothing wider than the screen, and no serious accessibility violation.
            Assert.True(await BrowserFixture.OverflowAsync(page) <= 0,
                $"The programme page scrolls sideways at {width} px");
            await BrowserFixture.AssertNoSeriousViolationsAsync(page);
            await visitor.OpenAsync(programme);
            await BrowserFixture.ScreenshotAsync(page, $"programme-map-{name}");
        }
    }
}
