using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>The home page as each role sees it.</summary>
public sealed class HomePage(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    public ILocator Section(string heading) => page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 });

    /// <summary>The count link of the funder's queue, e.g. "laukia peržiūros".</summary>
    public ILocator Count(string label) => page.Locator("ul.counts a", new() { HasText = label });

    public Task<int> OverflowAsync() =>
        BrowserFixture.OverflowAsync(page);
}
