using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;

namespace Talka.Web.Tests;

/// <summary>What a visitor sees of a published project: results computed from the records, and no person.</summary>
public sealed class PublicResultsTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private async Task<Guid> SeedProjectAsync(string organisation) => await factory.WithDbAsync(db =>
        db.Projects.Where(p => p.IsPublished && db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == organisation)).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Seed_002s_public_page_shows_209_participants_and_47_511_61_eur_and_the_publicity_line()
    {
        var id = await SeedProjectAsync("Šeimos santykių institutas");
        var text = Html.Text(await factory.Browser().GetStringAsync($"/projects/details/{id}"));
        // The story in figures comes first, before the plan and the details.
        Assert.Contains("Pasiekta skirtingų asmenų 209", text);
        Assert.Contains("Akademinių valandų 162", text);
        Assert.Contains("Panaudota lėšų 47\u00A0511,61\u00A0€", text);
        Assert.True(text.IndexOf("Pasiekta skirtingų asmenų", StringComparison.Ordinal) < text.IndexOf("Projekto planas", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Projekto planas", StringComparison.Ordinal) < text.IndexOf("Pagrindiniai duomenys", StringComparison.Ordinal));
        Assert.Contains("Seminaras Seminarai „Vaiko prieraišumas ir jo reikšmės santykiams su tėvais ir kitais asmenimis“ 2022-01-01 – 2022-12-31 5 30 106", text);
        Assert.Contains("Projektą finansuoja Lietuvos Respublikos socialinės apsaugos ir darbo ministerija", text);
        var p004 = Html.Text(await factory.Browser().GetStringAsync($"/projects/details/{await SeedProjectAsync("UAB „Person Premier“")}"));
        Assert.Contains("Dalyviai be sąrašo (suskaičiuota renginyje) 460", p004);
    }
}

/// <summary>Participants' names and identifiers never reach a public page. Its own database: it adds a
/// participant.</summary>
public sealed class PublicPrivacyTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private async Task<Guid> SeedProjectAsync(string organisation) => await factory.WithDbAsync(db =>
        db.Projects.Where(p => p.IsPublished && db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == organisation)).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task No_participants_name_or_identifier_appears_on_any_public_page()
    {
        var id = await SeedProjectAsync("Šeimos santykių institutas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var created = await member.PostAsJsonAsync($"/api/v1/projects/{id}/participants",
            new { code = "SLAPTAS-77", displayName = "Slaptenė Dalyvaitė", category = "TargetGroupMember", organisation = "Slaptoji bendruomenė", personalIdentifier = "39001010000" });
        var participant = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var eventId = await factory.WithDbAsync(db => db.Set<Event>().Where(e => e.ProjectId == id).OrderBy(e => e.Number).Select(e => e.Id).FirstAsync());
        (await member.PatchAsJsonAsync($"/api/v1/projects/{id}/events/{eventId}/attendance", new { mark = new[] { new { participantId = participant } } }))
            .EnsureSuccessStatusCode();
        var key = await factory.WithDbAsync(db => db.Set<Participant>().Where(p => p.Id == participant).Select(p => p.PersonKey).SingleAsync());

        await factory.RegenerateOpenDataAsync();
        var visitor = factory.Browser();
        var programme = await factory.WithDbAsync(db => db.Calls.Where(c => db.Projects.Any(p => p.Id == id && p.CallId == c.Id)).Select(c => c.ProgrammeId).SingleAsync());
        var pages = new[]
        {
            "/", "/projects", $"/projects/details/{id}", "/programmes", $"/programmes/details/{programme}",
            "/api/v1/projects", $"/api/v1/projects/{id}", $"/api/v1/programmes/{programme}/reach",
            "/open-data/360giving.json", "/open-data/grants.csv", "/open-data/iati.xml",
        };
        foreach (var page in pages)
        {
            var body = await visitor.GetStringAsync(page);
            foreach (var secret in new[] { "SLAPTAS-77", "Slaptenė", "Dalyvaitė", "Slaptoji bendruomenė", "39001010000", key! })
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{page} shows {secret}");
        }
        // The person is counted, though: 210 now.
        Assert.Contains("Pasiekta skirtingų asmenų 210", Html.Text(await visitor.GetStringAsync($"/projects/details/{id}")));
    }
}
