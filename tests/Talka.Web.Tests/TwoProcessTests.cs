using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;
using Talka.Web.Features.Imports;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Tests;

/// <summary>Two app processes on loopback on one database (PostgreSQL in the PostgreSQL run), as two instances behind a
/// load balancer: a login on one is recognised by the other, and an import started on one whose process is killed half
/// way is taken over by the other, polled there and completed, with nothing saved twice or half; a change saved on one
/// evicts the other's public pages.</summary>
public sealed class TwoProcessTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray());

    /// <summary>A client of the process signed in as the demo member (bearer token).</summary>
    private static async Task<HttpClient> MemberApiAsync(AppProcess app)
    {
        var api = app.Client();
        var login = await api.PostAsJsonAsync("/api/v1/auth/login",
            new { email = TalkaFactory.MemberB, password = TalkaFactory.Password });
        var token = await login.Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return api;
    }

    [Fact]
    public async Task A_login_on_one_process_is_recognised_by_the_other()
    {
        _ = factory.Server; // migrates and seeds the database the processes join
        await using var first = await AppProcess.StartAsync(factory, Secret);
        await using var second = await AppProcess.StartAsync(factory, Secret);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = first.Url };
        var form = await browser.GetStringAsync("/account/login");
        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TalkaFactory.MemberB, ["Password"] = TalkaFactory.Password, ["__RequestVerificationToken"] = Html.Token(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        // The same cookie, sent to the other process (a load balancer may send any request anywhere).
        using var other = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = second.Url };
        var home = await other.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(TalkaFactory.MemberB, await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_change_saved_on_one_process_shows_on_the_others_public_page_at_once()
    {
        // On SQLite Talka runs as one instance (README): the evictions reach the others through PostgreSQL.
        if (factory.DatabaseProvider != Talka.Web.Infrastructure.Data.Database.Postgres) return;
        var project = await TestProjects.CreateAsync(factory, "Projektas, rodomas dviejų kopijų", published: true);
        await using var first = await AppProcess.StartAsync(factory, Secret);
        await using var second = await AppProcess.StartAsync(factory, Secret);
        using var visitor = second.Client();
        const string topic = "Savanorių dirbtuvės Alytuje";
        // The visitor's page is now in the second process's cache, kept there for 30 s.
        Assert.DoesNotContain(topic, await visitor.GetStringAsync($"/projects/details/{project}"));

        using var api = await MemberApiAsync(first);
        var saved = await api.PostAsJsonAsync($"/api/v1/projects/{project}/events",
            new { kind = "Training", topic, start = "2022-03-01", end = "2022-03-01", sessions = 1,
                hoursPerSession = 4 });
        saved.EnsureSuccessStatusCode();

        // The other process evicted its copy when the first one's save committed (a notice takes milliseconds).
        var page = "";
        for (var i = 0; i < 50 && !page.Contains(topic); i++)
        {
            if (i > 0) await Task.Delay(100);
            page = await visitor.GetStringAsync($"/projects/details/{project}");
        }
        Assert.Contains(topic, page);
    }

    [Fact]
    public async Task An_import_whose_process_is_killed_half_way_is_completed_by_the_other_with_nothing_saved_twice()
    {
        _ = factory.Server;
        // The test's own in-process app takes no jobs: only the two processes do.
        using var hold = factory.HoldJobs();
        var project = await TestProjects.CreateAsync(factory, "Importas, kurio kopija nutrūksta");
        await using var first = await AppProcess.StartAsync(factory, Secret);
        using var api = await MemberApiAsync(first);
        (await api.PostAsJsonAsync($"/api/v1/projects/{project}/events",
            new { kind = "Training", topic = "Mokymai", start = "2022-03-01", end = "2022-03-01", sessions = 1, hoursPerSession = 6 })).EnsureSuccessStatusCode();
        const int rows = 20_000;
        var csv = new StringBuilder("Dalyvio Nr.;Vardas;Kategorija;Renginio Nr.\r\n");
        for (var i = 1; i <= rows; i++) csv.Append($"N-{i};Dalyvis {i};Kita;1\r\n");
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "dalyviai.csv");
        var preview = await (await api.PostAsync($"/api/v1/projects/{project}/imports", upload)).Content.ReadFromJsonAsync<JsonElement>();
        var importId = preview.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Accepted, (await api.PostAsync($"/api/v1/projects/{project}/imports/{importId}/apply", null)).StatusCode);

        // Wait until the first process is inside the import (on PostgreSQL, until its first chunks are written), then
        // kill it.
        var payload = importId.ToString();
        Job? job = null;
        for (var i = 0; i < 400 && job?.Status != JobStatus.Running; i++)
        {
            await Task.Delay(50);
            job = await factory.WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleOrDefaultAsync(j => j.Payload == payload));
        }
        Assert.True(job?.Status == JobStatus.Running, "The first process did not take the import.\n" + first.Output);
        if (factory.DatabaseProvider == "Postgres")
        {
            for (var i = 0; i < 400; i++)
            {
                if (await factory.WithDbAsync(db => db.Set<ImportUpload>().Where(u => u.Id == importId).Select(u => u.Processed).SingleAsync()) > 0) break;
                await Task.Delay(50);
            }
        }
        else await Task.Delay(500);
        first.Kill();
        Assert.Equal(ImportState.Running, await factory.WithDbAsync(db => db.Set<ImportUpload>().Where(u => u.Id == importId).Select(u => u.State).SingleAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<Participant>().CountAsync(p => p.ProjectId == project)));

        // The other process takes the job over when the dead one's lease runs out, and is polled with the same token.
        await using var second = await AppProcess.StartAsync(factory, Secret);
        using var other = second.Client();
        other.DefaultRequestHeaders.Authorization = api.DefaultRequestHeaders.Authorization;
        JsonElement status = default;
        for (var i = 0; i < 480; i++)
        {
            status = await other.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project}/imports/{importId}");
            if (status.GetProperty("state").GetString() is "Done" or "Failed") break;
            await Task.Delay(250);
        }
        Assert.True(status.GetProperty("state").GetString() == "Done", status + "\n" + second.Output);
        Assert.Equal(2 * rows, status.GetProperty("processed").GetInt32());
        Assert.Equal(rows, await factory.WithDbAsync(db => db.Set<Participant>().CountAsync(p => p.ProjectId == project)));
        Assert.Equal(rows, await factory.WithDbAsync(db => db.Set<Attendance>().CountAsync(a => db.Set<Participant>().Any(p => p.Id == a.ParticipantId && p.ProjectId == project))));
        // The worker records the job's outcome just after the import's own commit (if that write fails, the job is
        // taken again when its lease runs out, finds the import done and ends).
        var done = await factory.WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleAsync(j => j.Payload == payload));
        for (var i = 0; i < 300 && done.Status != JobStatus.Done; i++)
        {
            await Task.Delay(100);
            done = await factory.WithDbAsync(db => db.Set<Job>().AsNoTracking().SingleAsync(j => j.Payload == payload));
        }
        Assert.True(done.Status == JobStatus.Done, $"{done.Status} after {done.Attempts} attempts: {done.Error}\n{second.Output}");
        // The killed attempt counts: the job was taken over, not run once. The counts above show nothing was saved
        // twice, however many attempts it took.
        Assert.True(done.Attempts is >= 2 and <= JobWorker.MaxAttempts, $"{done.Attempts} attempts\n{second.Output}");
    }
}
