using System.Net.Http.Json;
using Microsoft.Playwright;
using Talka.Web.Tests;

namespace Talka.BrowserTests;

/// <summary>An action that cannot be taken back asks first, naming what it does; "Cancel" leaves everything as it
/// was.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConfirmationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Publishing_asks_first_and_cancel_leaves_the_project_unpublished()
    {
        // An organisation and project of this test's own; the project is unpublished again at the end, so that the
        // other
        // browser tests (one database for all) see the demo data's public figures as they were.
        var admin = await fixture.Talka.ApiAsAsync(TalkaFactory.Admin);
        var organisation = await (await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "Asociacija „Patvirtinimas“", legalForm = "Association" })).IdOf();
        var id = await TestProjects.CreateAsync(fixture.Talka, "Patvirtinimo bandymas", organisationId: organisation);
        var page = await fixture.PageAsync(TalkaFactory.Admin);
        await page.GotoAsync($"/projects/details/{id}");
        var messages = new List<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            messages.Add(dialog.Message);
            if (accept) await dialog.AcceptAsync(); else await dialog.DismissAsync();
        };
        var publish = page.GetByRole(AriaRole.Button, new() { Name = "Skelbti viešai", Exact = true });

        await publish.ClickAsync();
        Assert.Equal("Paskelbti projektą? Jo vieša informacija ir rezultatai bus matomi visiems.", Assert.Single(messages));
        await Assertions.Expect(publish).ToBeVisibleAsync();
        Assert.False(await fixture.Talka.WithDbAsync(async db => (await db.Projects.FindAsync(id))!.IsPublished));

        accept = true;
        await publish.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nebeskelbti", Exact = true })).ToBeVisibleAsync();
        Assert.True(await fixture.Talka.WithDbAsync(async db => (await db.Projects.FindAsync(id))!.IsPublished));
        (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/published", new { published = false })).EnsureSuccessStatusCode();
    }
}
