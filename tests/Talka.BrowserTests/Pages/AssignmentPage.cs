using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>An expert's assignment as the expert uses it: opened from their list, the declaration signed, points and a
/// justification per criterion (saved as they type), the computed total, the submission.</summary>
public sealed class AssignmentPage(IPage page)
{
    public IPage Page => page;
    public ILocator Declaration => page.Locator("p.declaration");
    public ILocator Total => page.Locator("#score-total");
    public ILocator Autosave => page.Locator("#autosave-status");
    public ILocator Saved => page.Locator("main p.success[role=status]");
    public ILocator Preview => page.Locator("#preview-heading");

    /// <summary>Opens the assignment of the application numbered so from the expert's list.</summary>
    public async Task OpenFromListAsync(string number)
    {
        await page.GotoAsync("/evaluation");
        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(number);
    }

    public Task SignAsync() =>
        page.GetByRole(AriaRole.Button, new() { Name = "Pasirašau: interesų konflikto neturiu" }).ClickAsync();

    /// <summary>Scores a criterion (its group named by its code and title).</summary>
    public async Task ScoreAsync(string criterion, string points, string justification)
    {
        var group = page.GetByRole(AriaRole.Group, new() { Name = criterion });
        await group.GetByLabel("Balai", new() { Exact = false }).FillAsync(points);
        await group.GetByLabel("Pagrindimas").FillAsync(justification);
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Pateikti balus" }).ClickAsync();
}
