using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>An application's page as its applicant and the funder's officer use it: started from the call's page,
/// filled in (saved as one types), the checklist, the attachments, submission; the formal check's marks.</summary>
public sealed class ApplicationPage(IPage page)
{
    public IPage Page => page;
    public ILocator Missing => page.Locator("#missing-list li");
    public ILocator Complete => page.Locator("#missing-none");
    public ILocator Autosave => page.Locator("#autosave-status");
    public ILocator Saved => page.Locator("main p.success[role=status]");
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task StartAsync(Guid callId)
    {
        await page.GotoAsync($"/calls/details/{callId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pradėti paraišką" }).ClickAsync();
        await Assertions.Expect(Heading).ToContainTextAsync("Paraiška");
    }

    public async Task FillAsync(string title, string goal, string objective, string grant, string income)
    {
        await page.GetByLabel("Pavadinimas", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Tikslas", new() { Exact = true }).FillAsync(goal);
        await page.GetByLabel("Uždaviniai", new() { Exact = true }).FillAsync(objective);
        await page.GetByLabel("Pradžia", new() { Exact = true }).FillAsync("2027-02-01");
        await page.GetByLabel("Pabaiga", new() { Exact = true }).FillAsync("2027-11-30");
        await page.GetByLabel("Renginiai ir mokymai: prašoma suma, €").FillAsync(grant);
        await page.GetByLabel("Deklaracija: metų pajamos").FillAsync(income);
    }

    public async Task AttachAsync(string label, byte[] pdf)
    {
        await page.GetByLabel(label, new() { Exact = true }).SetInputFilesAsync(
            new FilePayload { Name = "istatai.pdf", MimeType = "application/pdf", Buffer = pdf }
        );
        await page.Locator("form.attachment").Filter(new() { HasText = label })
            .Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Presses a button that asks first, answering yes.</summary>
    public async Task ConfirmAsync(string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAcceptingAsync(page);
    }

    /// <summary>Marks a formal-check item (its fieldset named by the item's words).</summary>
    public async Task MarkAsync(string item, string mark, string? note = null)
    {
        var fieldset = page.GetByRole(AriaRole.Group, new() { Name = item });
        await fieldset.GetByLabel(mark, new() { Exact = true }).CheckAsync();
        if (note is not null)
            await fieldset.GetByLabel("Pastaba pareiškėjui").FillAsync(note);
    }
}
