using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Talka.Web.Tests;

/// <summary>The audit log as people read it: Lithuanian field names, values as the pages show them, records by name,
/// Lithuanian time; filters and pages; open to funder admins and auditors only.</summary>
public sealed class AuditLogTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    /// <summary>The log's entries on a page: the table's text, without the filters above it; "" when it is
    /// empty.</summary>
    private static string Entries(string html) =>
        Regex.Match(html, "<table class=\"audit-table[^\"]*\">.*?</table>", RegexOptions.Singleline) is { Success: true } m
            ? Html.Text(m.Value)
            : "";

    private async Task<(Guid Project, Guid Event)> ProjectWithAttendanceAsync(string title)
    {
        var id = await TestProjects.CreateAsync(factory, title);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var plan = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        (
            await member.PutAsJsonAsync(
                $"/api/v1/projects/{id}/plan",
                new
                {
                    version = plan.GetProperty("version").GetInt32(),
                    title = title + " (patikslinta)",
                    objectives = new[] { new { text = "Stiprinti tėvystės įgūdžius" } },
                    activities = new[]
                    {
                        new
                        {
                            objectiveNumber = 1,
                            kind = "Training",
                            title = "Mokymai tėvams",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        var eventId = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/events",
                new
                {
                    kind = "Seminar",
                    topic = "Vaiko raida",
                    start = "2022-03-10",
                    end = "2022-03-10",
                    sessions = 1,
                    hoursPerSession = 4,
                }
            )
        ).IdOf();
        var participant = await (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{id}/participants",
                new { code = "A-1", category = "TargetGroupMember" }
            )
        ).IdOf();
        (
            await member.PutAttendanceAsync(id, eventId, new[] { new { participantId = participant } })
        ).EnsureSuccessStatusCode();
        return (id, eventId);
    }

    [Fact]
    public async Task A_plan_edit_and_an_attendance_change_read_as_lithuanian_sentences_with_names_and_local_time()
    {
        var (id, _) = await ProjectWithAttendanceAsync("Audito skaitomumas");
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var html = await admin.GetStringAsync($"/audit?project={id}");
        var text = Html.Text(html);

        // The plan edit: the project's title, before and after, under its Lithuanian name.
        Assert.Contains("Pakeista · Projektas „Audito skaitomumas (patikslinta)“", text);
        Assert.Contains("Pavadinimas Audito skaitomumas → Audito skaitomumas (patikslinta)", text);
        Assert.Contains("Sukurta · Veikla „Mokymai tėvams“", text);
        // The attendance: which event and which participant, by name, not by id.
        Assert.Contains("Sukurta · Lankomumas Renginys Nr. 1 „Vaiko raida“ · dalyvis A-1", text);
        var events = Html.Text(await admin.GetStringAsync($"/audit?project={id}&type=Event"));
        Assert.Contains("Rūšis Seminaras", events);
        Assert.Contains("Užsiėmimo trukmė 4", events);
        Assert.Contains("Pradžia 2022-03-10", events);
        // Lithuanian time, no ids, no escapes, no enum numbers.
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", text);
        Assert.DoesNotContain(id.ToString(), text);
        Assert.DoesNotContain("\\u", text);
        Assert.DoesNotContain("UTC", text);
        Assert.DoesNotMatch(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-"), text);
        Assert.Contains(TalkaFactory.MemberB, text);
    }

    [Fact]
    public async Task The_filters_narrow_the_log_by_record_type_user_and_dates()
    {
        var (id, _) = await ProjectWithAttendanceAsync("Audito filtrai");
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var events = Entries(await admin.GetStringAsync($"/audit?project={id}&type=Event"));
        Assert.Contains("Sukurta · Renginys „Vaiko raida“", events);
        Assert.DoesNotContain("Lankomumas", events);
        Assert.DoesNotContain("Veikla", events);

        var byMember = Entries(await admin.GetStringAsync($"/audit?project={id}&user=ssi@"));
        Assert.Contains("Lankomumas", byMember);
        Assert.DoesNotContain(TalkaFactory.Admin, byMember); // the admin created the project and its agreement
        var byAdmin = Entries(await admin.GetStringAsync($"/audit?project={id}&user={TalkaFactory.Admin}"));
        Assert.Contains("Sukurta · Sutartis", byAdmin);
        Assert.DoesNotContain("Lankomumas", byAdmin);

        var today = DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Talka.Domain.Common.LtFormat.Vilnius).DateTime
        );
        Assert.Contains(
            "Lankomumas",
            Entries(await admin.GetStringAsync($"/audit?project={id}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"))
        );
        var tomorrow = await admin.GetStringAsync($"/audit?project={id}&from={today.AddDays(1):yyyy-MM-dd}");
        Assert.Equal("", Entries(tomorrow));
        Assert.Contains("Nieko nerasta.", Html.Text(tomorrow));
        Assert.Equal("", Entries(await admin.GetStringAsync($"/audit?project={id}&to={today.AddDays(-1):yyyy-MM-dd}")));
    }

    [Fact]
    public async Task The_log_pages_on_the_server_newest_first()
    {
        var id = await TestProjects.CreateAsync(factory, "Audito puslapiai");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        for (var i = 1; i <= 55; i++)
            (
                await member.PostAsJsonAsync(
                    $"/api/v1/projects/{id}/participants",
                    new { code = $"P-{i:00}", category = "TargetGroupMember" }
                )
            ).EnsureSuccessStatusCode();
        var admin = await factory.BrowserAsAsync(TalkaFactory.Admin);
        var first = await admin.GetStringAsync($"/audit?project={id}&type=Participant");
        Assert.Equal(50, Regex.Matches(Html.Text(first), "Sukurta · Dalyvis").Count);
        Assert.Contains("„P-55“", Html.Text(first));
        Assert.DoesNotContain("„P-05“", Html.Text(first));
        var older = WebUtility.HtmlDecode(Regex.Match(first, "<a href=\"([^\"]+)\">Senesni įrašai").Groups[1].Value);
        var second = Html.Text(await admin.GetStringAsync(older));
        Assert.Equal(5, Regex.Matches(second, "Sukurta · Dalyvis").Count);
        Assert.Contains("„P-01“", second);
        Assert.DoesNotContain("Senesni įrašai", second);
    }

    [Fact]
    public async Task Auditors_and_funder_admins_open_the_log_and_organisations_do_not()
    {
        var (id, _) = await ProjectWithAttendanceAsync("Audito prieiga");
        var auditor = await factory.BrowserAsAsync(TalkaFactory.Auditor);
        Assert.Contains("Lankomumas", Html.Text(await auditor.GetStringAsync($"/audit?project={id}")));
        // The project page shows its latest changes to the auditor too, with a link to the whole log.
        var details = await auditor.GetStringAsync($"/projects/details/{id}");
        Assert.Contains($"/audit?record={id}", details);
        foreach (var user in new[] { TalkaFactory.MemberA, TalkaFactory.MemberB })
        {
            var response = await (await factory.BrowserAsAsync(user)).GetAsync($"/audit?project={id}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }
}
