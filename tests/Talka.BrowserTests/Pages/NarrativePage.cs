using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>The "check a text" page as a visitor uses it: paste a text, read the figures marked in it.</summary>
public sealed class NarrativePage(IPage page)
{
    public IPage Page => page;
    public ILocator Marks => page.Locator("p.narrative mark");
    public ILocator Rows => page.Locator("#facts-heading ~ .table-wrap tbody tr");

    public async Task ReadAsync(string text, string address = "/narrative")
    {
        await page.GotoAsync(address);
        await page.GetByLabel("Tekstas", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rasti skaičius" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
