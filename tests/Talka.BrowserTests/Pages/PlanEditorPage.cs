using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>The plan editor as an NGO coordinator uses it: rows added, removed and moved with their buttons,
/// municipalities chosen from a searchable list.</summary>
public sealed class PlanEditorPage(IPage page)
{
    public IPage Page => page;

    public async Task OpenAsync(Guid projectId) => await page.GotoAsync($"/projects/edit-plan/{projectId}");

    public ILocator ActivityTitles => page.Locator("input[name$='].Title'][name^='Input.Activities']");

    public async Task AddActivityAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Pridėti veiklą" }).ClickAsync();

    /// <summary>Removes activity n (1-based) with its own button.</summary>
    public async Task RemoveActivityAsync(int n) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"Pašalinti (veikla {n})", Exact = true }).ClickAsync();

    public async Task FillActivityAsync(int n, string title, string kind)
    {
        await page.GetByLabel($"Veiklos {n} pavadinimas", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel($"Veiklos {n} rūšis", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
    }

    /// <summary>Finds a municipality by typing part of its name (no diacritics needed) and ticks it.</summary>
    public async Task ChooseMunicipalityAsync(string typed, string municipality)
    {
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Savivaldybės, kuriose vykdomas projektas (galima pasirinkti kelias)" })
            .FillAsync(typed);
        await page.GetByRole(AriaRole.Group, new() { Name = "Savivaldybės, kuriose vykdomas projektas (galima pasirinkti kelias)" })
            .GetByLabel(municipality, new() { Exact = true }).CheckAsync();
    }

    public ILocator ChosenMunicipalities =>
        page.GetByRole(AriaRole.List, new() { Name = "Pasirinkta: Savivaldybės, kuriose vykdomas projektas (galima pasirinkti kelias)" })
            .GetByRole(AriaRole.Button);

    public async Task SaveAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Išsaugoti", Exact = true }).ClickAsync();
}
