using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>What several instances on one database need: keys shared through the database, health checks for the
/// load balancer.</summary>
public sealed class InstanceTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_login_on_one_instance_is_recognised_by_another_on_the_same_database()
    {
        var first = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var form = await first.GetAsync("/account/login");
        var antiforgery = Cookies(form);
        var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["Email"] = TalkaFactory.MemberB,
                    ["Password"] = TalkaFactory.Password,
                    ["__RequestVerificationToken"] = Html.Token(await form.Content.ReadAsStringAsync()),
                }
            ),
        };
        login.Headers.Add("Cookie", antiforgery);
        var signedIn = await first.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);

        // The key that protects the cookie is in the database, where every instance finds it.
        Assert.True(
            await factory.WithDbAsync(db =>
                db.Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().AnyAsync()
            )
        );
        await using var second = factory.AnotherInstance();
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", session);
        var home = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(TalkaFactory.MemberB, await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_checks_answer_live_and_ready_without_a_login()
    {
        var client = factory.CreateClient();
        var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public void PostgreSQL_connections_prepare_and_skip_the_reset_unless_the_connection_string_says_otherwise()
    {
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(
            Talka.Web.Infrastructure.Data.Database.Tuned("Host=db;Username=talka"));
        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        // Behind a pooler in transaction mode the operator turns it off, in either spelling.
        var kept = new Npgsql.NpgsqlConnectionStringBuilder(Talka.Web.Infrastructure.Data.Database.Tuned(
            "Host=db;Max Auto Prepare=0;AutoPrepareMinUsages=5;No Reset On Close=false"));
        Assert.Equal(0, kept.MaxAutoPrepare);
        Assert.Equal(5, kept.AutoPrepareMinUsages);
        Assert.False(kept.NoResetOnClose);
    }

    [Fact]
    public async Task An_import_started_on_one_instance_is_run_and_followed_on_another()
    {
        var projectId = await TestProjects.CreateAsync(factory, "Importas per dvi kopijas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (
            await member.PostAsJsonAsync(
                $"/api/v1/projects/{projectId}/events",
                new
                {
                    kind = "Training",
                    topic = "Mokymai",
                    start = "2022-03-01",
                    end = "2022-03-01",
                    sessions = 1,
                    hoursPerSession = 6,
                }
            )
        ).EnsureSuccessStatusCode();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(
            System.Text.Encoding.UTF8.GetBytes(
                "Dalyvio Nr.;Vardas;Kategorija;Renginio Nr.\r\n"
                    + "K-1;Ona;Kita;1\r\nK-2;Jonas;Kita;1\r\nK-3;Rūta;Kita;1\r\n"
            )
        );
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "dalyviai.csv");
        var preview = await (
            await member.PostAsync($"/api/v1/projects/{projectId}/imports", form)
        ).Content.ReadFromJsonAsync<JsonElement>();
        var id = preview.GetProperty("id").GetGuid();
        Assert.Equal(0, preview.GetProperty("errorCount").GetInt32());

        await using var second = factory.AnotherInstance();
        // This instance takes no jobs: the other one must run it.
        using (factory.HoldJobs())
        {
            Assert.Equal(
                HttpStatusCode.Accepted,
                (await member.PostAsync($"/api/v1/projects/{projectId}/imports/{id}/apply", null)).StatusCode
            );
            // The same bearer token works on the other instance (the keys are in the database).
            var other = second.CreateClient();
            other.DefaultRequestHeaders.Authorization = member.DefaultRequestHeaders.Authorization;
            JsonElement status = default;
            for (var i = 0; i < 240; i++)
            {
                status = await other.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{projectId}/imports/{id}");
                if (status.GetProperty("state").GetString() is "Done" or "Failed")
                    break;
                await Task.Delay(250);
            }
            Assert.Equal("Done", status.GetProperty("state").GetString());
            Assert.Equal(6, status.GetProperty("processed").GetInt32());
        }
        Assert.Equal(
            3,
            await factory.WithDbAsync(db =>
                db.Set<Talka.Domain.Delivery.Participant>().CountAsync(p => p.ProjectId == projectId)
            )
        );
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join(
            "; ",
            response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []
        );
}
