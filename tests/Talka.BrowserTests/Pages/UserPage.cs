using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>The funder admins' page of one account, reached from the user list by its e-mail: roles ticked and
/// saved, memberships, two-factor, history.</summary>
public sealed class UserPage(IPage page)
{
    public IPage Page => page;
    public ILocator Status => page.GetByRole(AriaRole.Status);
    public ILocator History => page.Locator("section[aria-labelledby=history-heading]");

    /// <summary>Finds the account in the user list and opens its page.</summary>
    public async Task OpenAsync(string email)
    {
        await page.GotoAsync("/users");
        await page.GetByLabel("Ieškoti pagal el. paštą ar organizaciją").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rodyti" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = email }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(email);
    }

    public async Task SetRolesAsync(params string[] labels)
    {
        foreach (var box in await page.Locator("input[name=Roles]").AllAsync())
            await box.UncheckAsync();
        foreach (var label in labels)
            await page.GetByLabel(label, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Išsaugoti" }).ClickAsync();
    }
}
