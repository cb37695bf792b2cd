using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Talka.Web.Features.Delivery;

namespace Talka.Web.Tests;

/// <summary>A project's figures are stored and refreshed by the change that alters the records behind them, so that
/// readers need not recount; a recount from scratch always agrees.</summary>
public sealed class StoredFiguresTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    /// <summary>The stored figure once fresh: a change marks the figures stale and a job refreshes them right
    /// after.</summary>
    private async Task<decimal?> StoredAsync(Guid project, string metric)
    {
        for (var i = 0; i < 200; i++)
        {
            var json = await factory.WithDbAsync(db => db.Set<ProjectFigures>().Where(f => f.ProjectId == project && !f.Stale).Select(f => f.Figures).SingleOrDefaultAsync());
            if (!string.IsNullOrEmpty(json))
                return JsonDocument.Parse(json).RootElement.GetProperty("Figures").EnumerateArray()
                    .Single(f => f.GetProperty("Metric").GetString() == metric).GetProperty("Value").GetDecimal();
            await Task.Delay(100);
        }
        return null;
    }

    private async Task<IReadOnlyList<string>> RecountDifferencesAsync(Guid project)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FigureStore>().CheckAsync(project);
    }

    private static async Task<Guid> EventAsync(HttpClient member, Guid project, int sessions = 2) =>
        await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events",
            new { kind = "Training", topic = "Mokymai", start = "2022-04-01", end = "2022-04-01", sessions, hoursPerSession = 3 })).IdOf();

    private static async Task<List<Guid>> ParticipantsAsync(HttpClient member, Guid project, int count, string prefix)
    {
        var ids = new List<Guid>();
        for (var i = 1; i <= count; i++)
            ids.Add(await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/participants",
                new { code = $"{prefix}-{i}", category = "Volunteer" })).IdOf());
        return ids;
    }

    [Fact]
    public async Task Every_kind_of_change_refreshes_the_stored_figures_and_a_recount_agrees()
    {
        var project = await TestProjects.CreateAsync(factory, "Saugomi rodikliai");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, project);
        Assert.Equal(0m, await StoredAsync(project, "DistinctParticipants"));
        Assert.Equal(6m, await StoredAsync(project, "AcademicHours"));
        var people = await ParticipantsAsync(member, project, 3, "S");
        var attendance = $"/api/v1/projects/{project}/events/{eventId}/attendance";
        // Held, the job worker leaves the figures stale after a change: readers then recount, never read the old ones.
        using (factory.HoldJobs())
        {
            (await member.PatchAsJsonAsync(attendance, new { mark = new[] { new { participantId = people[2] } } })).EnsureSuccessStatusCode();
            Assert.True(await factory.WithDbAsync(db => db.Set<ProjectFigures>().Where(f => f.ProjectId == project).Select(f => f.Stale).SingleAsync()));
            var shown = await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/indicators");
            Assert.Equal(1m, shown.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("metric").GetString() == "DistinctParticipants")
                .GetProperty("value").GetDecimal());
        }
        (await member.PatchAsJsonAsync(attendance, new { unmark = new[] { people[2] } })).EnsureSuccessStatusCode();

        (await member.PatchAsJsonAsync(attendance, new { mark = people.Take(2).Select(id => new { participantId = id }) })).EnsureSuccessStatusCode();
        Assert.Equal(2m, await StoredAsync(project, "DistinctParticipants"));
        Assert.Empty(await RecountDifferencesAsync(project));

        (await member.PostAsJsonAsync(attendance + "/bulk", new { attended = true })).EnsureSuccessStatusCode();
        Assert.Equal(3m, await StoredAsync(project, "DistinctParticipants"));
        (await member.PostAsJsonAsync(attendance + "/bulk", new { attended = false, search = "s-3" })).EnsureSuccessStatusCode();
        Assert.Equal(2m, await StoredAsync(project, "DistinctParticipants"));
        Assert.Empty(await RecountDifferencesAsync(project));

        // An import: chunks saved in summary mode, the figures refreshed once before its commit.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Dalyvio Nr.;Kategorija;Renginio Nr.\r\nI-1;Kita;1\r\nI-2;Kita;1\r\nI-3;Kita;1\r\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "dalyviai.csv");
        var import = (await (await member.PostAsync($"/api/v1/projects/{project}/imports", form)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await member.PostAsync($"/api/v1/projects/{project}/imports/{import}/apply", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < 120 && await StoredAsync(project, "DistinctParticipants") != 5m; i++) await Task.Delay(250);
        Assert.Equal(5m, await StoredAsync(project, "DistinctParticipants"));

        // A change to the event itself (sessions) changes the hours.
        var version = (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/events/{eventId}")).GetProperty("version").GetInt32();
        (await member.PutAsJsonAsync($"/api/v1/projects/{project}/events/{eventId}",
            new { kind = "Training", topic = "Mokymai", start = "2022-04-01", end = "2022-04-01", sessions = 4, hoursPerSession = 3, version }))
            .EnsureSuccessStatusCode();
        Assert.Equal(12m, await StoredAsync(project, "AcademicHours"));

        // Volunteers and their hours.
        var volunteer = await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/volunteers", new { name = "Savanorė", trained = true, active = true })).IdOf();
        (await member.PostAsJsonAsync($"/api/v1/projects/{project}/volunteers/{volunteer}/hours", new { day = "2022-04-01", hours = 5 })).EnsureSuccessStatusCode();
        Assert.Equal(1m, await StoredAsync(project, "Volunteers"));
        Assert.Equal(5m, await StoredAsync(project, "VolunteerHours"));
        Assert.Empty(await RecountDifferencesAsync(project));
    }

    [Fact]
    public async Task The_project_page_takes_each_events_listed_persons_from_the_stored_figures_and_counts_while_stale()
    {
        var project = await TestProjects.CreateAsync(factory, "Renginių sąrašai", published: true);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, project);
        var people = await ParticipantsAsync(member, project, 7, "R");
        (await member.PatchAsJsonAsync($"/api/v1/projects/{project}/events/{eventId}/attendance",
            new { mark = people.Select(id => new { participantId = id }) })).EnsureSuccessStatusCode();
        Assert.Equal(7m, await StoredAsync(project, "DistinctParticipants"));
        var page = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        // The events table: kind, topic, period, sessions, hours, persons listed, headcount.
        // Altered behind Talka's back below, so no save evicts the member's cached copy of the page: evicted here.
        async Task<string> RowAsync()
        {
            await factory.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>()
                .EvictByTagAsync(Talka.Web.Infrastructure.Web.PublicCache.ProjectTag(project), default);
            return Html.Text(await page.GetStringAsync($"/projects/details/{project}"));
        }
        Assert.Contains("Mokymai Mokymai 2022-04-01 – 2022-04-01 2 6 7 —", await RowAsync());
        var stored = await factory.WithDbAsync(db =>
            db.Set<ProjectFigures>().Where(f => f.ProjectId == project).Select(f => f.Figures).SingleAsync());
        Assert.Contains($"\"ListedByEvent\":{{\"{eventId}\":7}}", stored);

        // Read from what is stored: altered behind Talka's back, the page shows it (and the check catches it).
        await factory.WithDbAsync(db => db.Set<ProjectFigures>().Where(f => f.ProjectId == project)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Figures,
                f => f.Figures.Replace($"\"{eventId}\":7", $"\"{eventId}\":70"))));
        Assert.Contains("2022-04-01 – 2022-04-01 2 6 70 —", await RowAsync());
        Assert.Single(await RecountDifferencesAsync(project));
        // Stale figures are not read: the persons are counted from the attendance.
        await factory.WithDbAsync(db => db.Set<ProjectFigures>().Where(f => f.ProjectId == project)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Stale, true)));
        Assert.Contains("2022-04-01 – 2022-04-01 2 6 7 —", await RowAsync());
    }

    [Fact]
    public async Task Many_people_saving_at_once_leave_figures_equal_to_a_recount()
    {
        var project = await TestProjects.CreateAsync(factory, "Lygiagretūs žymėjimai");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var eventId = await EventAsync(member, project);
        var people = await ParticipantsAsync(member, project, 16, "L");
        var attendance = $"/api/v1/projects/{project}/events/{eventId}/attendance";
        var saves = people.Chunk(2).Select((pair, i) => (i % 2 == 0 ? member : admin)
            .PatchAsJsonAsync(attendance, new { mark = pair.Select(id => new { participantId = id }) }));
        Assert.All(await Task.WhenAll(saves), r => r.EnsureSuccessStatusCode());
        Assert.Equal(16m, await StoredAsync(project, "DistinctParticipants"));
        Assert.Empty(await RecountDifferencesAsync(project));
    }

    [Fact]
    public async Task Readers_take_the_stored_figures_and_the_check_finds_any_that_differ_from_a_recount()
    {
        var project = await TestProjects.CreateAsync(factory, "Patikrinami rodikliai");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, project);
        var people = await ParticipantsAsync(member, project, 2, "P");
        (await member.PatchAsJsonAsync($"/api/v1/projects/{project}/events/{eventId}/attendance",
            new { mark = people.Select(id => new { participantId = id }) })).EnsureSuccessStatusCode();
        async Task<decimal> ShownAsync() => (await member.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/indicators"))
            .GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("metric").GetString() == "DistinctParticipants").GetProperty("value").GetDecimal();
        Assert.Equal(2m, await ShownAsync());
        Assert.Equal(2m, await StoredAsync(project, "DistinctParticipants"));

        // Someone alters the stored row behind Talka's back: the page shows what is stored, and the check catches it.
        await factory.WithDbAsync(db => db.Set<ProjectFigures>().Where(f => f.ProjectId == project)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Figures, f => f.Figures.Replace("\"DistinctParticipants\",\"Value\":2", "\"DistinctParticipants\",\"Value\":99"))));
        Assert.Equal(99m, await ShownAsync());
        var differences = await RecountDifferencesAsync(project);
        Assert.Single(differences);
        Assert.Contains(project.ToString(), differences[0]);

        // Stale figures are not shown: they are recounted until refreshed.
        await factory.WithDbAsync(db => db.Set<ProjectFigures>().Where(f => f.ProjectId == project).ExecuteUpdateAsync(s => s.SetProperty(f => f.Stale, true)));
        Assert.Equal(2m, await ShownAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<FigureStore>().RefreshStaleAsync(TimeProvider.System) >= 1);
        Assert.Equal(2m, await StoredAsync(project, "DistinctParticipants"));
        Assert.Empty(await RecountDifferencesAsync(project));
    }

    [Fact]
    public async Task A_programmes_dashboard_counts_are_stored_refreshed_after_changes_and_equal_a_recount()
    {
        // A programme of its own: no other test's records change its counts while this one compares them.
        var (call, programme) = await TestProjects.OwnCallAsync(factory, "Programos skaičių programa");
        var project = await TestProjects.CreateAsync(factory, "Programos skaičiai", published: true, callId: call);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, project);
        var people = new List<Guid>();
        foreach (var (code, id) in new[] { ("R-1", "39001010000"), ("R-2", "49001010001"), ("R-3", "49001010012") })
            people.Add(await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/participants",
                new { code, category = "Volunteer", personalIdentifier = id })).IdOf());
        (await member.PatchAsJsonAsync($"/api/v1/projects/{project}/events/{eventId}/attendance",
            new { mark = people.Select(id => new { participantId = id }) })).EnsureSuccessStatusCode();

        async Task<IReadOnlyList<string>> FreshDifferencesAsync()
        {
            for (var i = 0; i < 200 && !await factory.WithDbAsync(db => db.Set<ProgrammeFigures>()
                .AnyAsync(f => f.ProgrammeId == programme && !f.Stale && f.Figures != "")); i++)
                await Task.Delay(100);
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ProgrammeFigureStore>().CheckAsync(programme);
        }
        Assert.Empty(await FreshDifferencesAsync());
        // The national row (every programme's counts) is stored too, under its own key. Other tests change it while
        // this one runs: it must equal a recount once it is fresh, checked until a moment when no one else changed it.
        IReadOnlyList<string> national = ["not checked"];
        for (var round = 0; round < 20 && national.Count > 0; round++)
        {
            for (var i = 0; i < 200 && !await factory.WithDbAsync(db => db.Set<ProgrammeFigures>()
                .AnyAsync(f => f.ProgrammeId == ProgrammeFigures.AllProgrammes && !f.Stale && f.Figures != "")); i++)
                await Task.Delay(100);
            await using var scope = factory.Services.CreateAsyncScope();
            national = await scope.ServiceProvider.GetRequiredService<ProgrammeFigureStore>()
                .CheckAsync(ProgrammeFigures.AllProgrammes);
        }
        Assert.Empty(national);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        async Task<int> PersonsAsync() => (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/reach")).GetProperty("distinctPersons").GetInt32();
        var before = await PersonsAsync();

        // Unpublishing takes the project's persons out of the programme's public counts: stale at once, recounted, stored.
        (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/published", new { published = false })).EnsureSuccessStatusCode();
        Assert.Equal(before - 3, await PersonsAsync());
        Assert.Empty(await FreshDifferencesAsync());
        Assert.Equal(before - 3, await PersonsAsync());
    }

    [Fact]
    public async Task The_national_counts_wait_for_one_refresh_and_are_cleared_when_a_project_leaves_them()
    {
        var national = ProgrammeFigures.AllProgrammes;
        var (call, _) = await TestProjects.OwnCallAsync(factory, "Nacionalinių skaičių programa");
        var project = await TestProjects.CreateAsync(factory, "Nacionaliniai skaičiai", published: true, callId: call);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, project);
        var attendance = $"/api/v1/projects/{project}/events/{eventId}/attendance";
        async Task MarkAsync(IEnumerable<Guid> people) => (await member.PatchAsJsonAsync(attendance,
            new { mark = people.Select(id => new { participantId = id }) })).EnsureSuccessStatusCode();
        await MarkAsync(await ParticipantsAsync(member, project, 2, "N"));
        for (var i = 0; i < 200 && !await factory.WithDbAsync(db => db.Set<ProgrammeFigures>()
            .AnyAsync(f => f.ProgrammeId == national && !f.Stale && f.Figures != "")); i++)
            await Task.Delay(100);
        Task<ProgrammeFigures> RowAsync() => factory.WithDbAsync(db =>
            db.Set<ProgrammeFigures>().AsNoTracking().SingleAsync(f => f.ProgrammeId == national));
        Task<List<Infrastructure.Jobs.Job>> QueuedAsync() => factory.WithDbAsync(db => db.Set<Infrastructure.Jobs.Job>()
            .Where(j => j.Kind == ProgrammeFiguresJobHandler.JobKind && j.Payload == national.ToString()
                && j.Status == Infrastructure.Jobs.JobStatus.Queued).ToListAsync());
        async Task<(int Shown, int Recounted)> PersonsAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var reach = new ReachQueries(
                scope.ServiceProvider.GetRequiredService<Infrastructure.Data.TalkaDbContext>());
            return ((await reach.CountsAsync(national, asStored: true)).DistinctPersons,
                (await reach.RecountAsync(national)).DistinctPersons);
        }
        var fresh = await RowAsync();
        Assert.False(fresh.Stale);
        using (factory.HoldJobs())
        {
            // Two more persons, in two saves: the national counts go stale but keep what was stored, and readers take
            // it (counting them live would take the database seconds at national size, after every save).
            await MarkAsync(await ParticipantsAsync(member, project, 1, "M"));
            await MarkAsync(await ParticipantsAsync(member, project, 1, "K"));
            var stale = await RowAsync();
            Assert.True(stale.Stale);
            Assert.Equal(fresh.Figures, stale.Figures);
            var (shown, recounted) = await PersonsAsync();
            Assert.Equal(recounted - 2, shown);
            // One refresh for the burst, a while after the first change (a second in the tests' settings).
            var job = Assert.Single(await QueuedAsync());
            Assert.True(job.NotBefore >= job.CreatedAt.AddSeconds(1),
                $"queued {job.CreatedAt:O}, to run {job.NotBefore:O}");

            // Unpublished, the project's four persons leave the public counts at once: cleared, counted live, and the
            // refresh runs now, not later.
            var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
            (await admin.PutAsJsonAsync($"/api/v1/projects/{project}/published", new { published = false }))
                .EnsureSuccessStatusCode();
            Assert.Equal("", (await RowAsync()).Figures);
            var (live, afterwards) = await PersonsAsync();
            Assert.Equal(recounted - 4, afterwards);
            Assert.Equal(afterwards, live);
            Assert.True(Assert.Single(await QueuedAsync()).NotBefore <= DateTime.UtcNow);
        }
    }

    [Fact]
    public async Task A_change_to_a_calls_rules_advances_its_projects_generation_of_figures()
    {
        var (call, _) = await TestProjects.OwnCallAsync(factory, "Taisyklių keitimo programa");
        var project = await TestProjects.CreateAsync(factory, "Taisyklių keitimo projektas", callId: call);
        await EventAsync(await factory.ApiAsAsync(TalkaFactory.MemberB), project);
        Assert.Equal(6m, await StoredAsync(project, "AcademicHours"));
        Task<ProjectFigures> RowAsync() => factory.WithDbAsync(db =>
            db.Set<ProjectFigures>().AsNoTracking().SingleAsync(f => f.ProjectId == project));
        var before = await RowAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<FigureStore>().MarkCallStaleAsync(call));
        var after = await RowAsync();
        Assert.True(after.Stale);
        Assert.True(after.Generation > before.Generation, $"generation {before.Generation}, then {after.Generation}");
    }

    [Fact]
    public async Task A_change_to_a_calls_rules_refreshes_its_projects_stored_figures()
    {
        var (call, _) = await TestProjects.OwnCallAsync(factory, "Taisyklių atnaujinimo programa");
        var project = await TestProjects.CreateAsync(factory, "Taisyklių atnaujinimo projektas", callId: call);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events", new
        {
            kind = "Seminar", topic = "Seminaras", start = "2022-04-01", end = "2022-04-01", sessions = 2,
            hoursPerSession = 3, hourUnit = "Astronomical",
        })).IdOf();
        // Three hours of 60 minutes are 4 academic hours of 45 minutes a session.
        Assert.Equal(8m, await StoredAsync(project, "AcademicHours"));

        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{call}");
        string Of(string name) => current.GetProperty(name).GetString()!;
        (await admin.PutAsJsonAsync($"/api/v1/calls/{call}", new
        {
            programmeId = Of("programmeId"), fundingBodyId = Of("fundingBodyId"), title = Of("title"), year = 2022,
            legalActNumber = "A1-1", legalActDate = "2021-12-01", legalActTitle = "Dėl kvietimo",
            totalBudget = 1_000_000, projectPeriodStart = "2022-01-01", projectPeriodEnd = "2022-12-31",
            fundingSource = "StateBudget", minutesPerAcademicHour = 60,
            version = current.GetProperty("version").GetInt32(),
        })).EnsureSuccessStatusCode();
        // Counted again by a job, not left stale (then counted live on every reading) until the next change.
        Assert.Equal(6m, await StoredAsync(project, "AcademicHours"));
        Assert.Empty(await RecountDifferencesAsync(project));
    }

    [Fact]
    public async Task Unmarking_everyone_at_once_counts_the_programme_again()
    {
        var (call, programme) = await TestProjects.OwnCallAsync(factory, "Atžymėjimo programa");
        var project = await TestProjects.CreateAsync(factory, "Atžymėjimo programos projektas", published: true,
            callId: call);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await EventAsync(member, project);
        await ParticipantsAsync(member, project, 6, "P");
        async Task<int> CountedAsync()
        {
            await factory.CountsRefreshedAsync(programme);
            var json = await factory.WithDbAsync(db => db.Set<ProgrammeFigures>()
                .Where(f => f.ProgrammeId == programme).Select(f => f.Figures).SingleAsync());
            return JsonDocument.Parse(json).RootElement.GetProperty("Participants").GetInt32();
        }
        var bulk = $"/api/v1/projects/{project}/events/{eventId}/attendance/bulk";
        (await member.PostAsJsonAsync(bulk, new { attended = true })).EnsureSuccessStatusCode();
        Assert.Equal(6, await CountedAsync());

        // Unmarking deletes the marks in the database, not through tracked records.
        (await member.PostAsJsonAsync(bulk, new { attended = false })).EnsureSuccessStatusCode();
        Assert.Equal(0, await CountedAsync());
        Assert.Empty(await RecountDifferencesAsync(project));
    }

    [Fact]
    public async Task A_programmes_hours_by_kind_of_event_round_each_session_as_the_project_does()
    {
        // A programme of its own (45 minutes to the academic hour by default), so that only these events count.
        var (call, programme) = await TestProjects.OwnCallAsync(factory, "Valandų programa");
        var project = await TestProjects.CreateAsync(factory, "Valandų projektas", published: true, callId: call);
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        async Task EventAsync(string kind, int sessions, decimal? hours, string unit) =>
            await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/events", new
            {
                kind, topic = "Užsiėmimas", start = "2022-04-01", end = "2022-04-01", sessions,
                hoursPerSession = hours, hourUnit = unit,
            })).IdOf();
        // Two hours of 60 minutes are 2,67 academic hours a session: 3 sessions 8,01, one more 2,67.
        await EventAsync("Seminar", 3, 2m, "Astronomical");
        await EventAsync("Seminar", 1, 2m, "Astronomical");
        await EventAsync("Training", 2, 1.5m, "Academic");
        await EventAsync("Consultation", 4, null, "Academic");

        await using var scope = factory.Services.CreateAsyncScope();
        var counts = await scope.ServiceProvider.GetRequiredService<ReachQueries>().RecountAsync(programme);
        var hours = counts.HoursByEventKind.ToDictionary(p => p.Key, p => p.Value);
        // 10,68, not the 10,67 that 8 hours of 60 minutes would make: each session is rounded, as on the project.
        Assert.Equal(10.68m, hours["Seminar"]);
        Assert.Equal(3.0m, hours["Training"]);
        Assert.Equal(0m, hours["Consultation"]);
        Assert.Equal(3, hours.Count);
    }

    [Fact]
    public async Task A_years_reach_counts_the_persons_of_that_years_projects_once_each()
    {
        var (call, programme) = await TestProjects.OwnCallAsync(factory, "Metų aprėpties programa");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        // The same person (one personal code) in two projects of 2022, and one participant without a code.
        foreach (var (title, people) in new[]
            {
                ("Metų aprėptis A", new[] { ("Y-1", (string?)"39001010000"), ("Y-2", null) }),
                ("Metų aprėptis B", new[] { ("Y-1", (string?)"39001010000") }),
            })
        {
            var project = await TestProjects.CreateAsync(factory, title, published: true, callId: call);
            var eventId = await EventAsync(member, project);
            var ids = new List<Guid>();
            foreach (var (code, personal) in people)
                ids.Add(await (await member.PostAsJsonAsync($"/api/v1/projects/{project}/participants",
                    new { code, category = "Volunteer", personalIdentifier = personal })).IdOf());
            (await member.PatchAsJsonAsync($"/api/v1/projects/{project}/events/{eventId}/attendance",
                new { mark = ids.Select(id => new { participantId = id }) })).EnsureSuccessStatusCode();
        }

        var reach = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/reach?year=2022");
        Assert.Equal(2, reach.GetProperty("projects").GetInt32());
        Assert.Equal(2, reach.GetProperty("distinctPersons").GetInt32());
        Assert.Equal(3, reach.GetProperty("projectParticipantsSum").GetInt32());
        Assert.Equal(1, reach.GetProperty("withoutKey").GetInt32());
        var before = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/reach?year=2019");
        Assert.Equal(0, before.GetProperty("projects").GetInt32());
    }
}
