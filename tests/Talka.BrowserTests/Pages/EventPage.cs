using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>An event's page as a member uses it: the attendance list searched, ticked and saved, everyone found
/// marked, attendance copied from another event.</summary>
public sealed class EventPage(IPage page, Guid projectId, Guid eventId)
{
    public IPage Page => page;

    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync($"/projects/{projectId}/events/{eventId}{query}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    public ILocator List => page.Locator("table.attendance");
    public ILocator Rows => List.Locator("tbody tr");
    public ILocator Found => page.GetByText("Rasta:");
    public ILocator Status => page.GetByRole(AriaRole.Status);
    public ILocator Tick(string code) => page.GetByRole(AriaRole.Checkbox, new() { Name = code, Exact = true });

    public async Task SearchAsync(string text)
    {
        await page.GetByLabel("Ieškoti pagal numerį ar vardą").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rodyti", Exact = true }).ClickAsync();
    }

    public async Task SaveAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Išsaugoti dalyvavimą" }).ClickAsync();

    public async Task MarkAllFoundAsync() =>
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Pažymėti visus") }).ClickAsync();

    /// <summary>Unmarks everyone found, answering the question before it with yes.</summary>
    public async Task UnmarkAllFoundAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Nuimti") })
            .ClickAcceptingAsync(page);
    }

    public async Task CopyFromAsync(string eventLabelStart)
    {
        var select = page.GetByLabel("Kopijuoti iš kito renginio");
        var option = select.Locator("option").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(eventLabelStart)) });
        await select.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Pažymėti ten dalyvavusius" }).ClickAsync();
    }

    /// <summary>How much wider than the window the page is (0 when nothing sticks out sideways).</summary>
    public Task<int> OverflowAsync() => BrowserFixture.OverflowAsync(page);
}
