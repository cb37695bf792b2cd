using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>A register as a person works it: a search box, column headings that sort, rows (cards on a phone).
/// Serves the project list and the funder's report queue, which are built the same way.</summary>
public sealed class ListPage(IPage page, string path, string searchLabel)
{
    public IPage Page => page;
    public ILocator Rows => page.Locator("main table tbody tr");

    public async Task OpenAsync() => await page.GotoAsync(path);

    public async Task SearchAsync(string text)
    {
        var box = page.GetByRole(AriaRole.Searchbox, new() { Name = searchLabel, Exact = true });
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("[?&]q="));
    }

    /// <summary>Where the filter form's fields and button stand: each one's top, bottom and height in pixels, in
    /// the order of the form.</summary>
    public async Task<double[][]> FilterBoxesAsync() =>
        await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll(
                'form.filters input:not([type=hidden]), form.filters select, form.filters button')]
                .map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.height]; })
            """);

    /// <summary>Sorts by a column, clicking its heading.</summary>
    public async Task SortByAsync(string heading) =>
        await page.GetByRole(AriaRole.Columnheader, new() { Name = heading }).GetByRole(AriaRole.Link).ClickAsync();
}
