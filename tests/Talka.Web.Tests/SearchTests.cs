using Microsoft.EntityFrameworkCore;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>Search finds names in any case, with or without Lithuanian letters.</summary>
public sealed class SearchTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static async Task<List<string>> TitlesAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/projects?q={Uri.EscapeDataString(query)}"))
            .GetProperty("items")
            .EnumerateArray()
            .Select(p => p.GetProperty("title").GetString()!)
            .ToList();

    [Fact]
    public async Task The_project_list_sorts_by_title_and_by_amount_on_the_page_and_in_the_api()
    {
        await TestProjects.CreateAsync(factory, "Ąžuolų rūšiavimo būrelis", granted: 45_000m);
        await TestProjects.CreateAsync(factory, "Beržų rūšiavimo būrelis", granted: 60_000m);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        async Task<List<string>> Sorted(string sort) =>
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects?q=rusiavimo&sort={sort}"))
                .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("title").GetString()!).ToList();
        // Lithuanian letters sort with their base letter: Ą with A, before B.
        Assert.Equal(["Ąžuolų rūšiavimo būrelis", "Beržų rūšiavimo būrelis"], await Sorted("title"));
        Assert.Equal(["Beržų rūšiavimo būrelis", "Ąžuolų rūšiavimo būrelis"], await Sorted("amount"));
        var refused = await admin.GetAsync("/api/v1/projects?sort=kaina");
        Assert.Equal("Rikiuoti galima pagal: start, title, organisation, programme, amount.", await refused.FieldErrorAsync("sort"));
        var page = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetStringAsync("/projects?q=rusiavimo&sort=amount"));
        Assert.True(page.IndexOf("Beržų", StringComparison.Ordinal) < page.IndexOf("Ąžuolų", StringComparison.Ordinal));
        Assert.Contains("Rasta: 2 projektai.", page);
    }

    [Fact]
    public async Task Projects_are_found_by_title_or_organisation_whatever_the_case_and_diacritics()
    {
        await TestProjects.CreateAsync(factory, "Šeimų stiprinimo ratas");
        await TestProjects.CreateAsync(factory, "Jaunimo užimtumo dirbtuvės");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        foreach (var query in new[] { "šeimų stiprinimo", "SEIMU STIPRINIMO", "seimu", "ratas stiprinimo" })
        {
            var found = await TitlesAsync(admin, query);
            Assert.Contains("Šeimų stiprinimo ratas", found);
            Assert.DoesNotContain("Jaunimo užimtumo dirbtuvės", found);
        }
        // The organisation's name counts too: both projects belong to Šeimos santykių institutas.
        var byOrganisation = await TitlesAsync(admin, "santykiu institutas");
        Assert.Contains("Šeimų stiprinimo ratas", byOrganisation);
        Assert.Contains("Jaunimo užimtumo dirbtuvės", byOrganisation);
        Assert.Empty(await TitlesAsync(admin, "nėra tokio projekto"));

        var page = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetStringAsync("/projects?q=uzimtumo")
        );
        Assert.Contains("Jaunimo užimtumo dirbtuvės", page);
        Assert.DoesNotContain("Šeimų stiprinimo ratas", page);
    }

    [Fact]
    public async Task The_project_list_shows_an_organisation_filter_as_a_chip_and_lists_no_organisations_to_pick()
    {
        var organisation = await factory.WithDbAsync(db =>
            db.Organisations.Where(o => o.Name == TestProjects.Organisation).Select(o => o.Id).SingleAsync());
        await TestProjects.CreateAsync(factory, "Lustų filtro projektas", published: true);
        var visitor = factory.Browser();
        var html = await visitor.GetStringAsync($"/projects?organisationId={organisation}&q=lustu");
        var text = Html.Text(html);
        Assert.Contains("Lustų filtro projektas", text);
        Assert.Contains($"Organizacija: {TestProjects.Organisation}", text);
        // The chip takes the filter away, keeping the search; a form sent again keeps it.
        Assert.Contains("href=\"/projects?q=lustu\"", html);
        Assert.Contains($"name=\"organisationId\" value=\"{organisation}\"", html);
        // No list of every organisation: the search finds them by name.
        Assert.DoesNotContain("<select id=\"organisationId\"", html);
        Assert.DoesNotContain("Organizacija:", Html.Text(await visitor.GetStringAsync("/projects?q=lustu")));
    }

    [Fact]
    public async Task Organisations_are_found_without_diacritics()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        (
            await admin.PostAsJsonAsync(
                "/api/v1/organisations",
                new { name = "Asociacija „Ąžuolų šešėlis“", legalForm = "Association" }
            )
        ).EnsureSuccessStatusCode();
        var page = Html.Text(
            await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetStringAsync(
                "/organisations?search=azuolu sesel"
            )
        );
        Assert.Contains("Asociacija „Ąžuolų šešėlis“", page);
        Assert.DoesNotContain("Šeimos santykių institutas", page);
    }
}
