using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>Public figures come from published projects only, and a breakdown cell of 1–4 persons is withheld from
/// visitors.</summary>
public sealed class PublicFiguresTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private async Task<Guid> ProgrammeOfAsync(Guid projectId) => await factory.WithDbAsync(db =>
        db.Calls.Where(c => db.Projects.Any(p => p.Id == projectId && p.CallId == c.Id)).Select(c => c.ProgrammeId).SingleAsync());

    /// <summary>Every public place a number appears, as a visitor reads it (generation times taken out).</summary>
    private async Task<Dictionary<string, string>> PublicNumbersAsync(Guid programme)
    {
        await factory.RegenerateOpenDataAsync();
        var visitor = factory.Browser();
        var pages = new[] { "/", "/projects", "/programmes", $"/programmes/details/{programme}" };
        var result = new Dictionary<string, string>();
        foreach (var page in pages) result[page] = Html.Text(await visitor.GetStringAsync(page));
        foreach (var file in new[] { $"/api/v1/programmes/{programme}/reach", "/api/v1/projects", "/open-data/360giving.json", "/open-data/grants.csv" })
            result[file] = await visitor.GetStringAsync(file);
        result["/open-data/iati.xml"] = Regex.Replace(await visitor.GetStringAsync("/open-data/iati.xml"), "(generated-datetime|last-updated-datetime)=\"[^\"]*\"", "");
        return result;
    }

    [Fact]
    public async Task An_unpublished_project_changes_no_public_number_anywhere()
    {
        var probe = await TestProjects.CreateAsync(factory, "Paskelbtas zondas", published: true);
        var programme = await ProgrammeOfAsync(probe);
        var before = await PublicNumbersAsync(programme);

        // An unpublished project with money, an event, people with attendance in several municipalities, and a crowd.
        var hidden = await TestProjects.CreateAsync(factory, "Neskelbiamas projektas", granted: 61_234.56m);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await (await member.PostAsJsonAsync($"/api/v1/projects/{hidden}/events",
            new { kind = "Seminar", topic = "Uždaras seminaras", start = "2022-05-01", end = "2022-05-01", sessions = 3, hoursPerSession = 4, headcount = 77 })).IdOf();
        var marks = new List<object>();
        for (var i = 0; i < 12; i++)
        {
            var person = await (await member.PostAsJsonAsync($"/api/v1/projects/{hidden}/participants", new
            {
                code = $"N-{i}", category = "TargetGroupMember", municipality = i % 2 == 0 ? "Molėtų r." : "Zarasų r.",
                targetGroup = "Seniors", personalIdentifier = $"neskelbiamas{i}@pavyzdys.lt",
            })).IdOf();
            marks.Add(new { participantId = person });
        }
        (await member.PutAttendanceAsync(hidden, eventId, marks)).EnsureSuccessStatusCode();

        var after = await PublicNumbersAsync(programme);
        foreach (var (place, text) in before) Assert.True(text == after[place], $"{place} changed because of an unpublished project");
    }

    [Fact]
    public async Task A_breakdown_cell_of_fewer_than_five_persons_shows_as_less_than_five_to_visitors_and_exactly_to_the_funder()
    {
        var project = await TestProjects.CreateAsync(factory, "Mažų grupių projektas", published: true);
        var programme = await ProgrammeOfAsync(project);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events",
            new { kind = "Training", topic = "Mokymai Ignalinoje", start = "2022-06-01", end = "2022-06-01", sessions = 1, hoursPerSession = 2 })).IdOf();
        var marks = new List<object>();
        for (var i = 0; i < 3; i++)
        {
            var person = await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/participants",
                new { code = $"I-{i}", category = "TargetGroupMember", municipality = "Ignalinos r.", targetGroup = "Children" })).IdOf();
            marks.Add(new { participantId = person });
        }
        (await member.PutAttendanceAsync(project, eventId, marks)).EnsureSuccessStatusCode();
        // Visitors read the programme's counts as stored: once counted again after the change.
        await factory.CountsRefreshedAsync(programme);

        var visitor = Html.Text(await factory.Browser().GetStringAsync($"/programmes/details/{programme}"));
        Assert.Contains("Ignalinos r. < 5", visitor);
        Assert.DoesNotContain("Ignalinos r. 3", visitor);
        Assert.Contains("Grupės, kuriose mažiau nei 5 asmenys, rodomos kaip „< 5“", visitor);
        // The chart's data carries no number for the withheld cell either.
        Assert.DoesNotMatch("data-values=\"[^\"]*\\b3\\b", await factory.Browser().GetStringAsync($"/programmes/details/{programme}"));
        // The project's own public page withholds the event's small count too.
        Assert.Contains("Mokymai Ignalinoje 2022-06-01 – 2022-06-01 1 2 < 5", Html.Text(await factory.Browser().GetStringAsync($"/projects/details/{project}")));

        // Where the whole programme holds fewer than five persons, the reach totals are withheld too.
        var reach = await (await factory.ApiAsAsync(null)).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/reach");
        var exactReach = await (await factory.ApiAsAsync(TalkaFactory.Admin)).GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/reach");
        if (exactReach.GetProperty("projectParticipantsSum").GetInt32() is > 0 and < 5)
            Assert.Equal(JsonValueKind.Null, reach.GetProperty("projectParticipantsSum").ValueKind);
        else
            Assert.Equal(exactReach.GetProperty("projectParticipantsSum").GetInt32(), reach.GetProperty("projectParticipantsSum").GetInt32());

        var funder = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.Admin)).GetStringAsync($"/programmes/details/{programme}"));
        Assert.Contains("Ignalinos r. 3", funder);
        Assert.Contains("Jūs matote tikslius skaičius", funder);
    }
}
