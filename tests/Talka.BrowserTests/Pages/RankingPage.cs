using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>A call's ranking as the funder's officer uses it: the budget simulator (nothing saved), the decisions per
/// line, the approval with the decision's number and date.</summary>
public sealed class RankingPage(IPage page)
{
    public IPage Page => page;
    public ILocator Saved => page.Locator("main p.success[role=status]");
    public ILocator Rows => page.Locator("#simulator-heading ~ .table-wrap tbody tr");
    public ILocator Figures => page.Locator("#simulator-heading ~ ul.chips");

    public async Task OpenAsync(Guid call)
    {
        await page.GotoAsync($"/calls/{call}/ranking");
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Reitingas ir sprendimas");
    }

    /// <summary>Recalculates with the budget typed the Lithuanian way.</summary>
    public async Task SimulateAsync(string budget)
    {
        await page.GetByLabel("Biudžetas", new() { Exact = true }).FillAsync(budget);
        await page.GetByRole(AriaRole.Button, new() { Name = "Perskaičiuoti" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Approves with the decision's number and date, answering yes to the question.</summary>
    public async Task ApproveAsync(string number, string date)
    {
        await page.GetByLabel("Sprendimo (įsakymo) Nr.").FillAsync(number);
        await page.GetByLabel("Sprendimo data").FillAsync(date);
        await page.GetByRole(AriaRole.Button, new() { Name = "Patvirtinti", Exact = true }).ClickAcceptingAsync(page);
    }
}
