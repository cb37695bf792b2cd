using System.Text;
using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>A project's import page as a coordinator uses it: upload a file, choose what an ambiguous value means,
/// import.</summary>
public sealed class ImportPage(IPage page)
{
    public IPage Page => page;
    public ILocator Errors => page.Locator("table:has(caption:has-text('Klaidos')) tbody tr");
    public ILocator Preview => page.Locator("table:has(caption:has-text('Taip bus išsaugota')) tbody tr");

    public async Task OpenAsync(Guid projectId) => await page.GotoAsync($"/projects/{projectId}/import");

    /// <summary>The file field's button and the chosen file's name, in the page's language.</summary>
    public ILocator FileButton => page.Locator(".file-button");
    public ILocator FileName => page.Locator(".file-name");

    public async Task ChooseFileAsync(string fileName, string csv) =>
        await page.GetByLabel("Failas").SetInputFilesAsync(
            new FilePayload { Name = fileName, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) }
        );

    public async Task UploadAsync(string fileName, string csv)
    {
        await ChooseFileAsync(fileName, csv);
        await page.GetByRole(AriaRole.Button, new() { Name = "Peržiūrėti" }).ClickAsync();
    }

    /// <summary>Chooses the municipality a value of the file means ("Kaunas" → "Kauno m.") and checks again.</summary>
    public async Task ChooseAsync(string typed, string municipality)
    {
        await page.GetByLabel(new System.Text.RegularExpressions.Regex($"^„{typed}“"))
            .SelectOptionAsync(new SelectOptionValue { Label = municipality });
        await page.GetByRole(AriaRole.Button, new() { Name = "Pritaikyti ir patikrinti iš naujo" }).ClickAsync();
    }

    public async Task ImportAsync() =>
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Importuoti \\(") }).ClickAsync();
}
