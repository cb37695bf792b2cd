using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>A submitted report as the programme officer reviews it: remarks tied to a section and a line, returned
/// or approved; and the remarks as the organisation then reads them.</summary>
public sealed class ReportReviewPage(IPage page)
{
    public IPage Page => page;

    /// <summary>The remarks shown on the report, oldest first within the newest version.</summary>
    public ILocator Remarks => page.Locator("ol.remarks > li");

    public async Task OpenAsync(Guid projectId, Guid reportId) =>
        await page.GotoAsync($"/projects/{projectId}/reports/{reportId}");

    /// <summary>Fills remark n (1-based) of the return form; the section by its label as listed.</summary>
    public async Task FillRemarkAsync(int n, string section, string? line, string text)
    {
        var remark = page.GetByRole(AriaRole.Group, new() { Name = $"{n} pastaba", Exact = true });
        await remark.GetByLabel("Skyrius", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = section });
        if (line is not null) await remark.GetByLabel("Eilutė ar vieta (neprivaloma)").FillAsync(line);
        await remark.GetByLabel("Pastaba", new() { Exact = true }).FillAsync(text);
    }

    public async Task AddRemarkRowAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Pridėti pastabą" }).ClickAsync();

    /// <summary>Presses Return; the question it asks is answered by the page's dialog handler.</summary>
    public async Task ReturnAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Grąžinti", Exact = true }).ClickAsync();
}
