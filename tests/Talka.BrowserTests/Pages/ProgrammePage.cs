using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>A programme's public page as a visitor reads it: the map of municipalities, the charts and the
/// programme's projects, searched and paged.</summary>
public sealed class ProgrammePage(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(Guid programmeId) => await page.GotoAsync($"/programmes/details/{programmeId}");

    /// <summary>A municipality's tile on the map (by its full name, as the tile's title starts).</summary>
    public ILocator Tile(string municipality) => page.Locator($".tile-map .tile[title^='{municipality}:']");

    public ILocator ProjectRows => page.GetByRole(AriaRole.Region, new() { Name = "Programos projektai" }).Locator("tbody tr");

    public async Task SearchProjectsAsync(string text)
    {
        var list = page.GetByRole(AriaRole.Region, new() { Name = "Programos projektai" });
        await list.GetByLabel("Paieška (pavadinimas ar organizacija)").FillAsync(text);
        await list.GetByRole(AriaRole.Button, new() { Name = "Ieškoti" }).ClickAsync();
    }
}
