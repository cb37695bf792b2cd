using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>A project's agreement and payments as a funder admin works them: plan the schedule, record the
/// signature, approve what is eligible, record a payment.</summary>
public sealed class PaymentsPage(IPage page)
{
    public IPage Page => page;
    public ILocator Rows => page.Locator("table.cards-narrow tbody tr");
    public ILocator Status => page.Locator("#agreement-heading ~ dl.facts dd").First;

    public async Task OpenAsync(Guid projectId) => await page.GotoAsync($"/projects/{projectId}/payments");

    public async Task PlanDefaultAsync() =>
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Sudaryti grafiką") }).ClickAsync();

    public async Task SignAsync(string day, string signatories)
    {
        await page.GetByLabel("Pasirašymo data").FillAsync(day);
        await page.GetByLabel("Pasirašė (vardai, pareigos)").FillAsync(signatories);
        await page.GetByRole(AriaRole.Button, new() { Name = "Įrašyti pasirašymą" }).ClickAsync();
    }

    /// <summary>Approves a row's tranche, answering yes to the question.</summary>
    public async Task ApproveAsync(int row)
    {
        page.Dialog += Accept;
        await Rows.Nth(row).GetByRole(AriaRole.Button, new() { Name = "Tvirtinti" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/payments", StringComparison.Ordinal));
        page.Dialog -= Accept;
        static async void Accept(object? sender, IDialog dialog) => await dialog.AcceptAsync();
    }

    public async Task PayAsync(int row, string day, string order)
    {
        var line = Rows.Nth(row);
        await line.GetByLabel("Išmokėta").FillAsync(day);
        await line.GetByLabel("Mokėjimo nurodymo Nr.").FillAsync(order);
        await line.GetByRole(AriaRole.Button, new() { Name = "Pažymėti išmokėtu" }).ClickAsync();
    }
}
