using Microsoft.Playwright;

namespace Talka.BrowserTests.Pages;

/// <summary>The pages of an invitation as people use them: the organisation's page where a funder admin invites a
/// colleague, and the page the e-mail's link opens, where the invited person sets a password.</summary>
public sealed class InvitationPages(IPage page)
{
    public IPage Page => page;
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public async Task InviteFromOrganisationAsync(Guid organisationId, string email)
    {
        await page.GotoAsync($"/organisations/details/{organisationId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pakviesti kolegą" }).ClickAsync();
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Pakviesti naudotoją");
        await page.GetByLabel("El. paštas").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Siųsti kvietimą" }).ClickAsync();
    }

    /// <summary>Opens the link (its path, on the test server) and sets the password.</summary>
    public async Task AcceptAsync(string path, string password)
    {
        await page.GotoAsync(path);
        await Assertions
            .Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Kvietimas į Talką");
        await page.GetByLabel("Naujas slaptažodis").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sukurti paskyrą" }).ClickAsync();
    }

    public ILocator FieldError => page.Locator(".field-validation-error");

    public Task<int> OverflowAsync() =>
        BrowserFixture.OverflowAsync(page);
}
