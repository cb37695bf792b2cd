using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;

namespace Talka.Web.Tests;

/// <summary>Delivery records through the API, and the indicators Talka computes from them.</summary>
public sealed class DeliveryTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    /// <summary>The organisation's seed project (published; projects made by tests are not).</summary>
    /// <summary>The organisation's seed project (the one transcribed from a source text; tests add projects of their
    /// own).</summary>
    private async Task<Guid> ProjectOfAsync(string organisation) => await factory.WithDbAsync(db =>
        db.Projects.Where(p => p.IsPublished && p.Source != null && db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == organisation))
            .Select(p => p.Id).SingleAsync());

    private static decimal Figure(JsonElement indicators, string metric) =>
        indicators.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("metric").GetString() == metric).GetProperty("value").GetDecimal();

    private static decimal Part(JsonElement indicators, string metric, string dimension, string? key) =>
        indicators.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("metric").GetString() == metric)
            .GetProperty("parts").EnumerateArray()
            .Single(p => p.GetProperty("dimension").GetString() == dimension && (p.GetProperty("key").ValueKind == JsonValueKind.Null ? null : p.GetProperty("key").GetString()) == key)
            .GetProperty("value").GetDecimal();

    [Fact]
    public async Task Seed_002_shows_209_participants_and_162_academic_hours_computed_from_its_records()
    {
        var id = await ProjectOfAsync("Šeimos santykių institutas");
        var indicators = await (await factory.ApiAsAsync(TalkaFactory.MemberB)).GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/indicators");
        Assert.Equal(209m, Figure(indicators, "DistinctParticipants"));
        Assert.Equal(162m, Figure(indicators, "AcademicHours"));
        Assert.Equal(0m, Figure(indicators, "Headcount"));
        Assert.Equal(3m, Figure(indicators, "Deliverables"));
        // And the records behind them: 209 participants in the register, each attended something.
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var participants = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/participants?attended=true");
        Assert.Equal(209, participants.GetProperty("total").GetInt32());
        // Paged on the server: 50 a page, the fifth page has the last 9, and no one is on two pages.
        Assert.Equal(50, participants.GetProperty("items").GetArrayLength());
        var codes = new HashSet<string>();
        for (var page = 1; page <= 5; page++)
        {
            var items = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/participants?attended=true&page={page}"))
                .GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToList();
            Assert.Equal(page < 5 ? 50 : 9, items.Count);
            Assert.All(items, code => Assert.True(codes.Add(code), $"{code} is on two pages"));
        }
    }

    [Fact]
    public async Task Seed_004_shows_24_seminars_and_460_as_a_headcount_not_as_persons()
    {
        var id = await ProjectOfAsync("UAB „Person Premier“");
        var indicators = await (await factory.ApiAsAsync("personpremier@demo.talka.lt")).GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/indicators");
        Assert.Equal(460m, Figure(indicators, "Headcount"));
        Assert.Equal(0m, Figure(indicators, "DistinctParticipants"));
        Assert.Equal(24m, Part(indicators, "Sessions", "Kind", "Seminar"));
        Assert.Equal(1, indicators.GetProperty("eventsWithoutDuration").GetInt32());
    }

    [Fact]
    public async Task A_project_entered_from_nothing_through_the_api_counts_what_was_entered()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Šeimos santykių institutas").Select(o => o.Id).SingleAsync());
        var created = await admin.PostAsJsonAsync("/api/v1/projects", new { callId = call, organisationId = organisation, title = "Nuo nulio", start = "2022-01-01", end = "2022-12-31" });
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);

        async Task<Guid> Post(string path, object body)
        {
            var response = await member.PostAsJsonAsync($"/api/v1/projects/{projectId}/{path}", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        // Q1: a training of 2 sessions × 4 ak. val.; Q2: a seminar of 3 astronomical hours (= 4 ak. val. at 45 min);
        // Q3: a crowd event of 120.
        var training = await Post("events", new { kind = "Training", topic = "Savanorių mokymai", start = "2022-02-10", end = "2022-02-11", sessions = 2, hoursPerSession = 4, hourUnit = "Academic", municipality = "Kauno m." });
        var seminar = await Post("events", new { kind = "Seminar", topic = "Seminaras specialistams", start = "2022-05-20", end = "2022-05-20", sessions = 1, hoursPerSession = 3, hourUnit = "Astronomical", online = true });
        await Post("events", new { kind = "Other", topic = "Bendruomenės šventė", start = "2022-08-01", end = "2022-08-01", sessions = 1, headcount = 120 });
        var ona = await Post("participants", new { code = "1", displayName = "Ona", category = "Volunteer", municipality = "Kauno m.", gender = "Female", ageBand = "From30To44", consent = true, personalIdentifier = "49001010001" });
        var jonas = await Post("participants", new { code = "2", displayName = "Jonas", category = "Specialist", municipality = "Vilniaus m.", gender = "Male", consent = true });
        var ruta = await Post("participants", new { code = "3", displayName = "Rūta", category = "Volunteer", gender = "Female", consent = true });
        await Post("participants", new { code = "4", displayName = "Neatvykęs", category = "Other", consent = true });
        Assert.Equal(HttpStatusCode.OK, (await member.PutAttendanceAsync(projectId, training,
            new object[] { new { participantId = ona, academicHours = (decimal?)null }, new { participantId = ruta, academicHours = (decimal?)4m } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PutAttendanceAsync(projectId, seminar,
            new object[] { new { participantId = ona, academicHours = (decimal?)null }, new { participantId = jonas, academicHours = (decimal?)null } })).StatusCode);
        var volunteer = await Post("volunteers", new { name = "Gyvoji knyga", role = "Knyga", recruitedOn = "2022-01-15", trained = true, active = true });
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/v1/projects/{projectId}/volunteers/{volunteer}/hours", new { day = "2022-03-05", hours = 2.5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync($"/api/v1/projects/{projectId}/volunteers/{volunteer}/hours", new { day = "2022-07-05", hours = 3 })).StatusCode);
        await Post("deliverables", new { kind = "Methodology", title = "Savanorių mokymo metodika", date = "2022-09-01", presentedTo = "Kauno m. savivaldybė" });

        var i = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/indicators");
        // Hand count: Ona, Rūta, Jonas attended (3); "Neatvykęs" did not.
        Assert.Equal(3m, Figure(i, "DistinctParticipants"));
        Assert.Equal(4m, Figure(i, "Attendances"));
        Assert.Equal(3m, Figure(i, "Events"));
        Assert.Equal(4m, Figure(i, "Sessions"));
        Assert.Equal(12m, Figure(i, "AcademicHours"));                 // 2×4 + 4
        Assert.Equal(8m + 4m + 4m + 4m, Figure(i, "ParticipantHours"));  // Ona 8, Rūta 4 (stated), Ona 4, Jonas 4
        Assert.Equal(120m, Figure(i, "Headcount"));
        Assert.Equal(1m, Figure(i, "Volunteers"));
        Assert.Equal(5.5m, Figure(i, "VolunteerHours"));
        Assert.Equal(1m, Figure(i, "Deliverables"));
        Assert.Equal(2m, Part(i, "DistinctParticipants", "Category", "Volunteer"));
        Assert.Equal(1m, Part(i, "DistinctParticipants", "Category", "Specialist"));
        Assert.Equal(2m, Part(i, "DistinctParticipants", "Gender", "Female"));
        Assert.Equal(1m, Part(i, "DistinctParticipants", "Municipality", "Kauno m."));
        Assert.Equal(1m, Part(i, "DistinctParticipants", "Municipality", null));
        Assert.Equal(1m, Part(i, "DistinctParticipants", "AgeBand", "From30To44"));
        Assert.Equal(2m, Part(i, "DistinctParticipants", "Quarter", "2022Q1"));
        Assert.Equal(2m, Part(i, "DistinctParticipants", "Quarter", "2022Q2"));
        Assert.Equal(8m, Part(i, "AcademicHours", "Quarter", "2022Q1"));
        Assert.Equal(2.5m, Part(i, "VolunteerHours", "Quarter", "2022Q1"));
        // Each figure opens to its records: the Q2 participants are Ona and Jonas.
        var q2 = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/participants?quarter=2022Q2");
        Assert.Equal(["1", "2"], q2.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()).Order());

        // The personal code was turned into a keyed hash and is stored nowhere in clear.
        var stored = await factory.WithDbAsync(db => db.Set<Participant>().SingleAsync(p => p.Id == ona));
        Assert.Equal(64, stored.PersonKey!.Length);
        Assert.DoesNotContain("49001010001", JsonSerializer.Serialize(stored));
        Assert.DoesNotContain("49001010001", await member.GetStringAsync($"/api/v1/projects/{projectId}/participants"));
    }

    [Fact]
    public async Task An_event_outside_the_project_period_is_refused_in_lithuanian()
    {
        var id = await ProjectOfAsync("Šeimos santykių institutas");
        var response = await (await factory.ApiAsAsync(TalkaFactory.MemberB)).PostAsJsonAsync($"/api/v1/projects/{id}/events",
            new { kind = "Seminar", topic = "Per vėlai", start = "2023-01-10", end = "2023-01-10", sessions = 1, hoursPerSession = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Data turi būti projekto laikotarpyje (2022-01-01 – 2022-12-31).", problem.GetProperty("errors").GetProperty("Start")[0].GetString());
    }

    [Fact]
    public async Task A_member_cannot_read_or_change_another_organisations_participants_or_events()
    {
        var ssiProject = await ProjectOfAsync("Šeimos santykių institutas");
        var other = await factory.ApiAsAsync(TalkaFactory.MemberA);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{ssiProject}/participants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{ssiProject}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/projects/{ssiProject}/indicators")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/projects/{ssiProject}/participants", new { code = "X", category = "Other" })).StatusCode);
        var eventId = await factory.WithDbAsync(db => db.Set<Event>().Where(e => e.ProjectId == ssiProject).Select(e => e.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAttendanceAsync(ssiProject, eventId, Array.Empty<object>())).StatusCode);
        // Nor through their own project: another organisation's participant cannot be marked at their own event.
        var spcProject = await ProjectOfAsync("VšĮ „Socialinės partnerystės centras“");
        var spcEvent = (await (await other.PostAsJsonAsync($"/api/v1/projects/{spcProject}/events",
            new { kind = "Training", topic = "Mokymai", start = "2020-03-01", end = "2020-03-01", sessions = 1, hoursPerSession = 4 })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var foreign = await factory.WithDbAsync(db => db.Set<Participant>().Where(p => p.ProjectId == ssiProject).Select(p => p.Id).FirstAsync());
        var response = await other.PutAttendanceAsync(spcProject, spcEvent, new[] { new { participantId = foreign } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Attendance>().CountAsync(a => a.EventId == spcEvent)));
        // An auditor reads and cannot change.
        var auditor = await factory.ApiAsAsync(TalkaFactory.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/projects/{ssiProject}/participants")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/projects/{ssiProject}/participants", new { code = "X", category = "Other" })).StatusCode);
    }

    [Fact]
    public async Task The_indicators_page_shows_the_figures_and_each_opens_to_its_records()
    {
        var id = await ProjectOfAsync("Šeimos santykių institutas");
        var member = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var html = await member.GetStringAsync($"/projects/{id}/indicators");
        var text = Html.Text(html);
        Assert.Contains("Dalyviai (skirtingi asmenys) Kiekvienas asmuo skaičiuojamas vieną kartą, kad ir kiek renginių lankė. 209", text);
        Assert.Contains("Suteikta akademinių valandų 162", text);
        Assert.Contains($"href=\"/projects/{id}/participants?attended=true\">209</a>", html);
        var drillPage = await member.GetStringAsync($"/projects/{id}/participants?attended=true");
        Assert.Contains("iš viso 209", Html.Text(drillPage));
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Matches(Html.Table(drillPage), "<tr>").Count);
        var last = Html.Table(await member.GetStringAsync($"/projects/{id}/participants?attended=true&page=5"));
        Assert.Equal(9, System.Text.RegularExpressions.Regex.Matches(last, "<tr>").Count);
        var seminars = Html.Text(Html.Table(await member.GetStringAsync($"/projects/{id}/events?kind=Seminar")));
        Assert.Contains("Seminarai „Antrinė trauma ir atsparumas“", seminars);
        Assert.DoesNotContain("VTRS", seminars);

        var p004 = await ProjectOfAsync("UAB „Person Premier“");
        var headcount = Html.Text(await (await factory.BrowserAsAsync("personpremier@demo.talka.lt")).GetStringAsync($"/projects/{p004}/indicators"));
        Assert.Contains("Dalyviai be sąrašo (suskaičiuota renginyje) Dalyviai be sąrašo suskaičiuoti renginyje; jie nesumuojami su skirtingais asmenimis iš dalyvių sąrašų. 460", headcount);
        Assert.Contains("Dalyviai (skirtingi asmenys) Kiekvienas asmuo skaičiuojamas vieną kartą, kad ir kiek renginių lankė. 0", headcount);
        Assert.Contains("Seminaras 24", headcount);
    }

    [Fact]
    public async Task An_event_with_attendance_is_recorded_through_the_pages()
    {
        var id = await ProjectOfAsync("Nacionalinė NVO (pavadinimas šaltinyje nenurodytas)");
        var member = await factory.BrowserAsAsync("nvo2022@demo.talka.lt");
        var form = await member.GetStringAsync($"/projects/{id}/participants/edit");
        var saved = await member.PostAsync($"/projects/{id}/participants/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form), ["Input.Code"] = "M-1", ["Input.DisplayName"] = "Žydrūnė", ["Input.Category"] = "Specialist",
            ["Input.Municipality"] = "Šiaulių m.", ["Input.PersonalIdentifier"] = "49001010001", ["Input.Consent"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        form = await member.GetStringAsync($"/projects/{id}/events/edit");
        var tooLate = await member.PostAsync($"/projects/{id}/events/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form), ["Input.Kind"] = "Training", ["Input.Topic"] = "Meno terapija",
            ["Input.Start"] = "2023-02-01", ["Input.End"] = "2023-02-01", ["Input.Sessions"] = "2", ["Input.HoursPerSession"] = "6", ["Input.HourUnit"] = "Academic",
        }));
        Assert.Equal("Data turi būti projekto laikotarpyje (2022-01-01 – 2022-12-31).", Html.FieldError(await tooLate.Content.ReadAsStringAsync(), "Input.Start"));
        var created = await member.PostAsync($"/projects/{id}/events/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(form), ["Input.Kind"] = "Training", ["Input.Topic"] = "Meno terapija",
            ["Input.Start"] = "2022-02-01", ["Input.End"] = "2022-02-02", ["Input.Sessions"] = "2", ["Input.HoursPerSession"] = "6", ["Input.HourUnit"] = "Academic",
            ["Input.Municipality"] = "Šiaulių m.",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var eventPage = created.Headers.Location!.ToString();
        var eventHtml = await member.GetStringAsync(eventPage);
        var participantId = System.Text.RegularExpressions.Regex.Match(eventHtml, @"name=""Marks\[0\]\.ParticipantId"" value=""([^""]+)""").Groups[1].Value;
        var marked = await member.PostAsync(eventPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(eventHtml), ["Marks[0].ParticipantId"] = participantId, ["Marks[0].Attended"] = "true",
        }));
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Contains("Dalyvavimas išsaugotas: 1 dalyvis.", Html.Text(await member.GetStringAsync(eventPage)));
        var indicators = Html.Text(await member.GetStringAsync($"/projects/{id}/indicators"));
        Assert.Contains("Dalyviai (skirtingi asmenys) Kiekvienas asmuo skaičiuojamas vieną kartą, kad ir kiek renginių lankė. 1", indicators);
        Assert.Contains("Suteikta akademinių valandų 12", indicators);
        Assert.DoesNotContain("49001010001", await member.GetStringAsync($"/projects/{id}/participants"));
    }

    [Fact]
    public async Task Across_a_programme_a_person_in_two_projects_counts_once_through_the_keyed_hash()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022")).EnumerateArray()
            .Single(c => c.GetProperty("title").GetString()!.StartsWith("Nacionalinių NVO institucinio stiprinimo projektai 2022")).GetProperty("id").GetGuid();
        var programme = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}")).GetProperty("programmeId").GetGuid();
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/reach");
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "Šeimos santykių institutas").Select(o => o.Id).SingleAsync());
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        foreach (var title in new[] { "Pirmas projektas", "Antras projektas" })
        {
            var project = (await (await admin.PostAsJsonAsync("/api/v1/projects", new { callId = call, organisationId = organisation, title, start = "2022-01-01", end = "2022-12-31" }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var e = (await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events", new { kind = "Training", topic = "Mokymai", start = "2022-04-01", end = "2022-04-01", sessions = 1, hoursPerSession = 2 }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            // The same person, written differently, in both projects; and one person without an identifier in each.
            var same = (await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/participants", new { code = "1", category = "Volunteer", personalIdentifier = title.StartsWith("Pirmas") ? "39001010000" : "3900101 0000" }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var anonymous = (await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/participants", new { code = "2", category = "Volunteer" }))
                .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await member.PutAttendanceAsync(project, e, new[] { new { participantId = same }, new { participantId = anonymous } })).EnsureSuccessStatusCode();
            // Public figures count published projects only.
            (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/published", new { published = true })).EnsureSuccessStatusCode();
        }
        // The funder reads exact figures (a visitor would see counts of 1 to 4 withheld).
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/reach");
        Assert.Equal(4, after.GetProperty("projectParticipantsSum").GetInt32() - before.GetProperty("projectParticipantsSum").GetInt32());
        Assert.Equal(3, after.GetProperty("distinctPersons").GetInt32() - before.GetProperty("distinctPersons").GetInt32());
        Assert.Equal(2, after.GetProperty("withoutKey").GetInt32() - before.GetProperty("withoutKey").GetInt32());
        Assert.Contains("Kiek skirtingų žmonių pasiekė programa", Html.Text(await factory.Browser().GetStringAsync($"/programmes/details/{programme}")));
    }

    [Fact]
    public async Task A_planned_indicator_shows_its_actual_and_percent_achieved_computed_or_manual()
    {
        var id = await ProjectOfAsync("Šeimos santykių institutas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var project = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        var plan = new
        {
            version = project.GetProperty("version").GetInt32(), title = project.GetProperty("title").GetString(), goal = project.GetProperty("goal").GetString(),
            summary = project.GetProperty("summary").GetString(),
            objectives = project.GetProperty("objectives").EnumerateArray().Select(o => new { id = o.GetProperty("id").GetGuid(), text = o.GetProperty("text").GetString() }),
            activities = project.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("activities").EnumerateArray().Select(a => new
            {
                id = a.GetProperty("id").GetGuid(), objectiveNumber = o.GetProperty("number").GetInt32(), kind = a.GetProperty("kind").GetString(),
                title = a.GetProperty("title").GetString(), description = a.GetProperty("description").GetString(),
            })),
            targetGroups = project.GetProperty("targetGroups"), municipalities = project.GetProperty("municipalities"),
            indicators = new object[]
            {
                new { name = "Dalyviai", unit = "asm.", target = 200, metric = "DistinctParticipants" },
                new { name = "Pasiūlymai institucijoms", unit = "vnt.", target = 4 },
            },
        };
        Assert.Equal(HttpStatusCode.OK, (await member.PutAsJsonAsync($"/api/v1/projects/{id}/plan", plan)).StatusCode);
        var indicators = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/indicators");
        var computed = indicators.GetProperty("planned")[0];
        Assert.Equal(209m, computed.GetProperty("actual").GetDecimal());
        Assert.Equal(104.5m, computed.GetProperty("percentAchieved").GetDecimal());
        var manual = indicators.GetProperty("planned")[1];
        Assert.True(manual.GetProperty("isManual").GetBoolean());

        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = await browser.GetStringAsync($"/projects/{id}/indicators");
        // A value in words is refused; the form comes back with the indicator, the value and the evidence typed.
        var refused = await browser.PostAsync($"/projects/{id}/indicators", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(page), ["IndicatorId"] = manual.GetProperty("id").GetString()!,
            ["Value"] = "trys", ["Evidence"] = "Raštai Nr. 12, 13, 14",
        }));
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("value=\"trys\"", again);
        Assert.Contains("value=\"Raštai Nr. 12, 13, 14\"", again);
        Assert.Contains($"<option value=\"{manual.GetProperty("id").GetString()}\" selected=\"selected\">", again);
        var saved = await browser.PostAsync($"/projects/{id}/indicators", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Html.Token(page), ["IndicatorId"] = manual.GetProperty("id").GetString()!, ["Value"] = "3", ["Evidence"] = "Raštai Nr. 12, 13, 14",
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var text = Html.Text(await browser.GetStringAsync($"/projects/{id}/indicators"));
        Assert.Contains("Pasiūlymai institucijoms (vnt.) įvesta ranka Raštai Nr. 12, 13, 14 4 3 75 %", text);
        Assert.Contains("Dalyviai (asm.) apskaičiuota Dalyviai (skirtingi asmenys) 200 209 104,5 %", text);
    }
}
