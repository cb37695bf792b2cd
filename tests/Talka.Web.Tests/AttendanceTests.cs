using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;

namespace Talka.Web.Tests;

/// <summary>Attendance for thousands: the list is a page of the register searched on the server, saved as changes
/// (mark, unmark), with "mark all found" and "copy from another event" done in the database.</summary>
public sealed class AttendanceTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private async Task<(Guid Project, Guid Event, HttpClient Member)> ProjectWithEventAsync(string title)
    {
        var project = await TestProjects.CreateAsync(factory, title);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        return (project, await EventAsync(member, project, "Mokymai"), member);
    }

    private static async Task<Guid> EventAsync(HttpClient member, Guid project, string topic) =>
        await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events",
            new { kind = "Training", topic, start = "2022-03-01", end = "2022-03-01", sessions = 1, hoursPerSession = 4 })).IdOf();

    private Task<List<string>> MarkedAsync(Guid eventId) => factory.WithDbAsync(db =>
        (from a in db.Set<Attendance>() join p in db.Set<Participant>() on a.ParticipantId equals p.Id
         where a.EventId == eventId orderby p.Code select p.Code).ToListAsync());

    private static async Task<JsonElement> ListAsync(HttpClient api, Guid project, Guid eventId, string query = "") =>
        await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events/{eventId}/attendance{query}");

    private static IEnumerable<string> Codes(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!);

    [Fact]
    public async Task The_list_of_a_large_register_is_searched_and_paged_on_the_server()
    {
        var (project, eventId, member) = await ProjectWithEventAsync("Didelis registras");
        await TestParticipants.AddAsync(factory, project, 1_200, "A", i => i == 777 ? "Šarūnė Žemaitytė" : $"Dalyvis {i}");

        var first = await ListAsync(member, project, eventId);
        Assert.Equal(1_200, first.GetProperty("total").GetInt32());
        Assert.Equal(50, first.GetProperty("items").GetArrayLength());
        Assert.Equal("A-00001", Codes(first).First());
        Assert.All(first.GetProperty("items").EnumerateArray(), i => Assert.False(i.GetProperty("attended").GetBoolean()));
        Assert.Equal("A-01200", Codes(await ListAsync(member, project, eventId, "?page=24")).Last());
        Assert.Empty(Codes(await ListAsync(member, project, eventId, "?page=25")));
        // Case and Lithuanian letters aside, in any order of words.
        foreach (var q in new[] { "sarune zemaityte", "ŠARŪNĖ", "Žemaitytė šarūnė", "a-00777" })
            Assert.Equal(["A-00777"], Codes(await ListAsync(member, project, eventId, "?q=" + Uri.EscapeDataString(q))));

        var ids = first.GetProperty("items").EnumerateArray().Take(2).Select(i => i.GetProperty("participantId").GetGuid()).ToList();
        var saved = await member.PatchAsJsonAsync($"/api/v1/projects/{project}/events/{eventId}/attendance",
            new { mark = ids.Select(id => new { participantId = id }) });
        Assert.Equal(2, (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(["A-00001", "A-00002"], Codes(await ListAsync(member, project, eventId, "?shown=Attended")));
        Assert.Equal(1_198, (await ListAsync(member, project, eventId, "?shown=Absent")).GetProperty("total").GetInt32());
        var e = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events/{eventId}");
        Assert.Equal(2, e.GetProperty("attendances").GetInt32());
    }

    [Fact]
    public async Task Changes_sent_by_two_people_at_once_both_apply_and_a_stale_whole_list_is_refused()
    {
        var (project, eventId, member) = await ProjectWithEventAsync("Du žymintys");
        var ids = await TestParticipants.AddAsync(factory, project, 5, "B");
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var url = $"/api/v1/projects/{project}/events/{eventId}/attendance";
        var version = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events/{eventId}")).GetProperty("version").GetInt32();

        var both = await Task.WhenAll(
            member.PatchAsJsonAsync(url, new { mark = new[] { new { participantId = ids[0] } } }),
            admin.PatchAsJsonAsync(url, new { mark = new[] { new { participantId = ids[1] } } }));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(["B-00001", "B-00002"], await MarkedAsync(eventId));

        // A whole list made before those changes would drop them: it is refused.
        var stale = await member.PutAsJsonAsync(url, new { version, marks = new[] { new { participantId = ids[4] } } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var changed = await member.PatchAsJsonAsync(url, new
        {
            mark = new object[] { new { participantId = ids[2], academicHours = 2 }, new { participantId = ids[1] } },
            unmark = new[] { ids[0], ids[3] },
        });
        // B-00001 unmarked and B-00003 marked; B-00002 was marked already, B-00004 was not.
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(["B-00002", "B-00003"], await MarkedAsync(eventId));
        Assert.Equal(2m, await factory.WithDbAsync(db => db.Set<Attendance>().Where(a => a.ParticipantId == ids[2]).Select(a => a.AcademicHours).SingleAsync()));

        var twice = await member.PatchAsJsonAsync(url, new { mark = new[] { new { participantId = ids[4] } }, unmark = new[] { ids[4] } });
        Assert.Equal("Tas pats dalyvis pažymėtas du kartus.", await twice.FieldErrorAsync("Attendance"));
        var foreign = await TestProjects.CreateAsync(factory, "Kitas projektas");
        var stranger = (await TestParticipants.AddAsync(factory, foreign, 1, "X"))[0];
        var refused = await member.PatchAsJsonAsync(url, new { mark = new[] { new { participantId = stranger } } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["B-00002", "B-00003"], await MarkedAsync(eventId));
        var other = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PatchAsJsonAsync(url, new { unmark = new[] { ids[1] } })).StatusCode);
    }

    [Fact]
    public async Task Mark_all_found_and_copy_from_another_event_work_in_the_database_and_are_logged_once()
    {
        var (project, first, member) = await ProjectWithEventAsync("Penki tūkstančiai");
        var second = await EventAsync(member, project, "Antri mokymai");
        await TestParticipants.AddAsync(factory, project, 5_000, "C");
        var bulk = (Guid e) => $"/api/v1/projects/{project}/events/{e}/attendance/bulk";

        var all = await member.PostAsJsonAsync(bulk(first), new { attended = true });
        Assert.Equal(5_000, (await all.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(5_000, (await MarkedAsync(first)).Count);
        var again = await member.PostAsJsonAsync(bulk(first), new { attended = true });
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());

        // "C-0001" finds C-00010 … C-00019.
        var unmarked = await member.PostAsJsonAsync(bulk(first), new { attended = false, search = "c-0001" });
        Assert.Equal(10, (await unmarked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(4_990, (await MarkedAsync(first)).Count);
        Assert.DoesNotContain("C-00015", await MarkedAsync(first));

        var copied = await member.PostAsJsonAsync(bulk(second), new { attended = true, attendedEvent = first });
        Assert.Equal(4_990, (await copied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32());
        Assert.Equal(await MarkedAsync(first), await MarkedAsync(second));

        var same = await member.PostAsJsonAsync(bulk(second), new { attended = true, attendedEvent = second });
        Assert.Equal("Pasirinkite kitą renginį: dalyvavimo negalima kopijuoti iš to paties.", await same.FieldErrorAsync("AttendedEvent"));

        // One entry in the log for each change of thousands, saying how many and by what selection.
        var log = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ProjectId == project && a.EntityType == "Event" && a.Changes.Contains("Selection"))
            .OrderBy(a => a.Id).Select(a => new { a.EntityId, a.Changes, a.UserName }).ToListAsync());
        Assert.Equal(3, log.Count);
        Assert.Contains("[5000,4990]", log[1].Changes);
        Assert.Contains("rasti pagal „c-0001“", JsonSerializer.Deserialize<JsonElement>(log[1].Changes).GetProperty("Selection")[1].GetString());
        Assert.Equal("dalyvavę renginyje Nr. 1", JsonSerializer.Deserialize<JsonElement>(log[2].Changes).GetProperty("Selection")[1].GetString());
        Assert.All(log, l => Assert.Equal(TalkaFactory.MemberB, l.UserName));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProjectId == project && a.EntityType == "Attendance")));
    }

    [Fact]
    public async Task The_event_page_shows_one_page_of_the_register_and_saves_only_what_changed()
    {
        var (project, eventId, api) = await ProjectWithEventAsync("Šeši šimtai");
        var ids = await TestParticipants.AddAsync(factory, project, 600, "D");
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var url = $"/projects/{project}/events/{eventId}";
        var html = await browser.GetStringAsync(url);
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Matches(html, @"name=""Marks\[\d+\]\.ParticipantId""").Count);
        Assert.Contains("Rasta: 600 dalyvių.", Html.Text(html));
        Assert.Contains("Puslapis 1 iš 12 (iš viso 600)", Html.Text(html));

        // Meanwhile someone else marks D-00003 through the API.
        (await api.PatchAsJsonAsync($"/api/v1{url}/attendance", new { mark = new[] { new { participantId = ids[2] } } })).EnsureSuccessStatusCode();
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Token(html) };
        for (var i = 0; i < 50; i++)
        {
            form[$"Marks[{i}].ParticipantId"] = ids[i].ToString();
            form[$"Marks[{i}].Was"] = "false";
        }
        form["Marks[0].Attended"] = "true";
        form["Marks[1].Attended"] = "true";
        form["Marks[4].Attended"] = "true";
        form["Marks[4].Hours"] = "1,5";
        var saved = await browser.PostAsync(url, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Dalyvavimas išsaugotas: 3 dalyviai.", Html.Text(await browser.GetStringAsync(saved.Headers.Location!.ToString())));
        // The page's unticked D-00003 was not a change: the other person's mark stays.
        Assert.Equal(["D-00001", "D-00002", "D-00003", "D-00005"], await MarkedAsync(eventId));
        Assert.Equal(1.5m, await factory.WithDbAsync(db => db.Set<Attendance>().Where(a => a.ParticipantId == ids[4]).Select(a => a.AcademicHours).SingleAsync()));

        var found = await browser.GetStringAsync(url + "?q=d-005");
        Assert.Contains("Rasta: 100 dalyvių.", Html.Text(found));
        var all = await browser.PostAsync(url + "?q=d-005&handler=MarkAll",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Html.Token(found) }));
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(url + "?q=d-005", all.Headers.Location!.ToString());
        Assert.Contains("Pažymėta, kad dalyvavo: 100 dalyvių.", Html.Text(await browser.GetStringAsync(all.Headers.Location!.ToString())));
        Assert.Equal(104, (await MarkedAsync(eventId)).Count);
        var shown = Html.Text(await browser.GetStringAsync(url + "?shown=Attended&page=3"));
        Assert.Contains("Rasta: 104 dalyviai.", shown);
        Assert.Contains("Puslapis 3 iš 3 (iš viso 104)", shown);
    }
}
