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
    public async Task ApproveAsync(int row) =>
        await Rows.Nth(row).GetByRole(AriaRole.Button, new() { Name = "Tvirtinti" }).ClickAcceptingAsync(page);

    /// <summary>The amendments as listed, newest first.</summary>
    public ILocator Amendments => page.Locator("#amendments-heading ~ ul.plain-list > li");

    /// <summary>Asks to move money between two cost categories (labels as shown), with a reason.</summary>
    public async Task RequestReallocationAsync(string from, string to, string amount, string reason)
    {
        await page.GetByText("Prašyti pakeisti sutartį").ClickAsync();
        await page.GetByLabel("Kas keičiama").SelectOptionAsync(new SelectOptionValue { Label = "Lėšų perskirstymas tarp išlaidų kategorijų" });
        await page.GetByLabel("Iš kategorijos").SelectOptionAsync(new SelectOptionValue { Label = from });
        await page.GetByLabel("Į kategoriją").SelectOptionAsync(new SelectOptionValue { Label = to });
        await page.GetByLabel("Perkeliama suma").FillAsync(amount);
        await page.GetByLabel("Priežastis", new() { Exact = true }).FillAsync(reason);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pateikti prašymą" }).ClickAsync();
    }

    public async Task ApproveAmendmentAsync(int row) =>
        await Amendments.Nth(row).GetByRole(AriaRole.Button, new() { Name = "Patvirtinti" }).ClickAsync();

    /// <summary>Records the settlement, answering yes to the question.</summary>
    public async Task SettleAsync() =>
        await page.GetByRole(AriaRole.Button, new() { Name = "Įrašyti atsiskaitymą" }).ClickAcceptingAsync(page);

    public ILocator Recoveries => page.Locator("#recoveries-heading").Locator("..");

    public async Task RepayAsync(string day, string amount)
    {
        await Recoveries.GetByLabel("Grąžinimo data").First.FillAsync(day);
        await Recoveries.GetByLabel("Suma").First.FillAsync(amount);
        await Recoveries.GetByRole(AriaRole.Button, new() { Name = "Įrašyti grąžinimą" }).ClickAsync();
    }

    public async Task PayAsync(int row, string day, string order)
    {
        var line = Rows.Nth(row);
        await line.GetByLabel("Išmokėta").FillAsync(day);
        await line.GetByLabel("Mokėjimo nurodymo Nr.").FillAsync(order);
        await line.GetByRole(AriaRole.Button, new() { Name = "Pažymėti išmokėtu" }).ClickAsync();
    }
}
