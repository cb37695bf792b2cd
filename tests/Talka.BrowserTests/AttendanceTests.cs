using System.Net.Http.Json;
using Microsoft.Playwright;
using Talka.BrowserTests.Pages;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class AttendanceTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Attendance_of_a_five_thousand_person_project_is_marked_on_a_desktop_and_on_a_phone()
    {
        var project = await TestProjects.CreateAsync(fixture.Talka, "Penkių tūkstančių dalyvių projektas");
        var member = await fixture.Talka.ApiAsAsync(TalkaFactory.MemberB);
        var events = new List<Guid>();
        foreach (var topic in new[] { "Įvadiniai mokymai", "Tęstiniai mokymai" })
            events.Add(await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events",
                new { kind = "Training", topic, start = "2022-05-10", end = "2022-05-10", sessions = 1, hoursPerSession = 4 })).IdOf());
        await TestParticipants.AddAsync(fixture.Talka, project, 5_000, "P", i => i == 4_321 ? "Živilė Ąžuolaitė" : $"Dalyvis {i}");

        // A desktop: search, tick, save; then everyone else at once.
        var desktop = new EventPage(await fixture.PageAsync(TalkaFactory.MemberB), project, events[0]);
        await desktop.Page.SetViewportSizeAsync(1366, 900);
        await desktop.OpenAsync();
        await Assertions.Expect(desktop.Found).ToHaveTextAsync("Rasta: 5\u00A0000 dalyvių.");
        await Assertions.Expect(desktop.Rows).ToHaveCountAsync(50);
        await desktop.SearchAsync("zivile azuolaite");
        await Assertions.Expect(desktop.Rows).ToHaveCountAsync(1);
        await desktop.Tick("P-04321").CheckAsync();
        await desktop.SaveAsync();
        await Assertions.Expect(desktop.Status).ToHaveTextAsync("Dalyvavimas išsaugotas: 1 dalyvis.");
        await Assertions.Expect(desktop.Tick("P-04321")).ToBeCheckedAsync();
        await desktop.SearchAsync("");
        await desktop.MarkAllFoundAsync();
        await Assertions.Expect(desktop.Status).ToHaveTextAsync("Pažymėta, kad dalyvavo: 4\u00A0999 dalyviai.");
        await Assertions.Expect(desktop.Page.GetByRole(AriaRole.Heading, new() { Name = "Dalyvavo (5\u00A0000)" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(desktop.Page, "30-attendance-desktop");
        await BrowserFixture.AssertNoSeriousViolationsAsync(desktop.Page);

        // A phone, 390 px wide: copy the first event's list, take some off, tick one back.
        var phone = new EventPage(await fixture.PageAsync(TalkaFactory.MemberB), project, events[1]);
        await phone.Page.SetViewportSizeAsync(390, 844);
        await phone.OpenAsync();
        await phone.CopyFromAsync("Nr. 1 ·");
        await Assertions.Expect(phone.Status).ToHaveTextAsync("Pažymėta, kad dalyvavo: 5\u00A0000 dalyvių.");
        await phone.SearchAsync("P-0000");
        await Assertions.Expect(phone.Found).ToHaveTextAsync("Rasta: 9 dalyviai.");
        await phone.UnmarkAllFoundAsync();
        await Assertions.Expect(phone.Status).ToHaveTextAsync("Dalyvavimo žymė nuimta: 9 dalyviai.");
        await phone.Tick("P-00005").CheckAsync();
        await phone.SaveAsync();
        await Assertions.Expect(phone.Status).ToHaveTextAsync("Dalyvavimas išsaugotas: 1 dalyvis.");
        await Assertions.Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Dalyvavo (4\u00A0992)" })).ToBeVisibleAsync();
        var box = await phone.Tick("P-00005").BoundingBoxAsync();
        Assert.True(box is { Width: >= 24, Height: >= 24 }, $"The tick box is {box?.Width}×{box?.Height} px.");
        Assert.Equal(0, await phone.OverflowAsync());
        await BrowserFixture.ScreenshotAsync(phone.Page, "31-attendance-phone");
    }
}
